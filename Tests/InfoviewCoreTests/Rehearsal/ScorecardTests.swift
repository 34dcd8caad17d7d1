import Testing
@testable import InfoviewCore

/// An exchange with what the scorecard reads, and nothing else.
private func exchange(
    _ said: String, _ category: TiaraCategory? = nil, form: QuestionForm? = .open, flags: [RehearsalFlag] = [],
    notices: [Topic.Notice] = [], them: Int = 0, me: Int = 0, raisedOffer: Bool = false, answeredOffer: Bool = false,
    retried: Bool = false
) -> Exchange {
    Exchange(
        said: said, topic: nil, category: category, isQuestion: form != nil, form: form, flags: flags, notices: notices,
        wordsAboutThem: them, wordsAboutSelf: me, reply: [], minute: 0, raisedOffer: raisedOffer, answeredOffer: answeredOffer,
        isRetried: retried)
}

private func flag(_ severity: Severity, _ kind: String, _ quote: String) -> RehearsalFlag {
    RehearsalFlag(
        Finding(
            rule: "\(kind)/rule", severity: severity, kind: kind, start: 0, end: quote.count, quote: quote, why: "", instead: nil,
            matched: "", pattern: "", location: "t.rules:1"))
}

@Test("questions are counted by TIARA category and form; statements are not questions")
func questionsByCategory() {
    let card = Scorecard(
        persona: "Maya Okafor",
        exchanges: [
            exchange("Hi!", form: nil),
            exchange("How are things changing?", .trends),
            exchange("What is a typical day?", .insights),
            exchange("What surprised you?", .insights),
            exchange("Is it stressful?", .insights, form: .closed),
            exchange("Who else should I talk to?", .resources, notices: [.people]),
            exchange("And the weather?"),
        ],
        minutes: 12, plannedMinutes: 20)
    #expect(card.questions == 6)
    #expect(TiaraCategory.allCases.map(card.count) == [1, 3, 0, 1, 0])
    #expect(card.otherQuestions == 1)
    #expect((card.open, card.closed) == (5, 1))
    #expect(card.askedForPeople)
    #expect(!card.thanked)
}

@Test("a retried line leaves the counts, but its pitch stays on the card, marked")
func retriedLines() {
    let pitch = flag(.pitch, "ask-openings", "Are you hiring")
    let card = Scorecard(
        persona: "Tom Lindqvist",
        exchanges: [
            exchange("Are you hiring?", form: .closed, flags: [pitch], me: 0, retried: true),
            exchange("What do you look for in people who join your team?", .advice, them: 2),
            exchange("Could you keep me in mind?", form: .closed, flags: [flag(.pitch, "keep-in-mind", "keep me in mind")], me: 1),
            exchange("Thanks!", form: nil, flags: [flag(.tip, "disclaimer", "x")], notices: [.thanks]),
        ],
        minutes: 8, plannedMinutes: 20)
    #expect(card.questions == 2)
    #expect(card.closed == 1)
    #expect(card.pitches.map(\.quote) == ["Are you hiring", "keep me in mind"])
    #expect(card.pitches.map(\.wasRetried) == [true, false])
    #expect(card.pitches.map(\.kind) == ["ask-openings", "keep-in-mind"])
    #expect(card.otherFlags == 1)
    #expect(card.thanked)
}

@Test("the share of talk about them is rounded, and absent when nobody was mentioned", arguments: [
    (2, 1, 67), (1, 2, 33), (1, 1, 50), (5, 0, 100), (0, 3, 0),
])
func talkShare(them: Int, me: Int, percent: Int) {
    let card = Scorecard(persona: "Ruth Adebayo", exchanges: [exchange("…", them: them, me: me)], minutes: 2, plannedMinutes: 20)
    #expect(card.percentAboutThem == percent)
    let silent = Scorecard(persona: "Ruth Adebayo", exchanges: [exchange("Hello.", form: nil)], minutes: 1, plannedMinutes: 20)
    #expect(silent.percentAboutThem == nil)
}

@Test("keeping to time means ending at or before the planned minute", arguments: [(19, true), (20, true), (21, false)])
func keptToTime(minutes: Int, kept: Bool) {
    #expect(Scorecard(persona: "Aisha Karim", exchanges: [], minutes: minutes, plannedMinutes: 20).keptToTime == kept)
}

@Test("an offer counts as taken up only when the answer to it was not a pitch; a pitch there asked for more")
func offerTakenUp() {
    let raised = exchange("What skills matter?", .advice, raisedOffer: true)
    let good = exchange("I'd love that - what would it involve?", answeredOffer: true)
    let greedy = exchange("Great, and could you refer me too?", flags: [flag(.pitch, "ask-referral", "refer me")], answeredOffer: true)
    let taken = Scorecard(persona: "Tom Lindqvist", exchanges: [raised, good], minutes: 4, plannedMinutes: 20)
    #expect(taken.offerRaised && taken.offerAnswered)
    let overAsked = Scorecard(persona: "Tom Lindqvist", exchanges: [raised, greedy], minutes: 4, plannedMinutes: 20)
    #expect(overAsked.offerRaised && !overAsked.offerAnswered && overAsked.offerOverAsked)
    #expect(!taken.offerOverAsked)
    let never = Scorecard(persona: "Tom Lindqvist", exchanges: [good], minutes: 4, plannedMinutes: 20)
    #expect(!never.offerRaised)
}
