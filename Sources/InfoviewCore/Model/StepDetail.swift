/// What a step that takes several lines holds between them: the suggestion on offer, a question
/// the coach flagged with its rewrite, an edit or a pasted email in progress. It is saved with
/// the flow's place, so an interrupted step resumes as it was.
public struct StepDetail: Sendable, Equatable, Codable {
    /// What the next line answers, when it is not a fresh question or command.
    public enum Awaiting: Sendable, Equatable, Codable {
        /// A flagged question: Enter takes the rewrite (or keeps the question, when allowed).
        case rewrite(Offer)
        /// The new wording of question `index` (zero-based), or of the suggestion on offer when `nil`.
        case edit(index: Int?)
        /// The lines of an email the user is pasting, until a line holding only a full stop.
        case paste(lines: [String])
    }

    /// A question the coach flagged, and what it offers instead.
    public struct Offer: Sendable, Equatable, Codable {
        /// The question as the user wrote it.
        public var original: String
        /// Its category.
        public var category: TiaraCategory
        /// The coach's rewrite, when it is a question the coach itself passes.
        public var rewrite: String?
        /// The rewrite's category.
        public var rewriteCategory: TiaraCategory?
        /// Whether the user may keep the original (a caution, not a pitch).
        public var canKeep: Bool
        /// The question it would replace (zero-based), when the user was editing one.
        public var replacing: Int?
        /// Whether it was an edit of the suggestion on offer (which is then used up).
        public var fromSuggestion: Bool

        /// Creates an offer.
        public init(
            original: String, category: TiaraCategory, rewrite: String?, rewriteCategory: TiaraCategory?, canKeep: Bool,
            replacing: Int?, fromSuggestion: Bool
        ) {
            self.original = original
            self.category = category
            self.rewrite = rewrite
            self.rewriteCategory = rewriteCategory
            self.canKeep = canKeep
            self.replacing = replacing
            self.fromSuggestion = fromSuggestion
        }
    }

    /// The next suggestion to consider, as an index into the step's suggestions.
    public var cursor: Int
    /// What the next line answers, if anything special.
    public var awaiting: Awaiting?
    /// Whether the closing question was put on the list (it is put there once).
    public var hasClosing: Bool
    /// Whether `done` was already answered with the empty categories once.
    public var warnedEmpty: Bool
    /// The email as last shown for review, which Enter keeps.
    public var draft: String?
    /// An email the user wrote themselves, shown for review instead of the assembled one.
    public var ownEmail: String?

    /// A fresh detail.
    public init(
        cursor: Int = 0, awaiting: Awaiting? = nil, hasClosing: Bool = false, warnedEmpty: Bool = false, draft: String? = nil,
        ownEmail: String? = nil
    ) {
        self.cursor = cursor
        self.awaiting = awaiting
        self.hasClosing = hasClosing
        self.warnedEmpty = warnedEmpty
        self.draft = draft
        self.ownEmail = ownEmail
    }
}
