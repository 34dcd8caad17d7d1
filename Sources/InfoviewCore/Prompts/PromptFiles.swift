import Foundation

/// The text of a set of prompt files: the built-in ones, or a folder the user points at.
public struct PromptFiles: Sendable {
    /// One file: its display name (used in `file:line` messages) and its text.
    public struct File: Sendable, Equatable {
        /// The path relative to the prompts folder, such as `rules/pitch.rules`.
        public var path: String
        /// The display name, such as `prompts/rules/pitch.rules`.
        public var displayName: String
        /// The whole text.
        public var text: String
    }

    /// Every file, sorted by path.
    public var files: [File]
    /// Where the files came from: `built-in prompts` or a folder.
    public var origin: String

    /// The prompts built into the program.
    public static let builtIn = PromptFiles(
        files: EmbeddedPrompts.files.map { File(path: $0.path, displayName: "prompts/\($0.path)", text: $0.text) },
        origin: "built-in prompts")

    /// Creates a set from files already in memory (tests use this).
    public init(files: [File], origin: String) {
        self.files = files.sorted { $0.path < $1.path }
        self.origin = origin
    }

    /// Reads every file below a folder.
    public static func read(from folder: String) throws(PromptError) -> PromptFiles {
        let root = URL(fileURLWithPath: folder).standardizedFileURL
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw PromptError(
                reason: .unreadable("no prompts folder here (expected a folder holding rules/, flows/ …)"),
                location: SourceLocation(file: folder, line: 0))
        }
        var files: [File] = []
        let walker = FileManager.default.enumerator(
            at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        while let url = walker?.nextObject() as? URL {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(root.path.count + 1))
            let display = (folder as NSString).appendingPathComponent(relative)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw PromptError(
                    reason: .unreadable("cannot read this file (check its permissions)"),
                    location: SourceLocation(file: display, line: 0))
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw PromptError(
                    reason: .unreadable("this line is not UTF-8 text (expected the file saved as UTF-8)"),
                    location: SourceLocation(file: display, line: Self.firstLineNotUTF8(data)))
            }
            files.append(File(path: relative, displayName: display, text: text))
        }
        return PromptFiles(files: files, origin: folder)
    }

    /// The number of the first line that is not valid UTF-8, counting from 1.
    static func firstLineNotUTF8(_ data: Data) -> Int {
        let lines = data.split(separator: 0x0A, omittingEmptySubsequences: false)
        let bad = lines.firstIndex { String(data: Data($0), encoding: .utf8) == nil } ?? lines.startIndex
        return lines.distance(from: lines.startIndex, to: bad) + 1
    }

    /// The files whose path starts with a folder name and ends with an extension.
    public func files(in folder: String, ending suffix: String) -> [File] {
        files.filter { $0.path.hasPrefix(folder + "/") && $0.path.hasSuffix(suffix) }
    }
}
