import Foundation
import GRDB
import Testing
@testable import InfoviewCore

private let now = TestSupport.now
private let later = TestSupport.now.addingTimeInterval(60)

/// The standard migrations plus one more, as a later version of the program would have.
private func migrator(adding extra: String) -> DatabaseMigrator {
    var migrator = StoreMigrations.migrator
    migrator.registerMigration(extra) { db in
        try db.create(table: "followUp") { t in t.autoIncrementedPrimaryKey("id") }
    }
    return migrator
}

private func bytes(_ path: String) throws -> Data {
    try Data(contentsOf: URL(fileURLWithPath: path))
}

@Suite("Store: opening") struct StoreOpeningTests {
    @Test("a new file gets every migration, WAL journalling, and a private folder")
    func migratesFromEmpty() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("deep/er/infoview.sqlite").path
        let store = try Store(path: path)
        let applied = try store.database.read { db in try StoreMigrations.migrator.appliedMigrations(db) }
        #expect(applied == StoreMigrations.migrator.migrations)
        let mode = try store.database.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        let attributes = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("deep/er").path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o700)
        #expect(try store.overview() == Overview())
    }

    @Test("an empty file is refused, left empty, and the message says how to start afresh")
    func emptyFile() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("empty.sqlite").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        #expect(throws: StoreError.notADatabase(path: path, detail: "it is an empty file; delete it to start a new database there")) {
            _ = try Store(path: path)
        }
        #expect(try bytes(path).isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["empty.sqlite"])
    }

    @Test("a file that is not SQLite is refused by name and left byte for byte", arguments: [
        Data("Dear diary, today I prepared nothing.\n".utf8), Data([0x53, 0x51, 0x4C]), Data(repeating: 0xFF, count: 5000),
    ])
    func notSQLite(content: Data) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("notes.sqlite").path
        try content.write(to: URL(fileURLWithPath: path))
        do {
            _ = try Store(path: path)
            Issue.record("opened a file that is not a database")
        } catch {
            #expect(error.description.hasPrefix("\(path) is not an infoview database ("))
            #expect(error.description.contains("left untouched"))
        }
        #expect(try bytes(path) == content)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["notes.sqlite"])
    }

    @Test("another program's SQLite database is refused and left byte for byte")
    func foreignDatabase() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("other.sqlite").path
        try DatabaseQueue(path: path).write { db in try db.execute(sql: "CREATE TABLE recipe (name TEXT)") }
        let before = try bytes(path)
        #expect(throws: StoreError.notADatabase(path: path, detail: "it is an SQLite database of another program, with tables recipe")) {
            _ = try Store(path: path)
        }
        #expect(try bytes(path) == before)
    }

    @Test("a database from a newer version is refused by name, nothing written")
    func newerSchema() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("infoview.sqlite").path
        do {
            let newer = try Store(path: path, migrator: migrator(adding: "v9-future"), busyTimeout: 1)
            try newer.apply([.startInterview(name: "Sam", stage: .prepare)], now: now)
        }
        let before = try bytes(path)
        do {
            _ = try Store(path: path)
            Issue.record("opened a database with unknown migrations")
        } catch {
            #expect(error == .newerSchema(path: path, unknownMigrations: ["v9-future"]))
            #expect(error.description.contains(path))
            #expect(error.description.contains("nothing was written"))
        }
        #expect(try bytes(path) == before)
        #expect(!FileManager.default.fileExists(atPath: path + ".bak-v9-future"))
    }

    @Test("before migrating a database that has data, it is backed up as PATH.bak-<migration>")
    func backupBeforeMigrating() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("infoview.sqlite").path
        do {
            let old = try Store(path: path)
            try old.apply([.startInterview(name: "Sam", stage: .prepare)], now: now)
        }
        let upgraded = try Store(path: path, migrator: migrator(adding: "v2-follow-ups"), busyTimeout: 1)
        #expect(try upgraded.interviews().map(\.name) == ["Sam"])
        let backup = try DatabaseQueue(path: path + ".bak-v2-follow-ups")
        let (applied, hasFollowUps, names) = try backup.read { db in
            (
                try StoreMigrations.migrator.appliedMigrations(db), try db.tableExists("followUp"),
                try String.fetchAll(db, sql: "SELECT name FROM interview")
            )
        }
        #expect(applied == StoreMigrations.migrator.migrations)
        #expect(!hasFollowUps)
        #expect(names == ["Sam"])
        #expect(try upgraded.database.read { db in try db.tableExists("followUp") })
    }

    @Test("a new database needs no backup")
    func noBackupWhenNew() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("infoview.sqlite").path
        _ = try Store(path: path)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(!names.contains { $0.contains(".bak-") })
    }

    @Test("a folder where the file should be is a clear error")
    func folderInTheWay() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: StoreError.cannotOpen(path: folder.path, detail: "it is a folder, expected a database file")) {
            _ = try Store(path: folder.path)
        }
    }
}

