import Foundation
import GRDB

/// The SQLite database that keeps the interviews, their answers, unfinished flows and muted rules.
///
/// Opening is careful: a file that is empty, damaged, not an infoview database, or written by a
/// newer version is refused and left byte for byte as it was; a database that needs migrating is
/// first backed up next to itself (`PATH.bak-<migration>`). A new database is built beside its
/// path and moved into place whole, so a crash or a second process starting at the same moment
/// never finds a half-made one. Several processes may share the file (WAL journal, busy
/// timeout). Time always comes in as a parameter.
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
        let configuration = Self.configuration(busyTimeout: busyTimeout)
        if isFile {
            try Self.prepareFolder(for: path)
            if !Self.exists(path) {
                try Self.create(at: path, migrator: migrator, configuration: configuration)
            }
            try Self.checkHeader(path)
            try Self.checkWritable(path)
        }
        do {
            database = try isFile ? DatabaseQueue(path: path, configuration: configuration) : DatabaseQueue(configuration: configuration)
        } catch {
            throw Self.storeError(error, path: path, opening: true)
        }
        if isFile { try checkIntegrity() }
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
    static func configuration(busyTimeout: TimeInterval) -> Configuration {
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "infoview"
        return configuration
    }

    /// Whether anything (even a dangling link) is at `path`.
    static func exists(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0
    }

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
            throw .cannotOpen(path: path, detail: "cannot create the folder \(folder)\(reason(for: error))")
        }
    }

    /// `: <the system's words>` for an error that carries an `errno`, else nothing.
    static func reason(for error: any Error) -> String {
        guard let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? any Error else { return "" }
        let code = (underlying as NSError)
        guard code.domain == NSPOSIXErrorDomain else { return "" }
        return ": " + String(cString: strerror(Int32(code.code)))
    }

    /// Refuses an existing database that cannot be written, or whose folder cannot take the
    /// journal files SQLite keeps beside it, before SQLite gives a vaguer message.
    static func checkWritable(_ path: String) throws(StoreError) {
        guard exists(path) else { return }
        if access(path, R_OK | W_OK) != 0 {
            throw .cannotOpen(path: path, detail: "the file cannot be written: \(String(cString: strerror(errno))) (check its permissions)")
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        if access(folder, W_OK | X_OK) != 0 {
            throw .cannotOpen(
                path: path,
                detail: "its folder \(folder) cannot be written: \(String(cString: strerror(errno))) (SQLite keeps its journal beside the database)")
        }
    }

    /// Refuses a file that does not start with the SQLite header, before SQLite sees it.
    ///
    /// An empty file is refused too: infoview never leaves one (see `create`), so it is someone
    /// else's file or a database that lost its contents, and writing into it would hide that.
    static func checkHeader(_ path: String) throws(StoreError) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return }
        guard !isFolder.boolValue else { throw .cannotOpen(path: path, detail: "it is a folder, expected a database file") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .cannotOpen(path: path, detail: "the file cannot be read (check its permissions)")
        }
        defer { try? handle.close() }
        let bytes = (try? handle.read(upToCount: header.count)) ?? Data()
        guard !bytes.isEmpty else {
            throw .notADatabase(path: path, detail: "it is an empty file; delete it to start a new database there")
        }
        guard Array(bytes) == header else {
            throw .notADatabase(path: path, detail: "it does not start with the SQLite header")
        }
    }

    /// Builds a new, fully migrated database in a temporary file beside `path`, then links it
    /// into place: `path` holds a whole database or nothing, even if the process dies half-way
    /// (at worst a `PATH.new-…` file stays behind). If another process links its own first,
    /// that one is kept and this one dropped.
    static func create(at path: String, migrator: DatabaseMigrator, configuration: Configuration) throws(StoreError) {
        let temporary = try temporaryFile(beside: path)
        defer { removeDatabaseFiles(temporary) }
        do {
            let queue = try DatabaseQueue(path: temporary, configuration: configuration)
            try migrator.migrate(queue)
            // Outside a transaction: SQLite cannot change the journal mode inside one.
            _ = try queue.writeWithoutTransaction { db in try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") }
            try queue.close()
        } catch {
            throw storeError(error, path: path, opening: true)
        }
        try publish(temporary, at: path)
    }

    /// Moves a finished file to `path` unless something is there already (then it is left as is).
    static func publish(_ temporary: String, at path: String) throws(StoreError) {
        if link(temporary, path) == 0 || errno == EEXIST { return }
        // Filesystems without hard links: a rename, after a last look.
        let code = errno
        guard [EPERM, EOPNOTSUPP, ENOTSUP, EMLINK].contains(code) else {
            throw .cannotOpen(path: path, detail: "cannot create it: \(String(cString: strerror(code)))")
        }
        if exists(path) { return }
        guard rename(temporary, path) == 0 else {
            throw .cannotOpen(path: path, detail: "cannot create it: \(String(cString: strerror(errno)))")
        }
    }

    /// A new empty file named `PATH.new-XXXXXX`, readable by its owner only.
    static func temporaryFile(beside path: String) throws(StoreError) -> String {
        var template = Array("\(path).new-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            let code = errno
            if code == ENOSPC || code == EDQUOT { throw .diskFull(path: path) }
            throw .cannotOpen(path: path, detail: "cannot create a file in its folder: \(String(cString: strerror(code)))")
        }
        close(descriptor)
        return template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    /// Removes a database file and the files SQLite keeps beside it, ignoring missing ones.
    static func removeDatabaseFiles(_ path: String) {
        for suffix in ["-wal", "-shm", "-journal", ""] { unlink(path + suffix) }
    }

    /// Refuses a damaged database before anything is written to it.
    func checkIntegrity() throws(StoreError) {
        let problems = try read { db in try String.fetchAll(db, sql: "PRAGMA quick_check(5)") }
        guard problems == ["ok"] else {
            throw .damaged(path: path, detail: "SQLite's check found: \(problems.joined(separator: "; "))")
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

    /// Runs the pending migrations. GRDB reads which are applied before it takes the write lock,
    /// so another infoview upgrading the same file at the same moment can make a migration fail
    /// because it is already done: then look again, and go on while the other one makes progress.
    func migrateNow(_ migrator: DatabaseMigrator) throws(StoreError) {
        var applied: Set<String> = []
        while true {
            do {
                try migrator.migrate(database)
                return
            } catch {
                let now = (try? database.read { db in try migrator.appliedIdentifiers(db) }) ?? applied
                if now.isSuperset(of: migrator.migrations) { return }
                guard now.count > applied.count else { throw Self.storeError(error, path: path, opening: false) }
                applied = now
            }
        }
    }

    /// A consistent copy made with SQLite's backup API, moved into place whole; an existing backup
    /// is never overwritten.
    func backUp(to backupPath: String) throws(StoreError) {
        guard !Self.exists(backupPath) else { return }
        let temporary = try Self.temporaryFile(beside: backupPath)
        defer { Self.removeDatabaseFiles(temporary) }
        do {
            let copy = try DatabaseQueue(path: temporary)
            try database.backup(to: copy)
            try copy.close()
        } catch {
            if case .diskFull = Self.storeError(error, path: path, opening: true) { throw .diskFull(path: path) }
            throw .cannotOpen(path: path, detail: "cannot back it up to \(backupPath) before upgrading it (\(error))")
        }
        try Self.publish(temporary, at: backupPath)
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
        case .SQLITE_NOTADB:
            return .notADatabase(path: path, detail: "SQLite says: \(error.message ?? "file is not a database")")
        case .SQLITE_CORRUPT:
            return .damaged(path: path, detail: "SQLite says: \(error.message ?? "database disk image is malformed")")
        case .SQLITE_FULL:
            return .diskFull(path: path)
        case .SQLITE_IOERR where isNearlyFull(folderOf: path):
            // Running out of space while making the shared-memory file shows as an I/O error.
            return .diskFull(path: path)
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY, .SQLITE_AUTH:
            return .cannotOpen(path: path, detail: error.message ?? "permission denied")
        default:
            return opening
                ? .cannotOpen(path: path, detail: error.message ?? "\(error.resultCode)")
                : .failed(path: path, detail: error.message ?? "\(error.resultCode)")
        }
    }
}

private extension Store {
    /// Whether the filesystem holding `path` has less than 1 MiB left for its user.
    static func isNearlyFull(folderOf path: String) -> Bool {
        var info = statvfs()
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard statvfs(folder, &info) == 0 else { return false }
        return UInt64(info.f_bavail) * UInt64(info.f_frsize) < 1 << 20
    }
}
