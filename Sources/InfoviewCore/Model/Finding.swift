/// One thing the coach noticed in a text: what, where, why, and what to say instead.
public struct Finding: Sendable, Equatable, Codable {
    /// The rule's id, such as `ask-openings/are-you-hiring`.
    public var rule: String
    /// How serious it is.
    public var severity: Severity
    /// The kind of mistake (`ask-job`, `closed-question` …), if the rule names one.
    public var kind: String?
    /// First character of the quoted span, in Unicode scalars from the start of the text.
    public var start: Int
    /// Just past the quoted span.
    public var end: Int
    /// The words as written.
    public var quote: String
    /// Why it matters, in a coach's words.
    public var why: String
    /// A better thing to say, if the rule has one.
    public var instead: String?
    /// What the rule matched, normalised (for `/why`).
    public var matched: String
    /// The `when:` line that matched.
    public var pattern: String
    /// Where the rule is defined.
    public var location: String
}
