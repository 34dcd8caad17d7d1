/// A place in a prompt file, printed `file:line` so editors can jump to it.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    /// The file's display name, such as `prompts/rules/pitch.rules`.
    public var file: String
    /// The 1-based line number.
    public var line: Int

    /// Creates a location.
    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    /// `file:line`.
    public var description: String { "\(file):\(line)" }
}
