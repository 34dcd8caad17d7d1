/// How the question list is built, read from the `question-list` block of `prompts/chat/`.
public struct QuestionListSettings: Sendable, Equatable {
    /// The question every list ends with, unless the user removes it.
    public var closing: String
    /// Its TIARA category.
    public var closingCategory: TiaraCategory
    /// Normalised phrases that make a suggestion the same as the closing question (a bank's
    /// "Who else would you suggest I talk to?"), so it is not suggested again.
    public var closingLike: [String]
    /// Suggestions move on to the next category once this one has this many questions.
    public var perCategory: Int
    /// The category of a question that resembles no suggested one.
    public var usualCategory: TiaraCategory
    /// The longest question accepted, in characters.
    public var longest: Int

    /// Creates settings.
    public init(
        closing: String, closingCategory: TiaraCategory, closingLike: [String], perCategory: Int, usualCategory: TiaraCategory,
        longest: Int
    ) {
        self.closing = closing
        self.closingCategory = closingCategory
        self.closingLike = closingLike
        self.perCategory = perCategory
        self.usualCategory = usualCategory
        self.longest = longest
    }

    /// Whether a question asks what the closing question asks.
    public func isLikeClosing(_ text: String) -> Bool {
        let typed = Phrase.normalise(text)
        return typed == Phrase.normalise(closing) || closingLike.contains { typed == $0 || typed.hasPrefix($0 + " ") }
    }
}

extension MessageBook {
    /// The placeholders of the messages said while preparing an interview (questions, time plan,
    /// outreach email, home-screen status) and in the prep sheet.
    static let preparePlaceholders: [String: Set<String>] = [
        "suggested-answer": ["value"],
        "category-trends": [], "category-insights": [], "category-advice": [], "category-resources": [],
        "category-assignments": [],
        "questions-bank": ["bank"], "questions-keys": [], "questions-closing": ["closing"],
        "questions-so-far": ["count"], "question-suggested": ["category", "text"], "questions-no-more": [],
        "question-added": ["number", "category", "empty"], "question-pitch": [], "question-waiting": ["text"], "question-pitch-keys": [],
        "question-rewrite-keys": [], "question-caution-keys": [], "question-keep-keys": [], "question-kept-off": [],
        "question-edit": ["text"], "question-unchanged": [], "question-replaced": ["number", "category", "empty"], "question-closing-reworded": ["number", "text"],
        "question-removed": ["number", "text"], "question-moved": ["from", "to"],
        "question-recategorised": ["number", "category"], "question-number-unknown": ["number", "count"],
        "question-category-unknown": ["category", "categories"], "question-too-long": ["max"],
        "question-duplicate": ["number"], "question-unclear": [], "questions-commands": [],
        "questions-list-heading": ["count"], "questions-list-empty": [], "question-line": ["number", "category", "text", "mark"],
        "coverage": ["meter", "empty"], "coverage-item": ["category", "count"],
        "questions-done-empty": ["empty"], "questions-done": ["count"],
        "minutes-unclear": ["shortest", "longest"],
        "plan-heading": ["minutes", "fits", "per", "opening", "closing"], "plan-room": ["count", "spare"],
        "plan-full": ["count"], "plan-none": [], "mark-if-time": [], "mark-keep-for-end": [],
        "email-clean": [], "email-keys": ["choices"], "email-paste": [],
        "email-pasted-empty": [], "email-saved": ["name"],
        "next-questions": ["count", "fits", "empty"], "next-no-questions": [], "next-step": ["label"],
        "next-ready": ["name"],
        "show-questions-heading": ["count", "fits", "minutes"], "show-email-heading": [],
        "sheet-title": ["name"], "sheet-who-heading": [], "sheet-field-line": ["label", "value"],
        "sheet-why-heading": [], "sheet-why-boss": ["name"], "sheet-why-not-boss": ["name", "why"],
        "sheet-why-unknown": ["name"], "sheet-learn-heading": [], "sheet-gaps-heading": [], "sheet-gap-line": ["gap"],
        "sheet-questions-heading": [], "sheet-question-line": ["number", "category", "text", "mark"],
        "sheet-no-questions": ["name"], "sheet-plan-heading": [],
        "sheet-plan": ["minutes", "fits", "per", "opening", "closing", "ask", "if-time", "keep"],
        "sheet-email-heading": [], "sheet-email-open": [], "sheet-email-close": [], "sheet-no-email": ["name"],
        "sheet-reminders-heading": [], "sheet-reminders": ["name"], "sheet-missing": [],
    ]

    /// The word lists the question list and the email review read commands with.
    static let prepareWords = [
        "question-words", "add", "pass", "keep", "edit", "list", "next", "commands", "delete", "move", "category", "paste",
    ]

    /// How a TIARA category is shown, such as "Trends".
    public func name(of category: TiaraCategory) -> String {
        text("category-\(category.rawValue)")
    }
}
