import Foundation
import Testing

/// Bad database files given to the built `infoview`: the chat and `list` each say what is wrong,
/// exit with status 1, and leave the file byte for byte as it was with nothing new beside it.
/// A read-only folder and a full disk use a small tmpfs, which needs root: without it those tests
/// are skipped, and say so.
@Suite("Bad files: the database given to infoview")
struct BadFilesProgramTests {
    /// A database the program made: two interviews, answers, a flow left half-way; closed.
    static func sample(in sandbox: Sandbox) throws -> Data {
        let path = sandbox.home.appendingPathComponent("sample.sqlite").path
        let run = try sandbox.run(
            Array("/prepare Sam\nDesigner\nAcme Health\na friend\nno\nshe changed careers\n/prepare Kim\nNurse\n".utf8),
            arguments: ["--db", path])
        #expect(run.status == 0, "\(run.errors)")
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }

    /// The kinds of bad file, made from a good sample, with the start of what must be said.
    static func badFiles(from sample: Data) -> [(name: String, bytes: Data, says: String)] {
        let truncated = sample.prefix(sample.count / 2)
        var overwritten = sample
        overwritten.replaceSubrange(4096..<8192, with: Data(repeating: 0x5A, count: 4096))
        return [
            ("an empty file", Data(), "is not an infoview database (it is an empty file; delete it to start a new database there)"),
            ("a text file", Data("Notes for my coffee with Sam:\n- ask about her first year\n".utf8), "is not an infoview database (it does not start with the SQLite header)"),
            ("binary noise", Data((0..<3000).map { UInt8(truncatingIfNeeded: $0 &* 7919) }), "is not an infoview database (it does not start with the SQLite header)"),
            ("a database cut in half", Data(truncated), "is damaged ("),
            ("a database with a page overwritten", overwritten, "is damaged ("),
        ]
    }

    /// Runs the chat (reading `/quit`) and `list` on the file; both must fail as described.
    static func expectRefused(
        _ bytes: Data, says: String, in sandbox: Sandbox, what: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws {
        let folder = sandbox.home.appendingPathComponent("bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("infoview.sqlite").path
        try bytes.write(to: URL(fileURLWithPath: path))
        for arguments in [["--db", path], ["--db", path, "list"]] {
            let run = try sandbox.run(Array("/quit\n".utf8), arguments: arguments)
            #expect(run.status == 1, "\(what), \(arguments.last!): exit \(run.status)", sourceLocation: sourceLocation)
            #expect(run.errors.hasPrefix("Error: \(path) \(says)"), "\(what): \(run.errors)", sourceLocation: sourceLocation)
            #expect(run.output == "", "\(what): \(run.output)", sourceLocation: sourceLocation)
        }
        // `check` only reads muted rules from it: it warns and still checks.
        let check = try sandbox.run(Array("What does a normal day look like for you?\n".utf8), arguments: ["--db", path, "check"])
        #expect(check.status == 0, "\(what), check: \(check.errors)", sourceLocation: sourceLocation)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes, "\(what) was changed", sourceLocation: sourceLocation)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["infoview.sqlite"],
            "\(what): files were created beside it", sourceLocation: sourceLocation)
    }

    @Test("an empty file, a text file, noise, a cut or overwritten database: a clear message, exit 1, untouched")
    func damagedFiles() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let sample = try Self.sample(in: sandbox)
        for bad in Self.badFiles(from: sample) {
            try Self.expectRefused(bad.bytes, says: bad.says, in: sandbox, what: bad.name)
        }
    }

