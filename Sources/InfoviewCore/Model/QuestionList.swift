/// The questions for one interview, in the order they will be asked.
///
/// New questions keep the TIARA order: each goes after the last question of its own or an
/// earlier category, so the closing question ("Who else should I talk to?") stays last until the
/// user moves or removes it.
public struct QuestionList: Sendable, Equatable {
    /// The questions, in order.
    public var questions: [PlannedQuestion]

    /// Creates a list.
    public init(_ questions: [PlannedQuestion] = []) {
        self.questions = questions
    }

    /// How many questions there are.
    public var count: Int { questions.count }

    /// Whether the list has no questions.
    public var isEmpty: Bool { questions.isEmpty }

    /// How many questions each TIARA category has, every category present.
    public var coverage: [(category: TiaraCategory, count: Int)] {
        TiaraCategory.allCases.map { category in (category, questions.filter { $0.category == category }.count) }
    }

    /// The categories with no question yet, in TIARA order.
    public var emptyCategories: [TiaraCategory] {
        coverage.filter { $0.count == 0 }.map(\.category)
    }

    /// Whether the list already has this question, ignoring case and punctuation.
    public func contains(_ text: String) -> Bool {
        let key = Phrase.normalise(text)
        return questions.contains { Phrase.normalise($0.text) == key }
    }

    /// Whether the closing question is on the list.
    public var hasClosing: Bool {
        questions.contains { $0.origin == .closing }
    }

    /// Adds a question where its category belongs; returns its index.
    @discardableResult
    public mutating func add(_ question: PlannedQuestion) -> Int {
        let index = insertionIndex(for: question)
        questions.insert(question, at: index)
        return index
    }

    /// Puts a question in place of the one at `index`, keeping its place.
    public mutating func replace(at index: Int, with question: PlannedQuestion) {
        questions[index] = question
    }

    /// Removes the question at `index` and returns it.
    @discardableResult
    public mutating func remove(at index: Int) -> PlannedQuestion {
        questions.remove(at: index)
    }

    /// Moves the question at `from` so that it ends up at index `to`.
    public mutating func move(from: Int, to: Int) {
        let question = questions.remove(at: from)
        questions.insert(question, at: min(to, questions.count))
    }

    /// After the last question of the same or an earlier category (the closing question aside,
    /// which stays last); at the start when there is none.
    func insertionIndex(for question: PlannedQuestion) -> Int {
        if question.origin == .closing { return questions.count }
        let last = questions.lastIndex { $0.origin != .closing && $0.category <= question.category }
        return last.map { $0 + 1 } ?? 0
    }
}
