/// The TIARA order of an informational interview's questions: Trends, Insights, Advice,
/// Resources ("who else should I talk to?"), Assignments ("what should I do next?").
public enum TiaraCategory: String, Sendable, CaseIterable, Codable, Comparable {
    /// Where the field is heading.
    case trends
    /// What the insider's work is really like.
    case insights
    /// What the insider would do in the user's place.
    case advice
    /// People, groups and reading to learn from next.
    case resources
    /// Small, concrete next steps to try.
    case assignments

    /// Earlier in the TIARA order first.
    public static func < (lhs: TiaraCategory, rhs: TiaraCategory) -> Bool {
        lhs.rank < rhs.rank
    }

    private var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }
}

/// Suggested questions for one field, read from `prompts/questions/*.questions`: a title, the
/// words people type for the field, and questions in TIARA order.
public struct QuestionBank: Sendable, Equatable {
    /// One suggested question and where it is written.
    public struct Question: Sendable, Equatable {
        /// The question as the user would ask it.
        public var text: String
        /// Its TIARA category.
        public var category: TiaraCategory
        /// Where it is in the prompt files.
        public var location: SourceLocation

        /// Creates a question.
        public init(text: String, category: TiaraCategory, location: SourceLocation) {
            self.text = text
            self.category = category
            self.location = location
        }
    }

    /// The bank's name from its header, such as `software`.
    public var name: String
    /// The field's name as shown to the user, such as "Software engineering".
    public var title: String
    /// Words and phrases a user may type for the field, normalised (lower case, single spaces).
    public var matches: [String]
    /// The questions: by category in TIARA order, in file order within a category.
    public var questions: [Question]
    /// Where the bank's header is.
    public var location: SourceLocation

    /// The bank used when no other bank matches the user's field.
    public static let generalName = "general"

    /// Creates a bank, putting the questions in TIARA order.
    public init(name: String, title: String, matches: [String], questions: [Question], location: SourceLocation) {
        self.name = name
        self.title = title
        self.matches = matches
        self.questions = TiaraCategory.allCases.flatMap { category in questions.filter { $0.category == category } }
        self.location = location
    }

    /// The questions of one category, in file order.
    public func questions(in category: TiaraCategory) -> [Question] {
        questions.filter { $0.category == category }
    }
}

/// How well a bank's `match:` phrases fit what a user typed for their field; more is better.
struct FieldRelevance: Comparable {
    /// Words in the longest phrase found: "ux design" beats "design".
    var longestPhrase: Int
    /// Words of the typed text that some phrase covers.
    var coveredWords: Int

    static func < (lhs: FieldRelevance, rhs: FieldRelevance) -> Bool {
        (lhs.longestPhrase, lhs.coveredWords) < (rhs.longestPhrase, rhs.coveredWords)
    }
}

extension QuestionBank {
    /// How well the bank fits the words a user typed (normalised, split on spaces), or nil when
    /// none of its phrases is there. A typed word also matches a phrase word with an `s` added,
    /// so "nurses" finds "nurse".
    func relevance(toField words: [Substring]) -> FieldRelevance? {
        var longest = 0
        var covered = Set<Int>()
        for phrase in matches {
            let parts = phrase.split(separator: " ")
            guard !parts.isEmpty, parts.count <= words.count else { continue }
            for start in 0...(words.count - parts.count) {
                let fits = parts.indices.allSatisfy { offset in
                    let typed = words[start + offset]
                    return typed == parts[offset] || (typed.hasSuffix("s") && typed.dropLast() == parts[offset])
                }
                guard fits else { continue }
                longest = max(longest, parts.count)
                covered.formUnion(start..<(start + parts.count))
            }
        }
        return longest == 0 ? nil : FieldRelevance(longestPhrase: longest, coveredWords: covered.count)
    }
}
