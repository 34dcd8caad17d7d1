import Foundation
import Testing

/// Two or more `infoview` processes on one database: one in a flow while others list or run
/// their own flow; a database held busy by another writer.
@Suite("Concurrency: several infoview processes on one database")
struct ConcurrencyProgramTests {
    /// What SQLite says in its own words; none of it may reach the person.
    static let rawSQLite = ["SQLITE_", "database is locked", "SQLite error", "disk image is malformed", "already exists"]

    static func expectNoRawSQLite(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for raw in rawSQLite {
            #expect(!text.contains(raw), "a raw SQLite message: \(text)", sourceLocation: sourceLocation)
        }
    }

    @Test("one flow answered line by line while other processes list and run another flow")
    func flowWhileOthersWork() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let first = try PipedSession(sandbox: sandbox)
        try first.send("/prepare Sam")
        try first.waitFor(PromptTexts.asks("role", name: "Sam"))
        let answers = [("role", "Designer"), ("organisation", "Acme Health"), ("connection", "a friend of a friend")]
        let next = ["organisation", "connection", "boss"]
        for (index, (_, answer)) in answers.enumerated() {
            // Meanwhile: a listing, and a whole other flow from start to finish.
            let listing = try sandbox.run([], arguments: ["list"])
            #expect(listing.status == 0, "\(listing.errors)")
            #expect(listing.output.contains("Sam"))
            Self.expectNoRawSQLite(listing.output + listing.errors)
            let other = try sandbox.run(Array("/prepare Kim\(index)\nNurse\nSt Mary's\nstop\n".utf8))
            #expect(other.status == 0, "\(other.errors)")
            Self.expectNoRawSQLite(other.output + other.errors)
            try first.send(answer)
            try first.waitFor(PromptTexts.asks(next[index], name: "Sam"))
        }
        let run = try first.finish()
        #expect(run.status == 0)
        Self.expectNoRawSQLite(run.output + run.errors)
        let listing = try sandbox.run([], arguments: ["list"])
        #expect(listing.output.contains("Sam, Designer at Acme Health"), "\(listing.output)")
        for index in 0..<answers.count {
            #expect(listing.output.contains("Kim\(index), Nurse at St Mary's"), "\(listing.output)")
        }
    }

    @Test("eight first starts at once on a new database all open it")
    func firstStartsTogether() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let database = sandbox.home.appendingPathComponent("new/infoview.sqlite").path
        let sessions = try (0..<8).map { index in
            let session = try PipedSession(sandbox: sandbox, database: database)
            try session.send("/prepare Person\(index)")
            return session
        }
        for (index, session) in sessions.enumerated() {
            try session.waitFor(PromptTexts.asks("role", name: "Person\(index)"))
            let run = try session.finish()
            #expect(run.status == 0, "\(run.errors)")
            #expect(run.errors == "")
        }
        let listing = try sandbox.run([], arguments: ["--db", database, "list"])
        for index in 0..<8 { #expect(listing.output.contains("Person\(index)"), "\(listing.output)") }
    }

    @Test("a database another writer holds: a short hold is waited out, a long one is said plainly and the question stays")
    func busyDatabase() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let session = try PipedSession(sandbox: sandbox)
        try session.send("/prepare Sam")
        try session.waitFor(PromptTexts.asks("role", name: "Sam"))

        // Held for one second: the answer waits, then goes through without a word about it.
        var holder = try LockHolder(database: sandbox.database)
        try session.send("Designer")
        usleep(1_000_000)
        try holder.release()
        try session.waitFor(PromptTexts.asks("organisation", name: "Sam"))
        #expect(!session.text.contains("busy"))

        // Held past the wait: the person is told what is going on, and asked the same question again.
        holder = try LockHolder(database: sandbox.database)
        let asked = Date()
        try session.send("Acme")
        let busy = "the database is busy: another infoview is writing to \(sandbox.database); try again in a moment"
        try session.waitFor([busy])
        #expect(Date().timeIntervalSince(asked) >= 3, "it did not wait before giving up")
        try holder.release()
        try session.send("Acme")
        try session.waitFor(PromptTexts.asks("connection", name: "Sam"))
        let run = try session.finish()
        #expect(run.status == 0)
        Self.expectNoRawSQLite(run.output + run.errors)
        let listing = try sandbox.run([], arguments: ["list"])
        #expect(listing.output.contains("Sam, Designer at Acme"), "\(listing.output)")
    }
}

/// Another program holding the database's write lock (Python's sqlite3, `BEGIN IMMEDIATE`) until
/// released.
struct LockHolder {
    let process = Process()
    let input = Pipe()

    init(database: String) throws {
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", "-c",
            """
            import sqlite3, sys
            connection = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)
            connection.execute("BEGIN IMMEDIATE")
            print("held", flush=True)
            sys.stdin.read()
            connection.execute("ROLLBACK")
            """,
            database,
        ]
        process.environment = PseudoTerminalTests.environment
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let said = output.fileHandleForReading.availableData
        guard String(decoding: said, as: UTF8.self) == "held\n" else {
            throw ProgramError("the lock holder did not take the lock: \(String(decoding: said, as: UTF8.self))")
        }
    }

    /// Ends the transaction and waits for the holder to leave.
    func release() throws {
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}
