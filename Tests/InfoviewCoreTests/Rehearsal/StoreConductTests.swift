import Foundation
import GRDB
import Testing
@testable import InfoviewCore

@Suite("Store: rehearsals and live notes") struct StoreConductTests {
    let now = TestSupport.now

    func store(with interview: String = "Sam") throws -> Store {
        let store = try Store.inMemory()
        try store.apply([.startInterview(name: interview, stage: .prepare)], now: now)
        return store
    }

    @Test("a rehearsal's lines, state and scorecard are saved and come back in the overview")
    func rehearsalRoundTrip() throws {
        let store = try store()
        var progress = RehearsalProgress(interview: "Sam", attempt: 1, persona: "maya", plannedMinutes: 20)
        progress.scene.heard = "Hi!"
        try store.apply(
            [
                .conduct(.startRehearsal(interview: "sam", attempt: 1, persona: "maya", plannedMinutes: 20)),
                .conduct(.rehearsalLine(interview: "Sam", attempt: 1, line: RehearsalLine(speaker: .insider, text: "Hi!", minute: 0))),
                .conduct(.rehearsalState(progress)),
            ], now: now)
        var overview = try store.overview()
        #expect(overview.rehearsals.count == 1)
        #expect(overview.rehearsals[0].progress == progress)
        #expect(overview.rehearsals[0].scorecard == nil)
        let card = Scorecard(persona: "Maya Okafor", exchanges: [], minutes: 4, plannedMinutes: 20)
        try store.apply([.conduct(.finishRehearsal(interview: "Sam", attempt: 1, scorecard: card))], now: now.addingTimeInterval(60))
        overview = try store.overview()
        #expect(overview.rehearsals[0].progress == nil)
        #expect(overview.rehearsals[0].scorecard == card)
        #expect(overview.rehearsals[0].updatedAt == now.addingTimeInterval(60))
    }

    @Test("lines are numbered in order; /retry marks the last user line and the reply after it")
    func retractMarksTheLastExchange() throws {
        let store = try store()
        func line(_ speaker: RehearsalLine.Speaker, _ text: String) -> Effect {
            .conduct(.rehearsalLine(interview: "Sam", attempt: 1, line: RehearsalLine(speaker: speaker, text: text, minute: 0)))
        }
        let flags = [
            RehearsalFlag(
                Finding(
                    rule: "ask-openings/are-you-hiring", severity: .pitch, kind: "ask-openings", start: 0, end: 14, quote: "Are you hiring",
                    why: "", instead: "What do you look for?", matched: "", pattern: "", location: ""))
        ]
        try store.apply(
            [
                .conduct(.startRehearsal(interview: "Sam", attempt: 1, persona: "tom", plannedMinutes: 20)),
                line(.insider, "Hello!"), line(.user, "What's a typical day?"), line(.insider, "Busy."),
                .conduct(
                    .rehearsalLine(
                        interview: "Sam", attempt: 1,
                        line: RehearsalLine(speaker: .user, text: "Are you hiring?", topic: nil, flags: flags, minute: 2))),
                line(.insider, "Not my call."),
                .conduct(.retractLastExchange(interview: "Sam", attempt: 1)),
            ], now: now)
        let lines = try store.rehearsalLines(interview: "Sam", attempt: 1)
        #expect(lines.map(\.position) == [0, 1, 2, 3, 4])
        #expect(lines.map(\.isRetried) == [false, false, false, true, true])
        #expect(lines[3].flags.contains("ask-openings/are-you-hiring"))
        try store.apply([line(.user, "What do you look for?"), line(.insider, "Curiosity."), .conduct(.retractLastExchange(interview: "Sam", attempt: 1))], now: now)
        #expect(try store.rehearsalLines(interview: "Sam", attempt: 1).map(\.isRetried) == [false, false, false, true, true, true, true])
    }

    @Test("a second note at the same place replaces the first; ending the meeting moves the interview to its debrief")
    func liveNotes() throws {
        let store = try store()
        let progress = LiveProgress(interview: "Sam", session: 1, plannedMinutes: 20, startedAt: now, questions: ["Q1?", "Q2?"])
        try store.apply(
            [
                .conduct(.startLive(interview: "Sam", session: 1, plannedMinutes: 20, startedAt: now)),
                .conduct(.liveNote(interview: "Sam", session: 1, position: 0, question: "Q1?", note: "first", elapsedSeconds: 30)),
                .conduct(.liveNote(interview: "Sam", session: 1, position: 1, question: "Q2?", note: "second", elapsedSeconds: 90)),
                .conduct(.liveNote(interview: "Sam", session: 1, position: 0, question: "Q1?", note: "first, better", elapsedSeconds: 120)),
                .conduct(.liveState(progress)),
            ], now: now)
        let notes = try store.liveNotes(interview: "Sam", session: 1)
        #expect(notes.map(\.note) == ["first, better", "second"])
        #expect(notes.map(\.elapsedSeconds) == [120, 90])
        var overview = try store.overview()
        #expect(overview.liveSessions.first?.progress == progress)
        #expect(
            overview.liveSessions.first?.notes == [
                LiveNote(position: 0, question: "Q1?", text: "first, better"), LiveNote(position: 1, question: "Q2?", text: "second"),
            ])
        #expect(overview.interviews.first?.stage == .prepare)
        try store.apply([.conduct(.finishLive(interview: "Sam", session: 1))], now: now)
        overview = try store.overview()
        #expect(overview.liveSessions.first?.progress == nil)
        #expect(overview.interviews.first?.stage == .debrief)
    }

    @Test("saving into a rehearsal or live session that does not exist fails and saves nothing")
    func missingTargets() throws {
        let store = try store()
        #expect(throws: StoreError.noRehearsal("Sam", attempt: 3)) {
            try store.apply(
                [
                    .startInterview(name: "Ana", stage: .prepare),
                    .conduct(.rehearsalLine(interview: "Sam", attempt: 3, line: RehearsalLine(speaker: .user, text: "Hi", minute: 0))),
                ], now: now)
        }
        #expect(try store.interviews().map(\.name) == ["Sam"])
        #expect(throws: StoreError.noLiveSession("Sam", session: 1)) {
            try store.apply([.conduct(.finishLive(interview: "Sam", session: 1))], now: now)
        }
        #expect(throws: StoreError.noInterview("Nobody")) {
            try store.apply([.conduct(.startRehearsal(interview: "Nobody", attempt: 1, persona: "maya", plannedMinutes: 20))], now: now)
        }
    }

    @Test("deleting an interview deletes its rehearsals, lines, live sessions and notes")
    func cascade() throws {
        let store = try store()
        try store.apply(
            [
                .conduct(.startRehearsal(interview: "Sam", attempt: 1, persona: "maya", plannedMinutes: 20)),
                .conduct(.rehearsalLine(interview: "Sam", attempt: 1, line: RehearsalLine(speaker: .insider, text: "Hi", minute: 0))),
                .conduct(.startLive(interview: "Sam", session: 1, plannedMinutes: 20, startedAt: now)),
                .conduct(.liveNote(interview: "Sam", session: 1, position: 0, question: nil, note: "n", elapsedSeconds: 1)),
            ], now: now)
        try store.database.write { db in _ = try InterviewRecord.deleteAll(db) }
        let counts = try store.database.read { db in
            try ["rehearsal", "rehearsalLine", "liveSession", "liveNote"].map { try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0)") ?? -1 }
        }
        #expect(counts == [0, 0, 0, 0])
    }
}
