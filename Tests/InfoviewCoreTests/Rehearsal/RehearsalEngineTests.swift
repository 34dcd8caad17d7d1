import Foundation
import Testing
@testable import InfoviewCore

/// A chat on a fresh in-memory database at a fixed time.
private struct Session {
    var chat: ChatSession
    let library: PromptLibrary

    init(seed: UInt64 = 7) throws {
        library = try TestSupport.library()
        chat = try ChatSession(library: library, store: try Store.inMemory(), seed: seed, clock: { TestSupport.now })
    }

    @discardableResult
    mutating func type(_ line: String) -> String { chat.handle(line).plainText }

    /// An interview whose role points at a field, left at home.
    mutating func prepare(_ name: String, role: String?) {
        type("/prepare \(name)")
        if let role { type(role) }
        type("stop")
    }

    var rehearsal: RehearsalProgress? { chat.state.rehearsal }
    var book: RehearsalBook { library.rehearsal }
}

/// The insider's line as the transcript shows it, without the "Maya: " in front.
private func said(_ reply: String, by first: String) -> [String] {
    reply.split(separator: "\n").compactMap { line in
        line.hasPrefix(first + ": ") ? String(line.dropFirst(first.count + 2)) : nil
    }
}

@Test("the interview's field picks the persona, who greets the user after the intro")
func personaByField() throws {
    var session = try Session()
    session.prepare("Sam", role: "Product designer")
    let reply = session.type("/rehearse Sam")
    #expect(reply.contains("Tom Lindqvist, design lead at Fieldnote"))
    let tom = try #require(session.book.persona(named: "tom"))
    let greeting = try #require(said(reply, by: "Tom").first)
    #expect(tom.reactions[.greeting]?.map { $0.render(["minutes": "20"]) }.contains(greeting) == true)
    #expect(session.rehearsal?.persona == "tom")
    #expect(session.rehearsal?.plannedMinutes == 20)
    #expect(session.chat.overview.rehearsals.map(\.attempt) == [1])
    #expect(session.chat.prompt == "rehearse 0/20 min > ")
}

@Test("without a field, the user picks a persona by number or name; 'with NAME' picks one directly")
func pickingAPersona() throws {
    var session = try Session()
    session.prepare("Kim", role: nil)
    let list = session.type("/rehearse Kim")
    #expect(list.contains("1. Aisha Karim, ward manager"))
    #expect(session.rehearsal?.persona == nil)
    #expect(session.chat.overview.rehearsals.isEmpty, "nothing is saved before a persona is picked")
    #expect(session.type("someone").hasPrefix("Type the number or the first name of one of them: Aisha, Daniel, Grace, Maya, Ruth, Tom."))
    #expect(session.type("2").contains("Daniel Reyes, head of financial planning"))
    #expect(session.rehearsal?.persona == "daniel")
    session.type("/stop")
    session.prepare("Lee", role: "Software engineer")
    #expect(session.type("/rehearse Lee with grace").contains("Grace Mensah, programme director"))
    session.type("/stop")
    #expect(session.type("/rehearse Lee with Zed").hasPrefix("Nobody called Zed plays insiders here. Pick one of: Aisha, Daniel, Grace, Maya, Ruth, Tom."))
}

@Test("a pitch is flagged with its rewrite, and the insider cools down: shorter answers for a while")
func pitchCools() throws {
    var session = try Session()
    session.prepare("Sam", role: "Software engineer")
    session.type("/rehearse Sam")
    let maya = try #require(session.book.persona(named: "maya"))
    let pitched = session.type("Are you hiring right now?")
    #expect(pitched.hasPrefix("pitch: "))
    #expect(pitched.contains("Instead: "))
    #expect(pitched.contains("/retry"))
    let reaction = try #require(said(pitched, by: "Maya").first)
    #expect(maya.reactions[.pitched]?.map { $0.render([:]) }.contains(reaction) == true)
    #expect(session.rehearsal?.scene.coolFor == session.book.clock.coolFor)
    let cool = try #require(said(session.type("What does a typical day look like for you?"), by: "Maya").first)
    #expect(maya.answers["day-to-day"]?.short.contains(cool) == true)
    session.type("How did you get into engineering?")
    let warm = try #require(said(session.type("What skills matter most on your team?"), by: "Maya").first)
    #expect(maya.answers["skills"]?.warm.contains(warm) == true)
}

