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
}
