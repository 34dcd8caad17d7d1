/// A question on the list the user is building for one interview: its words, its TIARA
/// category and where it came from.
public struct PlannedQuestion: Sendable, Equatable, Codable {
    /// Where a question came from.
    public enum Origin: String, Sendable, Equatable, Codable, CaseIterable {
        /// A suggestion from a question bank, taken as it was.
        case suggested
        /// Written (or edited) by the user.
        case own
        /// The coach's rewrite of a question the user wrote.
        case rewrite
        /// The question the list ends with ("Who else should I talk to?").
        case closing
    }

    /// The question as the user will ask it.
    public var text: String
    /// Its TIARA category.
    public var category: TiaraCategory
    /// Where it came from.
    public var origin: Origin

    /// Creates a question.
    public init(text: String, category: TiaraCategory, origin: Origin) {
        self.text = text
        self.category = category
        self.origin = origin
    }
}
