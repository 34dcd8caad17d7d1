import Foundation
import GRDB
import Testing
@testable import InfoviewCore

/// Several connections on one file at the same moment, as several infoview processes would be:
/// each `Store` here has its own SQLite connection, and threads start them together.
@Suite("Concurrency: one database, several connections")
struct ConcurrencyStoreTests {
    /// Runs `body(index)` on `count` threads released together; returns what each threw, if anything.
    static func together(_ count: Int, _ body: @escaping @Sendable (Int) throws -> Void) -> [String?] {
        let start = DispatchSemaphore(value: 0)
        let group = DispatchGroup()
        let results = Results(count: count)
        for index in 0..<count {
            let thread = Thread {
                start.wait()
                do {
                    try body(index)
                } catch {
                    results.set(index, String(describing: error))
                }
                group.leave()
            }
            group.enter()
            thread.start()
        }
        for _ in 0..<count { start.signal() }
        group.wait()
        return results.values
    }

    final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: [String?]
        init(count: Int) { stored = Array(repeating: nil, count: count) }
        func set(_ index: Int, _ value: String) {
            lock.lock()
            stored[index] = value
            lock.unlock()
        }
        var values: [String?] {
            lock.lock()
            defer { lock.unlock() }
            return stored
        }
    }

    static func integrity(_ path: String) throws -> [String] {
        try DatabaseQueue(path: path).read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
    }

    @Test("six first starts at the same moment on a new file all open it, and it is migrated once")
    func firstStartsTogether() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for round in 0..<12 {
            let path = folder.appendingPathComponent("round\(round)/infoview.sqlite").path
            let failures = Self.together(6) { _ in _ = try Store(path: path) }
            #expect(failures.compactMap { $0 } == [], "round \(round)")
            let store = try Store(path: path)
            #expect(try store.read { db in try StoreMigrations.migrator.appliedMigrations(db) } == StoreMigrations.migrator.migrations)
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("round\(round)").path)
            #expect(!names.contains { $0.contains(".new-") }, "a temporary file was left: \(names)")
        }
    }

    @Test("four writers answering at once: every answer is saved, and the file stays sound")
    func writersTogether() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("infoview.sqlite").path
        _ = try Store(path: path)
        let answers = 40
        let failures = Self.together(4) { index in
            let store = try Store(path: path)
            let name = "Person \(index)"
            try store.apply([.startInterview(name: name, stage: .prepare)], now: TestSupport.now)
            for answer in 0..<answers {
                try store.apply(
                    [
                        .save(interview: name, flow: "prepare", step: "s\(answer)", field: "field-\(answer)", value: "\(index)/\(answer)"),
                        .progress(interview: name, flow: "prepare", step: "s\(answer + 1)", trail: []),
                    ], now: TestSupport.now)
                _ = try store.overview()  // readers in between, as the chat refreshes
            }
        }
        #expect(failures.compactMap { $0 } == [])
        let overview = try Store(path: path).overview()
        for index in 0..<4 {
            let interview = try #require(overview.interview(named: "Person \(index)"))
            #expect(interview.answers.count == answers)
            #expect(interview.answers["field-7"] == "\(index)/7")
            #expect(interview.interrupted?.step == "s\(answers)")
        }
        #expect(try Self.integrity(path) == ["ok"])
    }

    @Test("a reader is never held up by a writer's open transaction (WAL)")
    func readerDuringWrite() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("infoview.sqlite").path
        let store = try Store(path: path, migrator: StoreMigrations.migrator, busyTimeout: 0.1)
        try store.apply([.startInterview(name: "Sam", stage: .prepare)], now: TestSupport.now)
        let writer = try DatabaseQueue(path: path)
        try writer.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            try db.execute(sql: "UPDATE interview SET role = 'uncommitted'")
            #expect(try store.interview(named: "Sam")?.role == nil)
            #expect(throws: Never.self) { _ = try Store(path: path, migrator: StoreMigrations.migrator, busyTimeout: 0.1) }
            try db.execute(sql: "ROLLBACK")
        }
    }

    @Test("two processes upgrading the same file at once: both open it, one backup, each migration once")
    func upgradeTogether() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var newer = StoreMigrations.migrator
        for version in 2...4 {
            newer.registerMigration("v\(version)-later") { db in
                try db.create(table: "later\(version)") { t in t.autoIncrementedPrimaryKey("id") }
                try db.execute(sql: "INSERT INTO later\(version) DEFAULT VALUES")
            }
        }
        let upgraded = newer
        for round in 0..<8 {
            let path = folder.appendingPathComponent("round\(round).sqlite").path
            try Store(path: path).apply([.startInterview(name: "Sam", stage: .prepare)], now: TestSupport.now)
            let failures = Self.together(3) { _ in _ = try Store(path: path, migrator: upgraded, busyTimeout: 5) }
            #expect(failures.compactMap { $0 } == [], "round \(round)")
            let counts = try DatabaseQueue(path: path).read { db in
                try (2...4).map { try Int.fetchOne(db, sql: "SELECT count(*) FROM later\($0)") }
            }
            #expect(counts == [1, 1, 1])
            let backup = try DatabaseQueue(path: path + ".bak-v2-later")
            #expect(try backup.read { db in try String.fetchAll(db, sql: "SELECT name FROM interview") } == ["Sam"])
            #expect(try backup.read { db in try db.tableExists("later2") } == false)
        }
    }
}
