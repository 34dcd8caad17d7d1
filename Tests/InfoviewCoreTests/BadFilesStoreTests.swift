import Foundation
import GRDB
import Testing
@testable import InfoviewCore

/// Damaged database files: each is refused with a message that says what is wrong, and is left
/// byte for byte as it was, with nothing created beside it. And the backup taken before a
/// migration is a whole copy, kept even when the migration fails.
@Suite("Bad files: the database")
struct BadFilesStoreTests {
    /// A database with a few interviews and answers, closed (its journal folded in), as bytes.
    /// It is vacuumed, so every page is in use: damage to an unused page would hurt nothing and
    /// could rightly go unnoticed.
    static let sample: Result<Data, any Error> = Result {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("sample.sqlite").path
        do {
            let store = try Store(path: path)
            for index in 0..<30 {
                let name = "Person \(index)"
                try store.apply(
                    [
                        .startInterview(name: name, stage: .prepare),
                        .save(interview: name, flow: "prepare", step: "role", field: "role", value: String(repeating: "role \(index) ", count: 20)),
                        .save(interview: name, flow: "prepare", step: "organisation", field: "organisation", value: "Organisation \(index)"),
                        .progress(interview: name, flow: "prepare", step: "connection", trail: ["role", "organisation"]),
                    ], now: TestSupport.now)
            }
        }
        let free = try DatabaseQueue(path: path).writeWithoutTransaction { db in
            try db.execute(sql: "VACUUM")
            return try Int.fetchOne(db, sql: "PRAGMA freelist_count")
        }
        guard free == 0 else { throw StoreError.failed(path: path, detail: "\(free ?? -1) free pages after VACUUM") }
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }

    /// Writes `bytes` as the only file of a new folder, tries to open it, and checks that it was
    /// refused, untouched and alone; returns the error's message.
    static func refusal(of bytes: Data, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> String? {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("infoview.sqlite").path
        try bytes.write(to: URL(fileURLWithPath: path))
        var message: String?
        do {
            _ = try Store(path: path)
        } catch {
            message = error.description
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes, "the file was changed", sourceLocation: sourceLocation)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["infoview.sqlite"],
            "files were created beside it", sourceLocation: sourceLocation)
        return message.map { $0.replacingOccurrences(of: path, with: "PATH") }
    }

    @Test("cut short at a page boundary or inside a page: refused as damaged")
    func truncated() throws {
        let sample = try Self.sample.get()
        let pageSize = 4096
        try #require(sample.count >= 4 * pageSize)
        var sizes = Array(stride(from: pageSize, to: sample.count, by: pageSize))
        sizes += [100, pageSize + 1000, sample.count / 2 + 17]  // (the last page may end in unused zeros)
        for size in sizes {
            let message = try Self.refusal(of: sample.prefix(size))
            guard let said = message else {
                Issue.record("a file cut to \(size) of \(sample.count) bytes was opened")
                continue
            }
            #expect(said.hasPrefix("PATH is damaged (") || said.hasPrefix("PATH is not an infoview database ("), "\(size): \(said)")
            #expect(said.contains("left untouched"))
        }
    }

    @Test("a page overwritten with noise or zeros: refused, and the message says damaged", arguments: [1, 2, 3])
    func overwrittenPage(seed: UInt64) throws {
        let sample = try Self.sample.get()
        var random = SeededGenerator(seed: seed)
        let pages = sample.count / 4096
        for page in 1..<pages {
            for noise in [true, false] {
                var bytes = sample
                let range = page * 4096..<(page + 1) * 4096
                bytes.replaceSubrange(range, with: (0..<4096).map { _ in noise ? UInt8.random(in: 0...255, using: &random) : 0 })
                guard let said = try Self.refusal(of: bytes) else {
                    Issue.record("page \(page + 1) of \(pages) overwritten (noise: \(noise)) went unseen")
                    continue
                }
                #expect(said.hasPrefix("PATH is damaged ("), "page \(page + 1): \(said)")
            }
        }
    }

    @Test("the first page overwritten: not a database")
    func overwrittenHeader() throws {
        var bytes = try Self.sample.get()
        bytes.replaceSubrange(0..<4096, with: Data(repeating: 0, count: 4096))
        #expect(try Self.refusal(of: bytes)?.hasPrefix("PATH is not an infoview database (it does not start with the SQLite header)") == true)
    }

