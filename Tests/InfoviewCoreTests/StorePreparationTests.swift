import Foundation
import GRDB
import Testing
@testable import InfoviewCore

private let now = TestSupport.now
private let later = TestSupport.now.addingTimeInterval(60)

@Suite("Store: question lists, step details and stages") struct StorePreparationTests {
    @Test("a question list is saved whole, in order, and replaced whole")
    func questions() throws {
        let store = try Store.inMemory()
        let list = [
            PlannedQuestion(text: "What has changed?", category: .trends, origin: .suggested),
            PlannedQuestion(text: "What is your week like?", category: .insights, origin: .own),
            PlannedQuestion(text: "Who else should I talk to?", category: .resources, origin: .closing),
        ]
        try store.apply([.startInterview(name: "Sam", stage: .prepare), .saveQuestions(interview: "sam", questions: list)], now: now)
        #expect(try store.overview().interview(named: "Sam")?.questions == list)
        let reordered = [list[2], list[0]]
        try store.apply([.saveQuestions(interview: "Sam", questions: reordered)], now: later)
        let sam = try #require(try store.interview(named: "Sam"))
        #expect(try store.questions(for: sam.id!).map(\.position) == [0, 1])
        #expect(try store.overview().interview(named: "Sam")?.questions == reordered)
        #expect(sam.updatedAt == later)
    }

    @Test("what a step holds is kept with the flow's place, and cleared when the flow moves on")
    func detail() throws {
        let store = try Store.inMemory()
        let detail = StepDetail(
            cursor: 4,
            awaiting: .rewrite(
                StepDetail.Offer(
                    original: "Are you hiring?", category: .insights, rewrite: "What do you look for?", rewriteCategory: .insights,
                    canKeep: false, replacing: nil, fromSuggestion: false)),
            hasClosing: true)
        try store.apply([
            .startInterview(name: "Sam", stage: .prepare),
            .progress(interview: "Sam", flow: "prepare", step: "questions", trail: ["field"]),
            .saveDetail(interview: "Sam", detail: detail),
        ], now: now)
        #expect(try store.overview().interview(named: "Sam")?.interrupted?.detail == detail)
        try store.apply([.progress(interview: "Sam", flow: "prepare", step: "minutes", trail: ["field", "questions"])], now: later)
        #expect(try store.overview().interview(named: "Sam")?.interrupted?.detail == nil)
    }

    @Test("a detail for a flow that is not running is dropped, not an error")
    func detailWithoutFlow() throws {
        let store = try Store.inMemory()
        try store.apply([.startInterview(name: "Sam", stage: .prepare), .saveDetail(interview: "Sam", detail: StepDetail())], now: now)
        #expect(try store.overview().interview(named: "Sam")?.interrupted == nil)
    }

    @Test("an interview moves forward to a stage, never back")
    func stage() throws {
        let store = try Store.inMemory()
        try store.apply([.startInterview(name: "Sam", stage: .prepare), .advanceStage(interview: "Sam", stage: .conduct)], now: now)
        #expect(try store.overview().interview(named: "Sam")?.stage == .conduct)
        try store.apply([.advanceStage(interview: "Sam", stage: .done)], now: now)
        try store.apply([.advanceStage(interview: "Sam", stage: .conduct)], now: later)
        let sam = try #require(try store.interview(named: "Sam"))
        #expect(sam.stage == .done)
        #expect(sam.updatedAt == now, "a stage that does not move changes nothing")
    }

    @Test("a database from the first version is backed up, then upgraded with its answers and unfinished flow intact")
    func migratesFromV1() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("infoview.sqlite").path
        do {
            let old = try DatabaseQueue(path: path)
            try StoreMigrations.migrator.migrate(old, upTo: "v1-interviews")
            try old.write { db in
                try db.execute(
                    sql: "INSERT INTO interview (name, role, stage, createdAt, updatedAt) VALUES ('Sam', 'Designer', 'prepare', ?, ?)",
                    arguments: [now, now])
                try db.execute(
                    sql: "INSERT INTO answer (interviewId, flow, step, key, value, answeredAt) VALUES (1, 'prepare', 'role', 'role', 'Designer', ?)",
                    arguments: [now])
                try db.execute(
                    sql: "INSERT INTO flowProgress (interviewId, flow, step, trail, updatedAt) VALUES (1, 'prepare', 'organisation', '[\"role\"]', ?)",
                    arguments: [now])
            }
            try old.close()
        }
        let store = try Store(path: path)
        let applied = try store.database.read { db in try StoreMigrations.migrator.appliedMigrations(db) }
        #expect(applied == ["v1-interviews", "v2-questions", "v3-step-detail", "v4-debrief"])
        let sam = try #require(try store.overview().interview(named: "Sam"))
        #expect(sam.answers == ["role": "Designer"])
        #expect(sam.questions.isEmpty)
        #expect(sam.interrupted == FlowProgress(flow: "prepare", interview: "Sam", step: "organisation", trail: ["role"], answers: ["role": "Designer"]))
        let backup = try DatabaseQueue(path: path + ".bak-v2-questions")
        let backedUp = try backup.read { db in try StoreMigrations.migrator.appliedMigrations(db) }
        #expect(backedUp == ["v1-interviews"])
        try store.apply([
            .saveQuestions(interview: "Sam", questions: [PlannedQuestion(text: "What changed?", category: .trends, origin: .own)]),
            .saveDetail(interview: "Sam", detail: StepDetail(cursor: 2)),
        ], now: later)
        #expect(try store.overview().interview(named: "Sam")?.interrupted?.detail?.cursor == 2)
    }

    @Test("a category the schema does not know is refused by the database itself")
    func categoryChecked() throws {
        let store = try Store.inMemory()
        try store.apply([.startInterview(name: "Sam", stage: .prepare)], now: now)
        #expect(throws: (any Error).self) {
            try store.database.write { db in
                try db.execute(
                    sql: "INSERT INTO question (interviewId, position, text, category, origin) VALUES (1, 0, 'x?', 'gossip', 'own')")
            }
        }
    }
}