    @Test("a database from a newer version, and another program's database: refused, untouched")
    func otherDatabases() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let sample = try Self.sample(in: sandbox)
        let newer = try Self.altered(sample, in: sandbox, sql: "INSERT INTO grdb_migrations VALUES ('v99-from-the-future')")
        try Self.expectRefused(
            newer, says: "was written by a newer infoview (it has changes this version does not know: v99-from-the-future) — nothing was written",
            in: sandbox, what: "a newer database")
        let foreign = try Self.altered(nil, in: sandbox, sql: "CREATE TABLE recipe (name TEXT); INSERT INTO recipe VALUES ('soup')")
        try Self.expectRefused(
            foreign, says: "is not an infoview database (it is an SQLite database of another program, with tables recipe)",
            in: sandbox, what: "another program's database")
    }

    @Test("a missing folder is made, private; a path through a file is named")
    func folders() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let deep = sandbox.home.appendingPathComponent("not/there/yet/infoview.sqlite").path
        let made = try sandbox.run(Array("/prepare Sam\n".utf8), arguments: ["--db", deep])
        #expect(made.status == 0, "\(made.errors)")
        let mode = try FileManager.default.attributesOfItem(atPath: sandbox.home.appendingPathComponent("not/there/yet").path)[.posixPermissions]
        #expect((mode as? NSNumber)?.intValue == 0o700)
        let blocker = sandbox.home.appendingPathComponent("a-file")
        try Data("x".utf8).write(to: blocker)
        let through = blocker.appendingPathComponent("infoview.sqlite").path
        let run = try sandbox.run(Array("/quit\n".utf8), arguments: ["--db", through])
        #expect(run.status == 1)
        #expect(run.errors.hasPrefix("Error: cannot open the database \(through): \(blocker.path) is not a folder"), "\(run.errors)")
    }

    @Test(
        "a read-only folder: an existing database and a new one are refused with the reason, untouched",
        .enabled(if: SmallDisk.isAvailable, "needs root to mount a small tmpfs: not run"))
    func readOnlyFolder() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let sample = try Self.sample(in: sandbox)
        let disk = try SmallDisk(kilobytes: 512)
        defer { disk.remove() }
        let path = disk.folder.appendingPathComponent("infoview.sqlite").path
        try sample.write(to: URL(fileURLWithPath: path))
        try disk.makeReadOnly()
        for arguments in [["--db", path], ["--db", path, "list"]] {
            let run = try sandbox.run(Array("/quit\n".utf8), arguments: arguments)
            #expect(run.status == 1)
            #expect(run.errors == "Error: cannot open the database \(path): the file cannot be written: Read-only file system (check its permissions)\n")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == sample)
        let fresh = disk.folder.appendingPathComponent("new/infoview.sqlite").path
        let run = try sandbox.run(Array("/quit\n".utf8), arguments: ["--db", fresh])
        #expect(run.status == 1)
        #expect(run.errors.hasPrefix("Error: cannot open the database \(fresh): cannot create the folder \(disk.folder.path)/new: Read-only file system"), "\(run.errors)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: disk.folder.path) == ["infoview.sqlite"])
    }

    @Test(
        "a full disk: no half-made database, an existing one untouched, an answer kept until there is room",
        .enabled(if: SmallDisk.isAvailable, "needs root to mount a small tmpfs: not run"))
    func fullDisk() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let sample = try Self.sample(in: sandbox)
        let disk = try SmallDisk(kilobytes: 256)
        defer { disk.remove() }
        let filler = disk.folder.appendingPathComponent("filler")
        let full = "the disk that holds \(disk.folder.path)/infoview.sqlite is full, so nothing more could be written; free some space first"

        // A new database on a full disk: said plainly, and nothing left at its path.
        try disk.fill(leaving: 0, with: filler)
        let path = disk.folder.appendingPathComponent("infoview.sqlite").path
        var run = try sandbox.run(Array("/quit\n".utf8), arguments: ["--db", path])
        #expect(run.status == 1)
        #expect(run.errors == "Error: \(full)\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: disk.folder.path) == ["filler"])

        // An existing database on a full disk: refused (SQLite needs room for its journal), untouched.
        try FileManager.default.removeItem(at: filler)
        try sample.write(to: URL(fileURLWithPath: path))
        try disk.fill(leaving: 0, with: filler)
        run = try sandbox.run(Array("/quit\n".utf8), arguments: ["--db", path])
        #expect(run.status == 1)
        #expect(run.errors == "Error: \(full)\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == sample)

        // The disk fills up during a flow: the answer is not lost silently, and goes in once there is room.
        try FileManager.default.removeItem(at: filler)
        let session = try PipedSession(sandbox: sandbox, database: path)
        try session.send("/prepare Lee")
        try session.waitFor(PromptTexts.asks("role", name: "Lee"))
        try disk.fill(leaving: 0, with: filler)
        try session.send(String(repeating: "Teacher of many things ", count: 400))
        try session.waitFor([full])
        try FileManager.default.removeItem(at: filler)
        try session.send("Teacher")
        try session.waitFor(PromptTexts.asks("organisation", name: "Lee"))
        run = try session.finish()
        #expect(run.status == 0)
        let listing = try sandbox.run([], arguments: ["--db", path, "list"])
        #expect(listing.output.contains("Lee, Teacher: preparing"), "\(listing.output)")
        #expect(listing.output.contains("Sam, Designer at Acme Health"), "\(listing.output)")
    }

    /// A copy of `sample` (or a new database) changed by `sql`, through Python's sqlite3.
    static func altered(_ sample: Data?, in sandbox: Sandbox, sql: String) throws -> Data {
        let path = sandbox.home.appendingPathComponent("altered-\(UUID().uuidString).sqlite").path
        if let sample { try sample.write(to: URL(fileURLWithPath: path)) }
        let run = try BuiltProgram.run(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["python3", "-c", "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.executescript(sys.argv[2]); c.commit(); c.close()", path, sql],
            environment: PseudoTerminalTests.environment, timeout: 30)
        try #require(run.status == 0, "\(run.errors)")
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }
}

