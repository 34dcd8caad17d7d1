/// A mistake in a prompt file, printed as `file:line: message`.
public struct PromptError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What is wrong, each case with the words its message needs.
    public enum Reason: Equatable, Sendable {
        /// A `key:` this kind of block does not have.
        case unknownKey(String, expected: [String])
        /// A block header whose first word names no kind of block.
        case unknownBlock(String, expected: [String])
        /// A block without a key it must have.
        case missingKey(String, block: String)
        /// Two blocks of the same kind with the same name.
        case duplicateName(String, firstSeen: SourceLocation)
        /// A reference to a step that the flow does not define.
        case unknownStep(String)
        /// A reference to a concept that no file defines.
        case unknownConcept(String)
        /// A value that does not fit its key.
        case badValue(key: String, value: String, expected: String)
        /// A pattern that does not parse.
        case badPattern(String)
        /// A line that is neither a header, a `key: value` line, a comment nor blank.
        case malformedLine(String)
        /// A rule example that does not behave as written.
        case example(String)
        /// A file that cannot be read.
        case unreadable(String)
    }

    /// What is wrong.
    public var reason: Reason
    /// Where it is.
    public var location: SourceLocation

    /// Creates an error at a location.
    public init(reason: Reason, location: SourceLocation) {
        self.reason = reason
        self.location = location
    }

    /// `file:line: message`.
    public var description: String { "\(location): \(reason.message)" }
}

extension PromptError.Reason {
    /// The message for whoever edits the prompts: what is wrong, then what was expected.
    public var message: String {
        switch self {
        case .unknownKey(let key, let expected):
            return "unknown key '\(key)' (expected \(Self.list(expected)))"
        case .unknownBlock(let kind, let expected):
            return "unknown block '\(kind)' (expected a header starting with \(Self.list(expected)))"
        case .missingKey(let key, let block):
            return "\(block) has no '\(key):' line (every \(block.split(separator: " ").first ?? "block") needs one)"
        case .duplicateName(let name, let first):
            return "'\(name)' is defined twice (first at \(first))"
        case .unknownStep(let name):
            return "no step named '\(name)' in this flow"
        case .unknownConcept(let name):
            return "no concept named '~\(name)' (define it with a 'concept \(name)' block)"
        case .badValue(let key, let value, let expected):
            return "'\(key): \(value)' is not valid (expected \(expected))"
        case .badPattern(let message):
            return "bad pattern: \(message)"
        case .malformedLine(let line):
            return "cannot read '\(line)' (expected a header at column 0, an indented 'key: value' line, a '#' comment or a blank line)"
        case .example(let message):
            return message
        case .unreadable(let message):
            return message
        }
    }

    private static func list(_ words: [String]) -> String {
        switch words.count {
        case 0: return "nothing"
        case 1: return words[0]
        default: return words.dropLast().joined(separator: ", ") + " or " + words[words.count - 1]
        }
    }
}
