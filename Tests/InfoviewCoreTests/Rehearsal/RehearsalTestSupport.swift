import Foundation
@testable import InfoviewCore

/// The real prompts with some files replaced, added (a text) or removed (`nil`).
enum RehearsalTestSupport {
    static func library(with changes: [String: String?]) throws -> PromptLibrary {
        let files = try PromptFiles.read(from: TestSupport.promptsFolder)
        var named = files.files.map { PromptFiles.File(path: $0.path, displayName: "prompts/" + $0.path, text: $0.text) }
        for (path, text) in changes {
            named.removeAll { $0.path == path }
            if let text { named.append(PromptFiles.File(path: path, displayName: "prompts/" + path, text: text)) }
        }
        return try PromptLibrary.load(PromptFiles(files: named, origin: "test prompts"))
    }
}
