import Foundation
import Testing
@testable import InfoviewCore

@Suite("Debrief") struct DebriefTests {
    /// Types lines into the engine, keeping the state and every effect asked for.
    private struct Chat {
        let engine: DialogueEngine
        var state = Conversation()
        var overview: Overview
        var random = SeededGenerator(seed: 2)
        var effects: [Effect] = []

        init(_ overview: Overview = Overview()) throws {
            engine = DialogueEngine(library: try TestSupport.library())
            self.overview = overview
        }

        @discardableResult
        mutating func type(_ line: String) -> String {
            let turn = engine.respond(to: line, in: state, overview: overview, using: &random)
            state = turn.state
            effects += turn.effects
            return turn.reply.plainText
        }
    }

    @Test("/debrief on a prepared interview moves it to debrief and opens on the day-to-day")
    func startsOnExisting() throws {
        var chat = try Chat(Overview(interviews: [Overview.Interview(name: "Sam", stage: .conduct, answers: ["name": "Sam"])]))
        let reply = chat.type("/debrief sam")
        #expect(chat.effects.contains(.advanceStage(interview: "Sam", stage: .debrief)))
        #expect(chat.state.flow?.flow == "debrief")
        #expect(chat.state.flow?.step == "day-to-day")
        #expect(reply.contains("Sam"))
    }

    @Test("an interview added as a referral (no answer for its name) is not asked who it is, in a debrief or a preparation")
    func referredHasName() throws {
        var referred = Overview.Interview(name: "Priya Shah", stage: .prepare)
        referred.referredBy = "Sam"
        let overview = Overview(interviews: [Overview.Interview(name: "Sam", stage: .done, answers: ["name": "Sam"]), referred])
        var debrief = try Chat(overview)
        debrief.type("/debrief Priya Shah")
        #expect(debrief.state.flow?.step == "day-to-day")
        var prepare = try Chat(overview)
        prepare.type("/prepare priya shah")
        #expect(prepare.state.flow?.step != "name")
        #expect(prepare.state.flow?.interview == "Priya Shah")
    }

    @Test("an answer is saved as given even when the coach flags it as a note; a plain one is not flagged")
    func notesAreChecked() throws {
        var chat = try Chat()
        chat.type("/debrief Kim")
        let flagged = chat.type("I asked whether they were hiring")
        #expect(flagged.contains("pitch:"))
        #expect(chat.state.lastFindings.contains { $0.severity == .pitch })
        #expect(chat.effects.contains(.save(interview: "Kim", flow: "debrief", step: "day-to-day", field: "day-to-day", value: "I asked whether they were hiring")))
        #expect(chat.state.flow?.step == "skills")
        let plain = chat.type("She offered to forward my CV to her manager")
        #expect(!plain.contains("pitch:"))
    }

    @Test("each referral line becomes an interview referred by this one, named by the words before a comma or bracket")
    func referrals() throws {
        var chat = try Chat()
        chat.type("/debrief Kim")
        chat.type("Busy")
        for _ in 0..<5 { chat.type("done") }
        #expect(chat.state.flow?.step == "referrals")
        chat.type("Priya Shah, runs data at Acme")
        chat.type("Tom (her old boss)")
        chat.type("kim")
        let refers = chat.effects.compactMap { effect -> String? in
            if case .refer(let name, let by) = effect { return "\(name)<-\(by)" }
            return nil
        }
        #expect(refers == ["Priya Shah<-Kim", "Tom<-Kim"])
    }

    @Test("the user raising an opportunity gets the kind explanation; the insider raising it does not")
    func whoRaisedIt() throws {
        for (choice, explained) in [("I did", true), ("they did", false)] {
            var chat = try Chat()
            chat.type("/debrief Kim")
            chat.type("Busy")
            for _ in 0..<7 { chat.type("done") }
            #expect(chat.state.flow?.step == "opportunity")
            chat.type("yes")
            let reply = chat.type(choice)
            #expect(reply.contains("Let them bring it up") == explained)
            #expect(chat.state.flow?.step == (explained ? "opportunity-mine" : "opportunity-theirs"))
        }
    }