@Test("/retry takes a flagged line back: the insider is where they were, and the line is kept, marked")
func retryRestores() throws {
    var session = try Session()
    session.prepare("Sam", role: "Software engineer")
    session.type("/rehearse Sam")
    session.type("What does a typical day look like for you?")
    let before = try #require(session.rehearsal?.scene)
    session.type("Could you refer me to your hiring manager?")
    #expect(session.rehearsal?.scene != before)
    let retried = session.type("/retry")
    #expect(retried.hasPrefix("Taken back: Maya never heard it."))
    #expect(retried.contains("Maya: " + before.heard))
    #expect(retried.contains("(The coach suggested: "))
    #expect(session.rehearsal?.scene == before)
    #expect(session.rehearsal?.exchanges.map(\.isRetried) == [false, true])
    #expect(session.type("/retry") == "There's nothing to take back: /retry works right after the coach flags a line.")
    let lines = try session.chat.store.rehearsalLines(interview: "Sam", attempt: 1)
    #expect(lines.map(\.isRetried) == [false, false, false, true, true])
    #expect(lines.map(\.speaker) == ["insider", "user", "insider", "user", "insider"])
}

@Test("an insider answers a topic differently each time, then says they have told all they know")
func variedAnswers() throws {
    var session = try Session()
    session.prepare("Sam", role: "Nurse")
    session.type("/rehearse Sam")
    let aisha = try #require(session.book.persona(named: "aisha"))
    var answers: [String] = []
    for _ in 0..<3 { answers += said(session.type("What does a typical day look like?"), by: "Aisha") }
    #expect(Set(answers).count == 3)
    #expect(Set(answers).isSubset(of: Set(aisha.answers["day-to-day"]?.warm ?? [])))
    let fourth = try #require(said(session.type("What does a typical day look like?"), by: "Aisha").first)
    #expect(aisha.reactions[.again]?.map { $0.render([:]) }.contains(fourth) == true)
}

@Test("a question without a topic gets a deflection, never the same one twice in a row")
func deflections() throws {
    var session = try Session()
    session.prepare("Sam", role: "Teacher")
    session.type("/rehearse Sam")
    let ruth = try #require(session.book.persona(named: "ruth"))
    let deflections = Set(ruth.reactions[.deflect]?.map { $0.render([:]) } ?? [])
    var last = ""
    for question in ["What's your favourite colour?", "Do you like cats?", "Which football team do you support?", "Zebra?"] {
        let line = try #require(said(session.type(question), by: "Ruth").first)
        #expect(deflections.contains(line))
        #expect(line != last)
        last = line
    }
}

@Test("a follow-up on what the insider just said gets their rejoinder; 'tell me more' does too")
func rejoinders() throws {
    let library = try TestSupport.library()
    let maya = try #require(library.rehearsal.persona(named: "maya"))
    let engine = RehearsalEngine(library: library)
    var progress = RehearsalProgress(interview: "Sam", attempt: 1, persona: "maya", plannedMinutes: 20)
    progress.scene.heard = maya.answers["day-to-day"]!.warm[0]
    var random = SeededGenerator(seed: 1)
    let asked = engine.respond(to: "You mentioned the on-call rota - how does that work?", in: progress, muted: [], using: &random)
    let onCall = try #require(maya.rejoinders.first { $0.name == "on-call" })
    #expect(onCall.says.contains(said(asked.reply.plainText, by: "Maya").first ?? ""))
    #expect(asked.progress?.exchanges.last?.topic == "rejoinder:on-call")
    let more = engine.respond(to: "Tell me more about that.", in: progress, muted: [], using: &random)
    #expect(onCall.says.contains(said(more.reply.plainText, by: "Maya").first ?? ""))
    progress.scene.heard = maya.answers["skills"]!.warm[1]
    let unrelated = engine.respond(to: "How does the on-call rota work?", in: progress, muted: [], using: &random)
    #expect(unrelated.progress?.exchanges.last?.topic?.hasPrefix("rejoinder:") == false)
}

