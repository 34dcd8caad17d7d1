/// How a conversation's minutes are spent, read from the `timing` block of `prompts/chat/`.
public struct Timing: Sendable, Equatable {
    /// The length to plan for when the user has not said: most people ask for 20 to 30 minutes.
    public var defaultMinutes: Int
    /// About how long one question and its answer take.
    public var minutesPerQuestion: Int
    /// Minutes for saying hello and why you asked, before the first question.
    public var openingMinutes: Int
    /// Minutes for thanking them and asking who else to talk to, after the last question.
    public var closingMinutes: Int
    /// Categories whose last question is kept for the end, whatever the time: asking who else
    /// to talk to, and what to do next, matters more than one more question about the work.
    public var keepForEnd: [TiaraCategory]

    /// Creates a timing.
    public init(defaultMinutes: Int, minutesPerQuestion: Int, openingMinutes: Int, closingMinutes: Int, keepForEnd: [TiaraCategory]) {
        self.defaultMinutes = defaultMinutes
        self.minutesPerQuestion = minutesPerQuestion
        self.openingMinutes = openingMinutes
        self.closingMinutes = closingMinutes
        self.keepForEnd = keepForEnd
    }

    /// How many questions fit in a conversation of `minutes` (at least one).
    public func questionsThatFit(in minutes: Int) -> Int {
        max(1, (minutes - openingMinutes - closingMinutes) / max(1, minutesPerQuestion))
    }
}

/// Which questions fit in the time the user has, and which to keep for the end.
public struct TimePlan: Sendable, Equatable {
    /// What the plan says about one question.
    public enum Mark: String, Sendable, Equatable {
        /// Ask it, in order.
        case ask
        /// Ask it if there is time left.
        case ifTime
        /// Keep it for the end, whatever happens.
        case keepForEnd
    }

    /// The conversation's length.
    public var minutes: Int
    /// How many questions fit.
    public var fits: Int
    /// One mark a question, in list order.
    public var marks: [Mark]

    /// The plan for a list: the last question of each `keepForEnd` category is kept for the end;
    /// the others are asked in order while they fit, and the rest wait for spare time.
    public init(minutes: Int, questions: [PlannedQuestion], timing: Timing) {
        self.minutes = minutes
        fits = timing.questionsThatFit(in: minutes)
        let kept = Set(timing.keepForEnd.compactMap { category in questions.lastIndex { $0.category == category } })
        var room = max(0, fits - kept.count)
        marks = questions.indices.map { index in
            if kept.contains(index) { return .keepForEnd }
            guard room > 0 else { return .ifTime }
            room -= 1
            return .ask
        }
    }

    /// The questions asked in order, one-based, such as 1...6; empty when none.
    public var askedNumbers: [Int] {
        marks.indices.filter { marks[$0] == .ask }.map { $0 + 1 }
    }
}
