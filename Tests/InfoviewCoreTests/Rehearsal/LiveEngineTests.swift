import Foundation
import Testing
@testable import InfoviewCore

/// The dialogue engine driven by hand, with the time passed in as the CLI's clock would.
private struct Meeting {
    let engine: DialogueEngine
    var state = Conversation()
    var overview: Overview
    var random = SeededGenerator(seed: 5)
    var effects: [Effect] = []
    let start = TestSupport.now

    init(role: String = "Product designer", minutes: String? = nil) throws {
        engine = DialogueEngine(library: try TestSupport.library())
        var answers = ["name": "Sam", "role": role]
        answers["minutes"] = minutes
        overview = Overview(interviews: [Overview.Interview(name: "Sam", stage: .prepare, answers: answers)])
    }

    @discardableResult
    mutating func type(_ line: String, atMinute minute: Double) -> String {
        let turn = engine.respond(to: line, in: state, overview: overview, now: start.addingTimeInterval(minute * 60), using: &random)
        state = turn.state
        effects += turn.effects
        return turn.reply.plainText
    }

    func prompt(atMinute minute: Double) -> String { engine.prompt(in: state, now: start.addingTimeInterval(minute * 60)) }

    var notes: [(position: Int, question: String?, note: String, seconds: Int)] {
        effects.compactMap { effect in
            guard case .conduct(.liveNote(_, _, let position, let question, let note, let seconds)) = effect else { return nil }
            return (position, question, note, seconds)
        }
    }
}

@Test("the checklist shows the next question with the time; a note is saved as typed and moves on")
func notesMoveOn() throws {
    var meeting = try Meeting()
    let questions = meeting.engine.plannedQuestions(for: meeting.overview.interviews[0], limit: 5).questions
    #expect(questions.count == 5)
    let opening = meeting.type("/live Sam", atMinute: 0)
    #expect(opening.hasPrefix("Live notes for your conversation with Sam: 5 questions, 20 minutes."))
    #expect(opening.contains("(No question list of your own yet: these are from the Design (UX, product, graphic) questions.)"))
    #expect(opening.hasSuffix("1/5 · 0 of 20 min · " + questions[0]))
    #expect(meeting.prompt(atMinute: 3.5) == "live 3/20 min > ")
    #expect(meeting.type("AI drafts, taste matters more", atMinute: 3.5) == "2/5 · 3 of 20 min · " + questions[1])
    #expect(meeting.type("", atMinute: 6) == "3/5 · 6 of 20 min · " + questions[2])
    #expect(meeting.notes.count == 1)
    #expect(meeting.notes[0].position == 0)
    #expect(meeting.notes[0].question == questions[0])
    #expect(meeting.notes[0].note == "AI drafts, taste matters more")
    #expect(meeting.notes[0].seconds == 210)
}

@Test("/back returns to the previous question with its note; a new note replaces it")
func goingBack() throws {
    var meeting = try Meeting()
    meeting.type("/live Sam", atMinute: 0)
    meeting.type("first note", atMinute: 1)
    let back = meeting.type("/back", atMinute: 2)
    #expect(back.hasPrefix("1/5 · 2 of 20 min · "))
    #expect(back.hasSuffix("(Your note: first note. Type a new one to replace it, or Enter to keep it.)"))
    meeting.type("better note", atMinute: 2)
    #expect(meeting.notes.map(\.position) == [0, 0])
    #expect(meeting.state.live?.notes == [0: "better note"])
    #expect(meeting.state.live?.position == 1)
}

@Test("a gentle word when time is nearly up, once, and once more when it is up", arguments: [false, true])
func timeWarnings(planned: Bool) throws {
    var meeting = try Meeting(minutes: planned ? "30" : nil)
    let minutes = planned ? 30 : 20
    meeting.type("/live Sam", atMinute: 0)
    #expect(!meeting.type("a", atMinute: Double(minutes - 6)).contains("minutes left"))
    let warned = meeting.type("b", atMinute: Double(minutes - 5))
    #expect(warned.hasSuffix("About 5 minutes left: keep time to thank them and ask who else you should talk to."))
    #expect(!meeting.type("c", atMinute: Double(minutes - 2)).contains("minutes left"))
    let over = meeting.type("d", atMinute: Double(minutes + 1))
    #expect(over.hasSuffix("That's the \(minutes) minutes you asked for (\(minutes + 1) so far): time to thank them, unless they offer more."))
    #expect(!meeting.type("e", atMinute: Double(minutes + 2)).contains("so far"))
}

@Test("after the last question, notes keep coming; /stop ends the meeting for the debrief")
func afterTheLastQuestion() throws {
    var meeting = try Meeting()
    meeting.type("/live Sam", atMinute: 0)
    for minute in 1...4 { meeting.type("note \(minute)", atMinute: Double(minute)) }
    #expect(meeting.type("note 5", atMinute: 5).hasPrefix("That was the last question (5 of 20 min)."))
    #expect(meeting.type("", atMinute: 6) == "(Type a note, or /stop when it's over.)")
    #expect(meeting.type("she mentioned a mentoring scheme", atMinute: 7) == "Noted.")
    #expect(meeting.notes.map(\.position) == [0, 1, 2, 3, 4, 5])
    #expect(meeting.notes.last?.question == nil)
    #expect(meeting.type("/stop", atMinute: 19) == "Done: 6 notes saved from your conversation with Sam (19 of 20 min), ready for the debrief.")
    #expect(meeting.state.mode == .home)
    #expect(meeting.effects.last == .conduct(.finishLive(interview: "Sam", session: 1)))
}

@Test("Ctrl-C pauses the checklist; /live NAME carries on, the clock still running from the start")
func pauseAndCarryOn() throws {
    var meeting = try Meeting()
    meeting.type("/live Sam", atMinute: 0)
    meeting.type("a note", atMinute: 2)
    let paused = meeting.engine.interrupt(in: meeting.state, using: &meeting.random)
    #expect(paused.reply.plainText == "Paused the notes for Sam; everything typed is saved. /live Sam carries on.")
    meeting.state = paused.state
    guard case .conduct(.liveState(let saved)) = meeting.effects.last else {
        Issue.record("the checklist's place is saved after each line")
        return
    }
    meeting.overview.liveSessions = [LiveSummary(interview: "Sam", session: 1, notes: [LiveNote(position: 0, question: nil, text: "a note")], progress: saved, updatedAt: TestSupport.now)]
    let resumed = meeting.type("/live Sam", atMinute: 9)
    #expect(resumed.hasPrefix("Back to your notes for Sam."))
    #expect(resumed.contains("2/5 · 9 of 20 min · "))
}
