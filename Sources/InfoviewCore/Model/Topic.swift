/// What a line said to an insider is about, read from a `topic NAME` block of
/// `prompts/rehearse/*.topics`: a question topic every persona answers (career path, trends …),
/// or a move they react to (thanks, goodbye, "tell me more", taking up an offer).
public struct Topic: Sendable, Equatable {
    /// How the insider replies to a line on this topic.
    public enum Reply: Sendable, Equatable {
        /// With the persona's `answer NAME` block for this topic.
        case answer
        /// With one of the persona's reactions.
        case reaction(Persona.Reaction)
        /// With the details of the opportunity the insider just raised.
        case offerDetails
    }

    /// What a scorecard notices about a line on this topic.
    public enum Notice: String, Sendable, Equatable, Codable, CaseIterable {
        /// The user thanked the insider.
        case thanks
        /// The user asked who else to talk to.
        case people
    }

    /// The topic's name, such as `career-path`.
    public var name: String
    /// The TIARA category a question on this topic counts in; `nil` for small talk and moves.
    public var category: TiaraCategory?
    /// How the insider replies.
    public var reply: Reply
    /// What the scorecard notices, if anything.
    public var notice: Notice?
    /// Whether the line ends the rehearsal (a goodbye).
    public var ends: Bool
    /// Whether the topic only counts right after the insider raised an opportunity.
    public var afterOffer: Bool
    /// How many minutes of the meeting an exchange on this topic takes; `nil` for the clock's
    /// `per-question` (a topic with a category) or `per-remark` (any other).
    public var minutes: Int?
    /// Higher wins when several topics match a line.
    public var weight: Int
    /// Lines that must be read as this topic.
    public var examples: [Rule.Example]
    /// Lines that must not.
    public var counterExamples: [Rule.Example]
    /// Where the block is.
    public var location: SourceLocation

    /// Whether every persona must have an `answer` block for it.
    public var needsAnswer: Bool { reply == .answer }
}

/// Whether a question is open (what, how, why) or closed (yes or no), for the scorecard.
public enum QuestionForm: String, Sendable, Equatable, Codable, CaseIterable {
    /// What, how, why: the insider tells you what you did not know to ask.
    case open
    /// Answered with a yes or a no.
    case closed
}

/// The clock of a rehearsal and of the live checklist, from the `clock` block of
/// `prompts/rehearse/*.topics`.
public struct RehearsalClock: Sendable, Equatable {
    /// The planned length when the interview has none.
    public var length: Int
    /// Minutes a question and its answer take, unless the topic says otherwise.
    public var perQuestion: Int
    /// Minutes a remark (small talk, thanks, a deflection) takes.
    public var perRemark: Int
    /// The insider signals the end this many minutes before the planned end.
    public var wrapUp: Int
    /// …and leaves this many minutes after it.
    public var overtime: Int
    /// Exchanges the insider stays cool after a pitch.
    public var coolFor: Int
    /// The exchanges between which an insider may raise an opportunity (the first is 1).
    public var offerWindow: ClosedRange<Int>
    /// The live checklist warns this many minutes before the planned end.
    public var liveWarning: Int
    /// How many questions the live checklist takes from a question bank when the interview has
    /// no question list: one per TIARA category, up to this many.
    public var bankQuestions: Int
}
