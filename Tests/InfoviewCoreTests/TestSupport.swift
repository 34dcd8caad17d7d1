import Foundation
@testable import InfoviewCore

/// Paths and fixtures shared by the tests; nothing here reads `$HOME` or the clock.
enum TestSupport {
    /// The repository's `prompts/` folder.
    static let promptsFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("prompts").path

    /// The folder of golden transcripts.
    static let transcriptsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Transcripts").path

    /// The real prompts, parsed (once for all tests).
    static func library() throws -> PromptLibrary {
        try loaded.get()
    }

    /// Named `prompts/…` as the built-in files are, so that messages do not depend on the checkout.
    private static let loaded = Result<PromptLibrary, any Error> {
        let files = try PromptFiles.read(from: promptsFolder)
        let named = files.files.map { PromptFiles.File(path: $0.path, displayName: "prompts/" + $0.path, text: $0.text) }
        return try PromptLibrary.load(PromptFiles(files: named, origin: files.origin))
    }

    /// A fixed moment: 6 January 2025, 09:00 UTC.
    static let now = Date(timeIntervalSince1970: 1_736_154_000)

    /// A new empty folder under the system's temporary folder.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("infoview-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
