/// A coach rule, as written in a `rule NAME` block of `prompts/rules/*.rules`.
public struct Rule: Sendable {
    /// An example the rule must (or must not) fire on, with what the insider said just before.
    public struct Example: Sendable, Equatable {
        public var text: String
        public var context: String?
        public var location: SourceLocation
    }

    public var id: String
    public var severity: Severity
    public var kind: String?
    /// Channels the rule applies to; empty means every channel.
    public var channels: [Channel]
    public var why: String
    public var instead: String?
    public var weight: Int
    /// Fires only in a sentence of more than this many words.
    public var longerThan: Int?
    /// Doors (opportunities the insider raised) after which the rule does not fire.
    public var allowedAfter: [String]
    public var examples: [Example]
    public var counterExamples: [Example]
    public var location: SourceLocation
    /// Position among all rules, for the last tie-break.
    public var order: Int
}

/// A kind of opportunity the insider can raise (`door role`), recognised in what they said.
public struct Door: Sendable {
    public var name: String
    public var examples: [Rule.Example]
    public var counterExamples: [Rule.Example]
    public var location: SourceLocation
}

/// A thing a person may ask for at the home prompt, recognised by patterns (`intent NAME`).
public struct Intent: Sendable {
    public var name: String
    /// The action for the caller, with `{1}`… for the captured words.
    public var action: String
    /// Replies to pick from, with `{1}`….
    public var replies: [String]
    public var weight: Int
    public var examples: [Rule.Example]
    public var counterExamples: [Rule.Example]
    public var location: SourceLocation
    public var order: Int
}

/// A check of a whole text rather than of its words (`lint NAME`): an email too long, without a
/// question, not opening with the connection, more about the writer than the reader.
public struct LintRule: Sendable {
    /// What is measured.
    public enum Measure: Sendable, Equatable {
        /// More than this many words.
        case wordsOver(Int)
        /// No question mark anywhere.
        case noQuestion
        /// The `require:` pattern does not match within the first `within` sentences.
        case missingInOpening(within: Int)
        /// More first-person words (I, me, my) than second-person ones (you, your).
        case selfOverOther
    }

    public var id: String
    public var severity: Severity
    public var kind: String?
    public var channels: [Channel]
    public var measure: Measure
    public var why: String
    public var instead: String?
    public var examples: [Rule.Example]
    public var counterExamples: [Rule.Example]
    public var location: SourceLocation
}
