import Foundation
import GRDB

/// The SQLite database that keeps the interviews, their answers, unfinished flows and muted rules.
///
/// Opening is careful: a file that is not an infoview database, or one written by a newer
/// version, is refused and left byte for byte as it was; a database that needs migrating is first
/// backed up next to itself (`PATH.bak-<migration>`). Several processes may share the file (WAL
/// journal, busy timeout). Time always comes in as a parameter.
public final class Store: Sendable {
    /// The file's path, or `:memory:`.
    public let path: String
    let database: DatabaseQueue

    /// The first 16 bytes of every SQLite 3 file.
    static let header = Array("SQLite format 3\0".utf8)

    /// Opens (creating if needed) the database at `path`; its folder is created too (mode 0700).
    public convenience init(path: String) throws(StoreError) {
        try self.init(path: path, migrator: StoreMigrations.migrator, busyTimeout: 5)
    }

    /// A fresh database in memory, for tests and dry runs.
    public static func inMemory() throws(StoreError) -> Store {
        try Store(path: ":memory:", migrator: StoreMigrations.migrator, busyTimeout: 5)
    }

    init(path: String, migrator: DatabaseMigrator, busyTimeout: TimeInterval) throws(StoreError) {
        self.path = path
        let isFile = path != ":memory:"
        if isFile {
            try Self.prepareFolder(for: path)
            try Self.checkHeader(path)
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "infoview"
        do {
            database = try isFile ? DatabaseQueue(path: path, configuration: configuration) : DatabaseQueue(configuration: configuration)
        } catch {
            throw Self.storeError(error, path: path, opening: true)
        }
        try migrate(with: migrator, isFile: isFile)
    }

    /// Runs `body` in one write transaction, turning SQLite errors into `StoreError`s.
    func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try database.write(body)
        } catch {
            throw Self.storeError(error, path: path, opening: false)
        }
    }

    /// Runs `body` in a read transaction, turning SQLite errors into `StoreError`s.
    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try database.read(body)
        } catch {
            throw Self.storeError(error, path: path, opening: false)
        }
    }
}

private extension Store {
    static func prepareFolder(for path: String) throws(StoreError) {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw .cannotOpen(path: path, detail: "\(folder) is not a folder") }
            return
        }
        do {
            try FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw .cannotOpen(path: path, detail: "cannot create the folder \(folder)")
        }
    }

    /// Refuses a file that is neither empty nor starts with the SQLite header, before SQLite sees it.
    static func checkHeader(_ path: String) throws(StoreError) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return }
        guard !isFolder.boolValue else { throw .cannotOpen(path: path, detail: "it is a folder, expected a database file") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .cannotOpen(path: path, detail: "the file cannot be read (check its permissions)")
        }
        defer { try? handle.close() }
        let bytes = (try? handle.read(upToCount: header.count)) ?? Data()
        guard bytes.isEmpty || Array(bytes) == header else {
            throw .notADatabase(path: path, detail: "it does not start with the SQLite header")
        }
    }

    /// Checks the schema without writing, backs up, then switches to WAL and migrates.
    func migrate(with migrator: DatabaseMigrator, isFile: Bool) throws(StoreError) {
        let known = migrator.migrations
        let applied: Set<String> = try read { db in
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            if !tables.isEmpty && !tables.contains("grdb_migrations") {
                throw StoreError.notADatabase(path: path, detail: "it is an SQLite database of another program, with tables \(tables.prefix(5).joined(separator: ", "))")
            }
            return try migrator.appliedIdentifiers(db)
        }
        let unknown = applied.subtracting(known).sorted()
        guard unknown.isEmpty else { throw .newerSchema(path: path, unknownMigrations: unknown) }
        let pending = known.filter { !applied.contains($0) }
        guard isFile else {
            try migrateNow(migrator)
            return
        }
        if let first = pending.first, !applied.isEmpty {
            try backUp(to: "\(path).bak-\(first)")
        }
        do {
            // Outside a transaction: SQLite cannot change the journal mode inside one.
            _ = try database.writeWithoutTransaction { db in try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") }
        } catch {
            throw Self.storeError(error, path: path, opening: true)
        }
        if !pending.isEmpty { try migrateNow(migrator) }
    }

    func migrateNow(_ migrator: DatabaseMigrator) throws(StoreError) {
        do {
            try migrator.migrate(database)
        } catch {
            throw Self.storeError(error, path: path, opening: false)
        }
    }

    /// A consistent copy made with SQLite's backup API; an existing backup is never overwritten.
    func backUp(to backupPath: String) throws(StoreError) {
        guard !FileManager.default.fileExists(atPath: backupPath) else { return }
        do {
            let copy = try DatabaseQueue(path: backupPath)
            try database.backup(to: copy)
            try copy.close()
        } catch {
            throw .cannotOpen(path: path, detail: "cannot back it up to \(backupPath) before upgrading it (\(error))")
        }
    }
}

extension Store {
    /// The `StoreError` for anything GRDB or SQLite threw.
    static func storeError(_ error: any Error, path: String, opening: Bool) -> StoreError {
        if let error = error as? StoreError { return error }
        guard let error = error as? DatabaseError else {
            return .failed(path: path, detail: String(describing: error))
        }
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return .busy(path: path)
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return .notADatabase(path: path, detail: "SQLite says: \(error.message ?? "file is damaged")")
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY, .SQLITE_AUTH:
            return .cannotOpen(path: path, detail: error.message ?? "permission denied")
        default:
            return opening
                ? .cannotOpen(path: path, detail: error.message ?? "\(error.resultCode)")
                : .failed(path: path, detail: error.message ?? "\(error.resultCode)")
        }
    }
}
