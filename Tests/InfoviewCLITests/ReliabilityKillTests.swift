import Foundation
import Testing

/// Crash safety: the built `infoview` killed at random points of scripted sessions, and stopped
/// by SIGTERM and SIGHUP, loses no answer it acknowledged.
///
/// The long run is `Tests/Reliability/kill_test.py BINARY --kills 200`; here a short seeded run
/// of the same script, and the signals of a piped session one by one.
@Suite("Reliability: kills and stops")
struct ReliabilityKillTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Reliability/kill_test.py")

    @Test("ten seeded SIGKILLs (and the stops between them) lose no acknowledged answer")
    func shortKillRun() throws {
        let run = try BuiltProgram.run(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["python3", Self.script.path, try BuiltProgram.infoview().path, "--kills", "10", "--seed", "1"],
            environment: PseudoTerminalTests.environment, timeout: 120)
        #expect(!run.timedOut, "the kill test did not finish within 120 seconds")
        #expect(run.status == 0, "\(run.output)\(run.errors)")
        let lines = run.output.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("kills: 10 ") }, "\(run.output)")
        #expect(lines.contains("answers lost: 0"), "\(run.output)")
        let acknowledged = lines.first { $0.hasPrefix("answers acknowledged: ") }.flatMap { Int($0.split(separator: " ").last!) }
        #expect((acknowledged ?? 0) > 0, "no answer was acknowledged, so nothing was tested: \(run.output)")
    }

    @Test("a piped session stopped mid-flow says goodbye, exits 0 and keeps every answer", arguments: [SIGTERM, SIGHUP])
    func pipedStop(signal number: Int32) throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let session = try PipedSession(sandbox: sandbox)
        try session.send("/prepare Sam")
        try session.waitFor(PromptTexts.asks("role", name: "Sam"))
        try session.send("Designer")
        try session.waitFor(PromptTexts.asks("organisation", name: "Sam"))
        kill(session.process.processIdentifier, number)
        let run = try session.finish()
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.hasSuffix(try PromptTexts.text("quit", ["doing": PromptTexts.doing("Sam")]) + "\n"))
        let listing = try sandbox.run([], arguments: ["list"])
        #expect(listing.output.contains("Sam, Designer"), "\(listing.output)")
    }
}

/// The built `infoview` on pipes, fed one line at a time while a test watches its output.
final class PipedSession {
    let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let errors = Pipe()
    private let collected = Collected()
    private let errorText = Collected()

    /// Output gathered by a reader thread.
    final class Collected: @unchecked Sendable {
        private let lock = NSCondition()
        private var data = Data()
        private(set) var ended = false

        func append(_ chunk: Data) {
            lock.lock()
            if chunk.isEmpty { ended = true } else { data.append(chunk) }
            lock.broadcast()
            lock.unlock()
        }

        /// Waits until `found` holds for the text so far, or the output ends, or `timeout` passes.
        func wait(timeout: Double, until found: (String) -> Bool) -> (text: String, held: Bool) {
            let deadline = Date().addingTimeInterval(timeout)
            lock.lock()
            defer { lock.unlock() }
            while true {
                let text = String(decoding: data, as: UTF8.self)
                if found(text) { return (text, true) }
                if ended || !lock.wait(until: deadline) { return (text, found(text)) }
            }
        }

        var text: String {
            lock.lock()
            defer { lock.unlock() }
            return String(decoding: data, as: UTF8.self)
        }
    }

    /// Starts `infoview --db SANDBOX-DATABASE ARGUMENTS` in the sandbox's environment.
    init(sandbox: Sandbox, arguments: [String] = [], database: String? = nil) throws {
        signal(SIGPIPE, SIG_IGN)
        process.executableURL = try BuiltProgram.infoview()
        process.arguments = ["--db", database ?? sandbox.database] + arguments
        process.environment = [
            "HOME": sandbox.home.path, "XDG_DATA_HOME": sandbox.home.appendingPathComponent("data").path,
            "XDG_STATE_HOME": sandbox.stateFolder, "PATH": "/usr/bin:/bin", "TERM": "xterm-256color",
        ]
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        for (pipe, into) in [(output, collected), (errors, errorText)] {
            let handle = pipe.fileHandleForReading
            let thread = Thread {
                while true {
                    let chunk = handle.availableData
                    into.append(chunk)
                    if chunk.isEmpty { return }
                }
            }
            thread.start()
        }
        try process.run()
    }

    /// Types a line.
    func send(_ line: String) throws {
        try input.fileHandleForWriting.write(contentsOf: Data((line + "\n").utf8))
    }

    /// Waits (30 s at most) until the output so far contains one of `texts`; returns the output.
    @discardableResult
    func waitFor(_ texts: [String], timeout: Double = 30) throws -> String {
        let (text, held) = collected.wait(timeout: timeout) { text in texts.contains { text.contains($0) } }
        guard held else {
            throw ProgramError("waited \(timeout)s for one of \(texts); the output was:\n\(text)\nerrors:\n\(errorText.text)")
        }
        return text
    }

    /// The output so far.
    var text: String { collected.text }

    /// Closes the input and waits for the end (killing the program after 30 s).
    func finish(timeout: Double = 30) throws -> ProgramRun {
        try? input.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        let timedOut = process.isRunning
        if timedOut { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        _ = collected.wait(timeout: 5) { _ in false }
        _ = errorText.wait(timeout: 5) { _ in false }
        return ProgramRun(status: process.terminationStatus, output: collected.text, errors: errorText.text, timedOut: timedOut)
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}
