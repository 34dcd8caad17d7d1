/// What happened in a rehearsal, as observable facts rather than judgements: the questions by
/// TIARA category, open and closed, the pitches flagged, whether the user asked who else to talk
/// to and thanked the insider, the time used, and how much of the talk was about whom.
public struct Scorecard: Sendable, Equatable, Codable {
    /// Who played the insider (their full name).
    public var persona: String
    /// Questions asked (retried lines left out).
    public var questions: Int
    /// Questions about trends.
    public var trends: Int
    /// Questions for insights into the work.
    public var insights: Int
    /// Questions asking for advice.
    public var advice: Int
    /// Questions about resources and people to talk to.
    public var resources: Int
    /// Questions about assignments, next steps to try.
    public var assignments: Int
    /// Questions on no TIARA topic.
    public var otherQuestions: Int
    /// Open questions (what, how, why).
    public var open: Int
    /// Closed questions (yes or no).
    public var closed: Int
    /// Every pitch the coach flagged, retried ones included.
    public var pitches: [PitchNote]
    /// Cautions and tips the coach raised on lines that were kept.
    public var otherFlags: Int
    /// Whether the user asked who else to talk to.
    public var askedForPeople: Bool
    /// Whether the user thanked the insider.
    public var thanked: Bool
    /// Minutes used.
    public var minutes: Int
    /// Minutes planned.
    public var plannedMinutes: Int
    /// Words about the insider (you, your).
    public var wordsAboutThem: Int
    /// Words about the user (I, me, my).
    public var wordsAboutSelf: Int
    /// Whether the insider raised an opportunity.
    public var offerRaised: Bool
    /// Whether the user took it up, without a pitch, on the next line.
    public var offerAnswered: Bool
    /// Whether the user asked for more than was offered (a pitch) instead.
    public var offerOverAsked: Bool

    /// A pitch flagged during the rehearsal.
    public struct PitchNote: Sendable, Equatable, Codable {
        /// The rule's id.
        public var rule: String
        /// The kind of pitch, such as `ask-openings`.
        public var kind: String?
        /// The words flagged.
        public var quote: String
        /// Whether the user took the line back and said it again.
        public var wasRetried: Bool
    }

    /// Whether the rehearsal ended within the planned time.
    public var keptToTime: Bool { minutes <= plannedMinutes }

    /// The share of the words about a person that were about the insider, in percent; `nil` when
    /// neither was mentioned.
    public var percentAboutThem: Int? {
        let total = wordsAboutThem + wordsAboutSelf
        guard total > 0 else { return nil }
        return (wordsAboutThem * 100 + total / 2) / total
    }

    /// The questions in one TIARA category.
    public func count(_ category: TiaraCategory) -> Int {
        switch category {
        case .trends: trends
        case .insights: insights
        case .advice: advice
        case .resources: resources
        case .assignments: assignments
        }
    }

    /// Tallies a rehearsal's exchanges.
    public init(persona: String, exchanges: [Exchange], minutes: Int, plannedMinutes: Int) {
        let kept = exchanges.filter { !$0.isRetried }
        let questions = kept.filter(\.isQuestion)
        func count(_ category: TiaraCategory) -> Int { questions.filter { $0.category == category }.count }
        self.persona = persona
        self.questions = questions.count
        trends = count(.trends)
        insights = count(.insights)
        advice = count(.advice)
        resources = count(.resources)
        assignments = count(.assignments)
        otherQuestions = questions.filter { $0.category == nil }.count
        open = questions.filter { $0.form == .open }.count
        closed = questions.filter { $0.form == .closed }.count
        pitches = exchanges.flatMap { exchange in
            exchange.flags.filter { $0.severity == .pitch }.map {
                PitchNote(rule: $0.rule, kind: $0.kind, quote: $0.quote, wasRetried: exchange.isRetried)
            }
        }
        otherFlags = kept.reduce(0) { $0 + $1.flags.filter { $0.severity != .pitch }.count }
        askedForPeople = kept.contains { $0.notices.contains(.people) }
        thanked = kept.contains { $0.notices.contains(.thanks) }
        self.minutes = minutes
        self.plannedMinutes = plannedMinutes
        wordsAboutThem = kept.reduce(0) { $0 + $1.wordsAboutThem }
        wordsAboutSelf = kept.reduce(0) { $0 + $1.wordsAboutSelf }
        offerRaised = kept.contains(where: \.raisedOffer)
        offerAnswered = kept.contains { $0.answeredOffer && !$0.isPitch }
        offerOverAsked = kept.contains { $0.answeredOffer && $0.isPitch }
    }
}