/// A small tmpfs mounted for one test (root only), to make a read-only folder or a full disk.
struct SmallDisk {
    let folder: URL

    /// Whether this machine lets the tests mount one: root, and `mount` works.
    static let isAvailable: Bool = {
        guard geteuid() == 0, let disk = try? SmallDisk(kilobytes: 64) else { return false }
        disk.remove()
        return true
    }()

    init(kilobytes: Int) throws {
        folder = try BuiltProgram.temporaryFolder()
        let run = try BuiltProgram.run(
            URL(fileURLWithPath: "/bin/mount"), ["-t", "tmpfs", "-o", "size=\(kilobytes)k,mode=0700", "tmpfs", folder.path],
            environment: [:], timeout: 30)
        guard run.status == 0 else {
            try? FileManager.default.removeItem(at: folder)
            throw ProgramError("cannot mount a tmpfs: \(run.errors)")
        }
    }

    func makeReadOnly() throws {
        let run = try BuiltProgram.run(
            URL(fileURLWithPath: "/bin/mount"), ["-o", "remount,ro", folder.path], environment: [:], timeout: 30)
        guard run.status == 0 else { throw ProgramError("cannot remount read-only: \(run.errors)") }
    }

    /// Writes `file` until the disk has at most `leaving` bytes free.
    func fill(leaving: Int, with file: URL) throws {
        var info = statvfs()
        guard statvfs(folder.path, &info) == 0 else { throw ProgramError("statvfs failed on \(folder.path)") }
        let free = Int(info.f_bavail) * Int(info.f_frsize)
        let handle = FileManager.default.createFile(atPath: file.path, contents: nil) ? FileHandle(forWritingAtPath: file.path) : nil
        guard let handle else { throw ProgramError("cannot create \(file.path)") }
        defer { try? handle.close() }
        // tmpfs counts whole pages: write a little more than reported, and ignore the last failure.
        try? handle.write(contentsOf: Data(count: max(free - leaving, 0) + 65536))
    }

    func remove() {
        _ = try? BuiltProgram.run(URL(fileURLWithPath: "/bin/umount"), [folder.path], environment: [:], timeout: 30)
        try? FileManager.default.removeItem(at: folder)
    }
}
