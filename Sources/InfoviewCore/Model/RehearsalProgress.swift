/// Where a rehearsal is: who plays the insider, the clock, how the insider feels, and every
/// exchange so far. Saved after each line, so a rehearsal cut short resumes where it stopped.
public struct RehearsalProgress: Sendable, Equatable, Codable {
    /// The interview being rehearsed.
    public var interview: String
    /// Which rehearsal of this interview it is: 1 for the first.
    public var attempt: Int
    /// The persona playing the insider; `nil` while the user picks one.
    public var persona: String?
    /// The personas offered while the user picks, in the order shown.
    public var choices: [String]
    /// How long the meeting is planned to last, in minutes.
    public var plannedMinutes: Int
    /// The insider and the clock.
    public var scene: RehearsalScene
    /// The scene before the last line, while that line is flagged and may be retried.
    public var beforeFlagged: RehearsalScene?
    /// Every exchange, in order, retried ones included.
    public var exchanges: [Exchange]
    /// How many questions of the interview's list `/next` has taken.
    public var nextQuestion: Int

    /// A rehearsal that starts with the user picking a persona, or with `persona` already chosen.
    public init(interview: String, attempt: Int, persona: String?, choices: [String] = [], plannedMinutes: Int) {
        self.interview = interview
        self.attempt = attempt
        self.persona = persona
        self.choices = choices
        self.plannedMinutes = plannedMinutes
        self.scene = RehearsalScene()
        self.beforeFlagged = nil
        self.exchanges = []
        self.nextQuestion = 0
    }

    /// The exchanges that count: those not taken back with `/retry`.
    public var kept: [Exchange] { exchanges.filter { !$0.isRetried } }
}

/// The insider's side of a rehearsal between two lines.
public struct RehearsalScene: Sendable, Equatable, Codable {
    /// Minutes of the meeting used so far.
    public var minutes = 0
    /// Exchanges the insider stays cool for, after a pitch.
    public var coolFor = 0
    /// What the insider said last: the coach's context.
    public var heard = ""
    /// The insider's last few replies, the latest first: what a rejoinder may follow up on.
    public var recentlySaid: [String] = []
    /// The exchange after which the insider raises an opportunity, if they will.
    public var offerAfter: Int?
    /// The opportunity the insider raised (its index in the persona's offers), while it is the
    /// last thing they said.
    public var openOffer: Int?
    /// Whether the insider has raised an opportunity in this rehearsal.
    public var offerRaised = false
    /// Whether the insider has said that time is nearly up.
    public var signalledEnd = false
    /// Which variants were said, by answer or reaction, so that none is said twice.
    public var said: [String: [Int]] = [:]
    /// The exchanges answered so far (retried ones excluded).
    public var exchangeCount = 0

    /// A scene at the start of a meeting.
    public init() {}
}

/// One line the user said in a rehearsal and what came of it.
public struct Exchange: Sendable, Equatable, Codable {
    /// What the user said.
    public var said: String
    /// The topic it was read as (`career-path`, `rejoinder:on-call` …); `nil` when none.
    public var topic: String?
    /// The TIARA category of the question, if it was one with a category.
    public var category: TiaraCategory?
    /// Whether it was a question at all.
    public var isQuestion: Bool
    /// Open or closed, for a question.
    public var form: QuestionForm?
    /// What the coach flagged in it.
    public var flags: [RehearsalFlag]
    /// What the scorecard noticed (thanks, asking who else to talk to).
    public var notices: [Topic.Notice]
    /// Words about the insider (you, your).
    public var wordsAboutThem: Int
    /// Words about the user (I, me, my).
    public var wordsAboutSelf: Int
    /// What the insider replied, line by line.
    public var reply: [String]
    /// The meeting's minute after the exchange.
    public var minute: Int
    /// Whether the insider raised an opportunity in the reply.
    public var raisedOffer: Bool
    /// Whether the line answered an opportunity the insider had just raised.
    public var answeredOffer: Bool
    /// Whether the user took the line back with `/retry`.
    public var isRetried: Bool

    /// Whether the coach found a pitch in the line.
    public var isPitch: Bool { flags.contains { $0.severity == .pitch } }
}

/// What the coach flagged in a rehearsal line, kept with the transcript.
public struct RehearsalFlag: Sendable, Equatable, Codable {
    /// The rule's id.
    public var rule: String
    /// How serious it is.
    public var severity: Severity
    /// The kind of mistake, such as `ask-openings`.
    public var kind: String?
    /// The words flagged, as said.
    public var quote: String
    /// The better thing to say, if the rule has one.
    public var instead: String?

    /// The flag for a finding.
    public init(_ finding: Finding) {
        rule = finding.rule
        severity = finding.severity
        kind = finding.kind
        quote = finding.quote
        instead = finding.instead
    }
}