@Test("an insider may raise an opportunity: taking it up is no pitch and gets its details; asking for more is")
func offers() throws {
    let library = try TestSupport.library()
    let tom = try #require(library.rehearsal.persona(named: "tom"))
    let engine = RehearsalEngine(library: library)
    var progress = RehearsalProgress(interview: "Sam", attempt: 1, persona: "tom", plannedMinutes: 20)
    progress.scene.offerAfter = 1
    var random = SeededGenerator(seed: 4)
    let raised = engine.respond(to: "What skills matter most in your work?", in: progress, muted: [], using: &random)
    let offered = try #require(raised.progress)
    let index = try #require(offered.scene.openOffer)
    let offerText = tom.offers[index].says[0]
    #expect(raised.reply.plainText.hasSuffix(offerText))
    #expect(offered.exchanges.last?.raisedOffer == true)
    let taken = engine.respond(to: "Yes, I'd love that - what would it involve?", in: offered, muted: [], using: &random)
    #expect(taken.findings.isEmpty)
    #expect(tom.offers[index].details.contains(said(taken.reply.plainText, by: "Tom").first ?? ""))
    #expect(taken.progress?.exchanges.last?.answeredOffer == true)
    #expect(taken.progress?.scene.openOffer == nil)
    let greedy = engine.respond(to: "Great, and could you also refer me for a full-time job on your team?", in: offered, muted: [], using: &random)
    #expect(greedy.findings.contains { $0.severity == .pitch })
    #expect(greedy.progress?.scene.coolFor == library.rehearsal.clock.coolFor)
}

@Test("after a pitch the insider no longer raises the opportunity they would have")
func pitchClosesTheOffer() throws {
    let library = try TestSupport.library()
    let engine = RehearsalEngine(library: library)
    var progress = RehearsalProgress(interview: "Sam", attempt: 1, persona: "grace", plannedMinutes: 40)
    progress.scene.offerAfter = 2
    var random = SeededGenerator(seed: 2)
    var next = try #require(engine.respond(to: "Are you hiring?", in: progress, muted: [], using: &random).progress)
    for question in ["What does a typical day look like?", "What trends do you see?", "What advice would you give me?", "What skills matter?"] {
        next = try #require(engine.respond(to: question, in: next, muted: [], using: &random).progress)
    }
    #expect(!next.scene.offerRaised)
}

@Test("each exchange uses minutes; the insider signals the end near the plan and leaves well past it")
func timekeeping() throws {
    let library = try TestSupport.library()
    let maya = try #require(library.rehearsal.persona(named: "maya"))
    let clock = library.rehearsal.clock
    let engine = RehearsalEngine(library: library)
    let planned = 10
    var progress: RehearsalProgress? = RehearsalProgress(interview: "Sam", attempt: 1, persona: "maya", plannedMinutes: planned)
    var random = SeededGenerator(seed: 9)
    var wrapUps = 0
    var effects: [Effect] = []
    var exchanges = 0
    while let current = progress, exchanges < 20 {
        let outcome = engine.respond(to: "What trends are you seeing in the field?", in: current, muted: [], using: &random)
        exchanges += 1
        let text = outcome.reply.plainText
        wrapUps += maya.reactions[.wrapUp]!.filter { template in
            (1...planned).contains { text.contains(template.render(["left": String($0)])) }
        }.count
        effects = outcome.effects
        progress = outcome.progress
        if let progress {
            #expect(progress.scene.minutes == exchanges * clock.perQuestion)
            #expect(progress.scene.signalledEnd == (progress.scene.minutes >= planned - clock.wrapUp))
        } else {
            #expect(maya.reactions[.mustGo]!.contains { text.contains($0.render([:])) })
            #expect(text.contains("Scorecard, rehearsal 1 for Sam (with Maya Okafor):"))
            #expect(text.contains("over the plan"))
        }
    }
    #expect(progress == nil)
    #expect(wrapUps == 1)
    #expect(exchanges * clock.perQuestion >= planned + clock.overtime)
    guard case .conduct(.finishRehearsal(_, _, let card)) = effects.last else {
        Issue.record("the last effect finishes the rehearsal")
        return
    }
    #expect(card.minutes == exchanges * clock.perQuestion)
    #expect(!card.keptToTime)
}

