import Foundation
import GRDB
import Testing
@testable import InfoviewCore

@Test("each answer is in the database as soon as the line is answered, seen from another connection")
func committedPerAnswer() throws {
    let folder = try TestSupport.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("infoview.sqlite").path
    var session = try ChatSession(library: TestSupport.library(), store: try Store(path: path), seed: 1, clock: { TestSupport.now })
    let observer = try Store(path: path)
    _ = session.handle("/prepare Sam")
    #expect(try observer.overview().interview(named: "Sam")?.interrupted?.step == "role")
    _ = session.handle("Designer")
    let sam = try #require(try observer.overview().interview(named: "Sam"))
    #expect(sam.answers["role"] == "Designer")
    #expect(sam.interrupted?.step == "organisation")
}

@Test("when the database is busy the answer is not lost silently: the user is told and the question stays")
func busyKeepsTheQuestion() throws {
    let folder = try TestSupport.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("infoview.sqlite").path
    let store = try Store(path: path, migrator: StoreMigrations.migrator, busyTimeout: 0.1)
    var session = try ChatSession(library: TestSupport.library(), store: store, seed: 1, clock: { TestSupport.now })
    _ = session.handle("/prepare Sam")
    let other = try DatabaseQueue(path: path)
    let reply = try other.writeWithoutTransaction { db -> Reply in
        try db.execute(sql: "BEGIN IMMEDIATE")
        defer { try? db.execute(sql: "ROLLBACK") }
        return session.handle("Designer")
    }
    #expect(reply.plainText.hasPrefix("That wasn't saved, so let's try again: the database is busy: another infoview is writing"))
    #expect(session.state.flow?.step == "role")
    _ = session.handle("Designer")
    #expect(session.state.flow?.step == "organisation")
    #expect(try store.overview().interview(named: "Sam")?.answers["role"] == "Designer")
}