    @Test("a referral adds a new interview at its first stage with its referrer, and never takes over an existing one's")
    func storeReferral() throws {
        let store = try Store(path: ":memory:")
        let now = TestSupport.now
        try store.apply([.startInterview(name: "Kim", stage: .debrief), .startInterview(name: "Ola", stage: .conduct)], now: now)
        try store.apply([.refer(name: "Priya", referredBy: "Kim"), .refer(name: "ola", referredBy: "Kim")], now: now)
        try store.apply([.refer(name: "Priya", referredBy: "Ola")], now: now)
        let kim = try #require(try store.interview(named: "Kim"))
        let priya = try #require(try store.interview(named: "Priya"))
        let ola = try #require(try store.interview(named: "Ola"))
        #expect(priya.stage == .prepare)
        #expect(priya.referredBy == kim.id)
        #expect(ola.referredBy == kim.id)
        #expect(ola.stage == .conduct)
        #expect(try store.interviews().count == 3)
    }

    @Test("flow parsing: check names a channel, refers belongs on a list step", arguments: [
        ("flow\n  check: diary\nstep a\n  ask: Hi", 2, "'check: diary' is not valid (expected a channel: question, spoken, email, note)"),
        ("step a\n  ask: Hi\n  save: a\n  refers: true", 4, "'refers: true' is not valid (expected 'refers:' only on an 'answer: list' step)"),
    ])
    func parsing(text: String, line: Int, message: String) {
        #expect {
            try FlowParser.parse(text, file: "f.flow")
        } throws: { error in
            (error as? PromptError)?.description == "f.flow:\(line): \(message)"
        }
    }

    @Test("the shipped debrief flow reads every answer as a note and ends at done")
    func shippedFlow() throws {
        let flow = try #require(try TestSupport.library().flows["debrief"])
        #expect(flow.checkChannel == .note)
        #expect(flow.stage == .debrief)
        #expect(flow.finishedStage == .done)
        #expect(flow.steps.contains { $0.refers && $0.answer == .list })
    }

    @Test("follow-ups: a thank-you due 24 hours on, an assignment on its written date, reporting back the next business day once done")
    func followUpsInTheStore() throws {
        let store = try Store(path: ":memory:")
        let friday = TestSupport.now.addingTimeInterval(4 * 86_400)  // Friday 10 January 2025, 09:00 UTC
        try store.apply([.startInterview(name: "Kim", stage: .debrief)], now: friday)
        try store.apply(
            [
                .followUp(interview: "Kim", kind: .thankYou, text: "Thank Kim", due: .hours(24)),
                .followUp(interview: "Kim", kind: .assignment, text: "read it by Tuesday", due: .written(DueDate.find(in: "read it by Tuesday"), otherwise: 5)),
                .followUp(interview: "Kim", kind: .assignment, text: "read more", due: .written(nil, otherwise: 5)),
            ], now: friday)
        var open = try store.overview().followUps
        #expect(open.map(\.text) == ["Thank Kim", "read it by Tuesday", "read more"])
        #expect(open[0].due == friday.addingTimeInterval(86_400))
        #expect(open[1].due == TestSupport.now.addingTimeInterval(8 * 86_400 + 15 * 3600 - 1))  // Tuesday 14th, 23:59:59
        #expect(open[2].due == TestSupport.now.addingTimeInterval(11 * 86_400))  // Friday 17th, five business days on
        try store.apply([.completeFollowUp(id: open[1].id, reportBack: "Tell Kim")], now: friday)
        open = try store.overview().followUps
        #expect(open.map(\.text) == ["Thank Kim", "Tell Kim", "read more"])
        #expect(open[1].kind == .reportBack)
        #expect(open[1].due == TestSupport.now.addingTimeInterval(7 * 86_400))  // Monday 13th
    }

    @Test("the greeting lists what is due today or overdue, numbered as /done counts them; nothing later")
    func dueAtGreeting() throws {
        let engine = DialogueEngine(library: try TestSupport.library())
        var overview = Overview(interviews: [Overview.Interview(name: "Kim", stage: .done)])
        let now = TestSupport.now
        overview.followUps = [
            FollowUp(id: 7, interview: "Kim", kind: .thankYou, text: "Thank Kim", due: now.addingTimeInterval(-2 * 86_400)),
            FollowUp(id: 8, interview: "Kim", kind: .assignment, text: "Read the book", due: now.addingTimeInterval(3600)),
            FollowUp(id: 9, interview: "Kim", kind: .assignment, text: "Build the demo", due: now.addingTimeInterval(3 * 86_400)),
        ]
        var random = SeededGenerator(seed: 1)
        #expect(!engine.greeting(overview, using: &random).plainText.contains("Due now"))
        overview.now = now
        let greeting = engine.greeting(overview, using: &random).plainText
        #expect(greeting.contains("1. Thank Kim (Kim, overdue by 2 day(s))"))
        #expect(greeting.contains("2. Read the book (Kim, due today)"))
        #expect(!greeting.contains("Build the demo"))
        let turn = engine.respond(to: "/done 1", in: Conversation(), overview: overview, using: &random)
        #expect(turn.effects == [.completeFollowUp(id: 7, reportBack: nil)])
    }

    @Test("saving the outreach email the first time adds a second contact after 3 business days and a nudge after 7; a debrief closes them")
    func outreachFollowUps() throws {
        let library = try TestSupport.library()
        let flow = try #require(library.flows["prepare"])
        let engine = FlowEngine(flow: flow, library: library)
        let answers = ["name": "Sam", "organisation": "Acme", "email-connection": "We met at the meetup.", "email-ask": "Would you have 20 minutes?", "sender": "Alex"]
        var random = SeededGenerator(seed: 1)
        let progress = FlowProgress(flow: "prepare", interview: "Sam", step: "email", answers: answers, questions: [])
        let outcome = engine.respond(to: "", in: progress, overview: Overview(), using: &random)
        let followUps = outcome.effects.compactMap { effect -> String? in
            if case .followUp(_, let kind, let text, let due) = effect { return "\(kind.rawValue) \(due) \(text)" }
            return nil
        }
        #expect(followUps == [
            "second-contact businessDays(3) No reply from Sam yet? Think of a second person to write to at Acme",
            "nudge businessDays(7) Still no reply from Sam? Send a short, polite follow-up",
        ])
        var saved = progress
        saved.answers["outreach-email"] = "Dear Sam"
        let again = engine.respond(to: "", in: saved, overview: Overview(), using: &random)
        #expect(!again.effects.contains { if case .followUp = $0 { true } else { false } })

        var overview = Overview(interviews: [Overview.Interview(name: "Sam", stage: .conduct, answers: ["name": "Sam"])])
        overview.followUps = [
            FollowUp(id: 1, interview: "Sam", kind: .secondContact, text: "a", due: TestSupport.now),
            FollowUp(id: 2, interview: "Sam", kind: .nudge, text: "b", due: TestSupport.now),
            FollowUp(id: 3, interview: "Sam", kind: .assignment, text: "c", due: TestSupport.now),
        ]
        let turn = DialogueEngine(library: library).respond(to: "/debrief Sam", in: Conversation(), overview: overview, using: &random)
        #expect(turn.effects.contains(.completeFollowUp(id: 1, reportBack: nil)))
        #expect(turn.effects.contains(.completeFollowUp(id: 2, reportBack: nil)))
        #expect(!turn.effects.contains(.completeFollowUp(id: 3, reportBack: nil)))
    }

    /// An interview with three planned questions and a live meeting with a note under each, and
    /// one after the last.
    private static func metSam() -> Overview {
        let questions = [
            PlannedQuestion(text: "What surprised you most in your first year?", category: .insights, origin: .own),
            PlannedQuestion(text: "What would you do in my place?", category: .advice, origin: .own),
            PlannedQuestion(text: "What could I try this month?", category: .assignments, origin: .own),
        ]
        var overview = Overview(interviews: [Overview.Interview(name: "Sam", stage: .debrief, answers: ["name": "Sam"], questions: questions)])
        let notes = [
            LiveNote(position: 0, question: questions[0].text, text: "How much of the job is writing"),
            LiveNote(position: 1, question: questions[1].text, text: "I asked if they were hiring"),
            LiveNote(position: 2, question: questions[2].text, text: "Write a design doc by Friday"),
            LiveNote(position: 3, question: nil, text: "Lovely office"),
        ]
        overview.liveSessions = [LiveSummary(interview: "Sam", session: 1, notes: notes, progress: nil, updatedAt: TestSupport.now)]
        return overview
    }

    @Test("the debrief opens with the live notes; a step offers those of its category, Enter takes them, and each is checked as a note")
    func liveNotesTaken() throws {
        var chat = try Chat(Self.metSam())
        let opening = chat.type("/debrief Sam")
        #expect(opening.contains("- What surprised you most in your first year? → How much of the job is writing"))
        #expect(opening.contains("- (after the questions) Lovely office"))
        #expect(opening.contains("From your notes: How much of the job is writing."))
        chat.type("")
        #expect(
            chat.effects.contains(
                .save(interview: "Sam", flow: "debrief", step: "day-to-day", field: "day-to-day", value: "How much of the job is writing.")))
        #expect(chat.state.flow?.step == "skills")
        #expect(chat.type("done").contains("Which expertise gaps") == true)
        let advice = chat.type("done")
        #expect(advice.contains("- I asked if they were hiring"))
        let taken = chat.type("y")
        #expect(taken.contains("pitch:"))
        #expect(chat.effects.contains(.save(interview: "Sam", flow: "debrief", step: "advice", field: "advice", value: "I asked if they were hiring")))
        #expect(chat.state.flow?.step == "advice")
        for _ in 0..<4 { chat.type("done") }
        #expect(chat.state.flow?.step == "assignments")
        chat.type("")
        #expect(
            chat.effects.contains(
                .followUp(interview: "Sam", kind: .assignment, text: "Write a design doc by Friday", due: .written(DueDate.find(in: "by Friday"), otherwise: 5))))
        #expect(chat.type("done").contains("Did a job"))
    }

    @Test("a note taken at one step is not offered at the next step of its category; one answered in other words is")
    func liveNotesOnce() throws {
        var taken = try Chat(Self.metSam())
        taken.type("/debrief Sam")
        #expect(!taken.type("").contains("From your notes"))
        var overridden = try Chat(Self.metSam())
        overridden.type("/debrief Sam")
        let skills = overridden.type("Meetings, mostly")
        #expect(skills.contains("- How much of the job is writing"))
        #expect(overridden.type("Clear writing").contains("Noted (1)"))
        #expect(overridden.effects.contains(.save(interview: "Sam", flow: "debrief", step: "skills", field: "skills", value: "Clear writing")))
    }

    @Test("the notes are offered on resuming, and when the name is typed in the flow; a note under an edited question is filed like the nearest bank question")
    func liveNotesResumedAndNamed() throws {
        var overview = Self.metSam()
        var progress = FlowProgress(flow: "debrief", interview: "Sam", step: "advice", answers: ["name": "Sam"])
        progress.questions = overview.interviews[0].questions
        overview.interviews[0].interrupted = progress
        overview.recentlyInterrupted = ["Sam"]
        var resumed = try Chat(overview)
        #expect(resumed.type("/resume").contains("- I asked if they were hiring"))

        var named = try Chat(Self.metSam())
        named.type("/debrief")
        #expect(named.type("sam").contains("Your notes from the meeting with Sam:"))

        var edited = Self.metSam()
        edited.interviews[0].questions = []
        edited.liveSessions[0].notes = [
            LiveNote(position: 0, question: "Where do you think your industry is heading over the next few years?", text: "More automation")
        ]
        var chat = try Chat(edited)
        chat.type("/debrief Sam")
        #expect(!chat.type("Busy").contains("From your notes"))
        chat.type("done")
        chat.type("done")
        chat.type("done")
        #expect(chat.state.flow?.step == "trends")
        #expect(chat.state.flow.map { chat.engine.flowEngine("debrief", for: edited).offeredNotes(chat.engine.library.flows["debrief"]!.step(named: "trends")!, $0) } == ["More automation"])
    }
}