@Test("thanks and asking who else to talk to are noticed; goodbye ends with the scorecard, saved")
func endingWell() throws {
    var session = try Session()
    session.prepare("Sam", role: "Accountant")
    session.type("/rehearse Sam")
    session.type("Who else should I talk to?")
    let end = session.type("Thank you so much, that's all my questions. Bye!")
    #expect(end.contains("Scorecard, rehearsal 1 for Sam (with Daniel Reyes):"))
    #expect(end.contains("- Asked who else to talk to: yes"))
    #expect(end.contains("- Thanked Daniel: yes"))
    #expect(session.chat.state.mode == .home)
    let saved = try #require(session.chat.overview.rehearsals.first)
    #expect(saved.progress == nil)
    #expect(saved.scorecard?.askedForPeople == true)
    #expect(saved.scorecard?.thanked == true)
    #expect(session.type("/scorecards Sam").contains("1. with Daniel Reyes: 1 questions"))
    #expect(session.type("/show Sam").contains("Rehearsals: 1 (the last: 1 questions, pitches: 0). /scorecards Sam shows them all."))
}

@Test("the notes of a meeting are shown with the interview, for the debrief")
func notesInShow() throws {
    var session = try Session()
    session.prepare("Sam", role: "Teacher")
    session.type("/live Sam")
    session.type("Whole-class feedback saves hours")
    session.type("")
    session.type("Calm and routines")
    session.type("/stop")
    let shown = session.type("/show Sam")
    #expect(shown.hasPrefix("Sam: to debrief"))
    #expect(shown.contains("Notes from the meeting (2):\n- Whole-class feedback saves hours\n- Calm and routines"))
}

@Test("thanking the insider after they signalled the end says goodbye")
func thanksAtTheEnd() throws {
    let library = try TestSupport.library()
    let engine = RehearsalEngine(library: library)
    var progress = RehearsalProgress(interview: "Sam", attempt: 1, persona: "ruth", plannedMinutes: 20)
    var random = SeededGenerator(seed: 3)
    #expect(engine.respond(to: "Thank you!", in: progress, muted: [], using: &random).progress != nil)
    progress.scene.signalledEnd = true
    #expect(engine.respond(to: "Thank you!", in: progress, muted: [], using: &random).progress == nil)
}

@Test("/stop and Ctrl-C pause; /rehearse NAME or /resume carry on where the insider left off")
func pauseAndResume() throws {
    var session = try Session()
    session.prepare("Sam", role: "Software engineer")
    session.type("/rehearse Sam")
    let answer = try #require(said(session.type("What does a typical day look like for you?"), by: "Maya").first)
    #expect(session.type("/stop") == "Paused at minute 2 of 20. Everything so far is saved: /rehearse Sam picks it up again.")
    #expect(session.chat.state.mode == .home)
    let resumed = session.type("/rehearse Sam")
    #expect(resumed.hasPrefix("Back to your rehearsal for Sam with Maya Okafor, at minute 2 of 20."))
    #expect(resumed.hasSuffix("Maya: " + answer))
    #expect(session.rehearsal?.exchanges.count == 1)
    #expect(session.chat.interrupt().plainText.hasPrefix("Paused at minute 2 of 20."))
    #expect(session.type("/resume").hasPrefix("Back to your rehearsal for Sam"))
    #expect(session.chat.endOfInput().plainText == "Bye! Everything is saved. Type /resume next time to carry on rehearsing your conversation with Sam.")
}

@Test("/next asks the questions of the field's bank in TIARA order, saying once where they come from")
func nextQuestion() throws {
    var session = try Session()
    session.prepare("Sam", role: "Software engineer")
    session.type("/rehearse Sam")
    let bank = session.library.bank(forField: "Software engineer")
    let first = session.type("/next")
    #expect(first.hasPrefix("(You have no question list of your own yet, so /next takes them from the Software engineering questions."))
    #expect(first.contains("You: " + bank.questions[0].text))
    let second = session.type("/next")
    #expect(second.hasPrefix("You: " + bank.questions[1].text))
    #expect(session.rehearsal?.exchanges.map(\.said) == [bank.questions[0].text, bank.questions[1].text])
    #expect(session.rehearsal?.exchanges.first?.category == .trends)
}