@Suite("Store: two processes") struct StoreSharingTests {
    @Test("two connections to one file both write, and each sees the other's answers")
    func twoWriters() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("infoview.sqlite").path
        let first = try Store(path: path)
        let second = try Store(path: path)
        try first.apply([.startInterview(name: "Sam", stage: .prepare)], now: now)
        try second.apply([.save(interview: "Sam", flow: "prepare", step: "role", field: "role", value: "Designer")], now: now)
        try first.apply([.save(interview: "Sam", flow: "prepare", step: "organisation", field: "organisation", value: "Acme")], now: now)
        #expect(try second.overview().interviews[0].answers == ["role": "Designer", "organisation": "Acme"])
        #expect(try first.overview() == second.overview())
    }

    @Test("a writer held up by another process gets 'the database is busy', not a raw SQLite message")
    func busy() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("infoview.sqlite").path
        let store = try Store(path: path, migrator: StoreMigrations.migrator, busyTimeout: 0.2)
        let other = try DatabaseQueue(path: path)
        try other.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            #expect(throws: StoreError.busy(path: path)) {
                try store.apply([.startInterview(name: "Sam", stage: .prepare)], now: now)
            }
            try db.execute(sql: "ROLLBACK")
        }
        #expect(StoreError.busy(path: path).description.hasPrefix("the database is busy: another infoview is writing"))
        try store.apply([.startInterview(name: "Sam", stage: .prepare)], now: now)
        #expect(try store.interviews().count == 1)
    }
}

@Suite("Store: effects") struct StoreEffectTests {
    @Test("an interview is started once, whatever the case of its name")
    func startOnce() throws {
        let store = try Store.inMemory()
        try store.apply([.startInterview(name: "Élodie", stage: .prepare)], now: now)
        try store.apply([.startInterview(name: "élodie", stage: .prepare), .startInterview(name: "ÉLODIE", stage: .prepare)], now: later)
        let interviews = try store.interviews()
        #expect(interviews.map(\.name) == ["Élodie"])
        #expect(interviews[0].createdAt == now)
        #expect(interviews[0].stage == .prepare)
    }

    @Test("an answer is kept with its time and fills the interview's column; a new answer replaces it")
    func answers() throws {
        let store = try Store.inMemory()
        try store.apply([
            .startInterview(name: "Sam", stage: .prepare),
            .save(interview: "sam", flow: "prepare", step: "role", field: "role", value: "Designer"),
            .save(interview: "Sam", flow: "prepare", step: "boss", field: "immediate-boss", value: "no"),
        ], now: now)
        try store.apply([.save(interview: "Sam", flow: "prepare", step: "role", field: "role", value: "Lead designer")], now: later)
        let sam = try #require(try store.interview(named: "SAM"))
        #expect(sam.role == "Lead designer")
        #expect(sam.isImmediateBoss == false)
        #expect(sam.updatedAt == later)
        let answers = try store.answers(for: sam.id!)
        #expect(answers.map(\.key) == ["role", "immediate-boss"])
        #expect(answers[0].value == "Lead designer")
        #expect(answers[0].answeredAt == later)
        #expect(answers[1].answeredAt == now)
    }

    @Test("flow progress is kept until the flow finishes, most recent first")
    func progress() throws {
        let store = try Store.inMemory()
        try store.apply([
            .startInterview(name: "Ana", stage: .prepare), .startInterview(name: "Ben", stage: .prepare),
            .save(interview: "Ana", flow: "prepare", step: "role", field: "role", value: "Nurse"),
            .progress(interview: "Ana", flow: "prepare", step: "organisation", trail: ["role"]),
        ], now: now)
        try store.apply([.progress(interview: "Ben", flow: "prepare", step: "role", trail: [])], now: later)
        var overview = try store.overview()
        #expect(overview.recentlyInterrupted == ["Ben", "Ana"])
        #expect(
            overview.interview(named: "Ana")?.interrupted
                == FlowProgress(flow: "prepare", interview: "Ana", step: "organisation", trail: ["role"], answers: ["role": "Nurse"]))
        try store.apply([.finished(interview: "Ben", flow: "prepare")], now: later)
        overview = try store.overview()
        #expect(overview.recentlyInterrupted == ["Ana"])
        #expect(overview.interview(named: "Ben")?.interrupted == nil)
    }

    @Test("a rename keeps the answers; a name already taken is refused")
    func rename() throws {
        let store = try Store.inMemory()
        try store.apply([
            .startInterview(name: "Sam", stage: .prepare), .startInterview(name: "Kim", stage: .prepare),
            .save(interview: "Sam", flow: "prepare", step: "role", field: "role", value: "Designer"),
            .renameInterview(from: "Sam", to: "Samantha"),
        ], now: now)
        #expect(try store.overview().interview(named: "Samantha")?.answers == ["role": "Designer"])
        #expect(throws: StoreError.nameTaken("Kim")) {
            try store.apply([.renameInterview(from: "Samantha", to: "kim")], now: now)
        }
    }

    @Test("a turn's effects are saved together or not at all")
    func atomic() throws {
        let store = try Store.inMemory()
        #expect(throws: StoreError.noInterview("Nobody")) {
            try store.apply([
                .startInterview(name: "Sam", stage: .prepare),
                .save(interview: "Nobody", flow: "prepare", step: "role", field: "role", value: "x"),
            ], now: now)
        }
        #expect(try store.interviews().isEmpty)
    }

    @Test("muting a rule is recorded with its time, once; unmuting removes it")
    func muting() throws {
        let store = try Store.inMemory()
        try store.mute(rule: "ask-for-job", now: now)
        try store.mute(rule: "ask-for-job", now: later)
        try store.mute(rule: "closed-question", now: later)
        #expect(try store.mutedRules() == [
            MutedRuleRecord(ruleId: "ask-for-job", mutedAt: now), MutedRuleRecord(ruleId: "closed-question", mutedAt: later),
        ])
        try store.unmute(rule: "ask-for-job")
        #expect(try store.mutedRules().map(\.ruleId) == ["closed-question"])
    }
}