    @Test("random bit flips never crash it; when refused, the file is left as it was", arguments: [1, 2, 3, 4])
    func bitFlips(seed: UInt64) throws {
        let sample = try Self.sample.get()
        var random = SeededGenerator(seed: seed)
        for _ in 0..<25 {
            var bytes = sample
            for _ in 0..<Int.random(in: 1...16, using: &random) {
                let at = Int.random(in: 0..<bytes.count, using: &random)
                bytes[at] ^= 1 << UInt8.random(in: 0...7, using: &random)
            }
            let folder = try TestSupport.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let path = folder.appendingPathComponent("infoview.sqlite").path
            try bytes.write(to: URL(fileURLWithPath: path))
            do {
                let store = try Store(path: path)
                _ = try? store.overview()  // a flip in a value may go unseen; reading must still not crash
            } catch {
                #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
                #expect(!error.description.contains("SQLite error"), "\(error)")
            }
        }
    }

    @Test("a newer version's database: refused, untouched, no backup and no journal beside it")
    func newerVersion() throws {
        var bytes = Data()
        do {
            let folder = try TestSupport.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let path = folder.appendingPathComponent("newer.sqlite").path
            var migrator = StoreMigrations.migrator
            migrator.registerMigration("v99-from-the-future") { db in try db.execute(sql: "CREATE TABLE future (x)") }
            _ = try Store(path: path, migrator: migrator, busyTimeout: 1)
            bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        }
        let said = try #require(try Self.refusal(of: bytes))
        #expect(said.hasPrefix("PATH was written by a newer infoview (it has changes this version does not know: v99-from-the-future)"))
    }

    @Test("the backup before a migration holds every row, and a second start does not replace it")
    func backupIsWhole() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("infoview.sqlite").path
        try Self.sample.get().write(to: URL(fileURLWithPath: path))
        let dump = { (path: String) throws -> [String] in
            try DatabaseQueue(path: path).read { db in
                try ["interview", "answer", "flowProgress"].flatMap { table in
                    try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY 1, 2").map { "\(table) \($0)" }
                }
            }
        }
        let before = try dump(path)
        var first = StoreMigrations.migrator
        first.registerMigration("v2-notes") { db in try db.alter(table: "interview") { t in t.add(column: "notes", .text) } }
        _ = try Store(path: path, migrator: first, busyTimeout: 1)
        let backup = path + ".bak-v2-notes"
        #expect(try dump(backup) == before)
        let backupBytes = try Data(contentsOf: URL(fileURLWithPath: backup))
        var second = first
        second.registerMigration("v3-more") { db in try db.create(table: "more") { t in t.autoIncrementedPrimaryKey("id") } }
        _ = try Store(path: path, migrator: second, busyTimeout: 1)
        #expect(try Data(contentsOf: URL(fileURLWithPath: backup)) == backupBytes, "the first backup was replaced")
        #expect(FileManager.default.fileExists(atPath: path + ".bak-v3-more"))
        let kept = { (rows: [String]) in rows.filter { !$0.hasPrefix("interview ") } }  // interview has a new column
        #expect(try kept(dump(path)) == kept(before))
    }

    @Test("a migration that fails leaves the database as it was, with the backup beside it")
    func failedMigration() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("infoview.sqlite").path
        try Self.sample.get().write(to: URL(fileURLWithPath: path))
        let count = { (path: String) throws -> Int? in
            try DatabaseQueue(path: path).read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM answer") }
        }
        let answers = try count(path)
        var broken = StoreMigrations.migrator
        broken.registerMigration("v2-broken") { db in
            try db.execute(sql: "DELETE FROM answer")
            try db.execute(sql: "THIS IS NOT SQL")
        }
        #expect(throws: StoreError.self) { _ = try Store(path: path, migrator: broken, busyTimeout: 1) }
        #expect(try count(path) == answers)
        #expect(try count(path + ".bak-v2-broken") == answers)
        let store = try Store(path: path)
        #expect(try store.overview().interviews.count == 30)
    }
}