@Test("rehearsal commands outside a rehearsal, and flow commands inside one, say what they are for")
func commandsInTheWrongPlace() throws {
    var session = try Session()
    #expect(session.type("/retry") == "/retry works while you rehearse (/rehearse NAME) or take notes in a meeting (/live NAME).")
    #expect(session.type("/rehearse") == "/rehearse works on an interview, and you have none yet. Type /prepare NAME to start one.")
    session.prepare("Sam", role: "Designer")
    session.prepare("Ana", role: "Designer")
    #expect(session.type("/rehearse") == "Which conversation? Type /rehearse NAME, with one of: Sam, Ana.")
    #expect(session.type("/rehearse Sma") == "There's no interview with Sma. Did you mean Sam? Type /prepare Sma to start one, or /rehearse with a name from /list.")
    session.type("/rehearse Sam")
    #expect(session.type("/back") == "/back isn't for rehearsals: just say the next thing, or /retry a flagged line. /stop pauses.")
    #expect(session.type("/prepare Lee").hasPrefix("You're in the middle of rehearsing your conversation with Sam."))
    #expect(session.type("") == "Say something to Tom, or type /stop to pause.")
}

@Test("/why after a flagged line names the rule that flagged it")
func whyInRehearsal() throws {
    var session = try Session()
    session.prepare("Sam", role: "Designer")
    session.type("/rehearse Sam")
    session.type("Are you hiring at the moment?")
    #expect(session.type("/why").hasPrefix("ask-openings/"))
}

@Test("the same seed and lines replay a rehearsal word for word")
func seededReplay() throws {
    func run() throws -> [String] {
        var session = try Session(seed: 11)
        session.prepare("Sam", role: "Designer")
        return ["/rehearse Sam", "Hi!", "How did you start?", "What's changing in design?", "Can I send you my portfolio?", "/retry", "Thanks, bye!"]
            .map { session.type($0) }
    }
    #expect(try run() == run())
}

@Test("with a question list of its own, /next asks it in the time plan's order and the live checklist marks the spare ones")
func nextFromTheQuestionList() throws {
    let library = try TestSupport.library()
    let engine = DialogueEngine(library: library)
    let questions = [
        PlannedQuestion(text: "How has your field changed lately?", category: .trends, origin: .own),
        PlannedQuestion(text: "What does a good week look like for you?", category: .insights, origin: .own),
        PlannedQuestion(text: "What surprised you most when you started?", category: .insights, origin: .own),
        PlannedQuestion(text: "What would you do in my place?", category: .advice, origin: .own),
        PlannedQuestion(text: "Who else should I talk to?", category: .resources, origin: .closing),
    ]
    let interview = Overview.Interview(
        name: "Sam", stage: .conduct, answers: ["name": "Sam", "role": "Designer", "minutes": "15"], questions: questions)
    let planned = engine.plannedQuestions(for: interview, limit: 5)
    let plan = TimePlan(minutes: 15, questions: questions, timing: library.messages.timing)
    #expect(planned.bankTitle == nil)
    #expect(planned.questions.count == questions.count)
    #expect(planned.questions.last == "Who else should I talk to?", "the question kept for the end comes last")
    #expect(planned.ifTime.count == plan.marks.filter { $0 == .ifTime }.count)
    #expect(!planned.ifTime.isEmpty, "fifteen minutes leave some questions for spare time")
    #expect(engine.plannedMinutes(interview) == 15)
    var state = Conversation()
    var random = SeededGenerator(seed: 1)
    var overview = Overview(interviews: [interview])
    var turn = engine.respond(to: "/rehearse Sam", in: state, overview: overview, using: &random)
    state = turn.state
    turn = engine.respond(to: "/next", in: state, overview: overview, using: &random)
    #expect(turn.reply.plainText.hasPrefix("(/next asks the questions on your list for Sam, in the order of your time plan.)\nYou: " + planned.questions[0]))
    overview.rehearsals = []
    state = Conversation()
    let live = engine.respond(to: "/live Sam", in: state, overview: overview, now: TestSupport.now, using: &random).reply.plainText
    #expect(!live.contains("No question list of your own yet"))
    #expect(live.hasSuffix("1/\(questions.count) · 0 of 15 min · " + planned.questions[0]))
    if let spare = planned.ifTime.first, spare > 0 {
        var checklist = engine.respond(to: "/live Sam", in: Conversation(), overview: overview, now: TestSupport.now, using: &random).state
        var shown = ""
        for _ in 0..<spare {
            let next = engine.respond(to: "", in: checklist, overview: overview, now: TestSupport.now, using: &random)
            checklist = next.state
            shown = next.reply.plainText
        }
        #expect(shown.hasSuffix(planned.questions[spare] + " (if there is time)"))
    }
}
