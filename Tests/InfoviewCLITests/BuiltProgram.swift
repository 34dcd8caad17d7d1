import Foundation
import Testing

/// What a finished run of a program left behind.
struct ProgramRun {
    var status: Int32
    var output: String
    var errors: String
    var timedOut: Bool
}

/// Runs built programs for the tests that need a real process.
enum BuiltProgram {
    /// The `infoview` built next to the test bundle.
    static func infoview() throws -> URL {
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent("infoview"),
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("infoview"),
        ]
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw ProgramError("no built infoview at \(candidates.map(\.path)); run `swift build` first")
        }
        return found
    }

    /// A fresh temporary folder; the caller removes it.
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("infoview-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Runs a program with `input` on a pipe to its standard input, its output in files, and
    /// kills it if it has not ended within `timeout` seconds.
    static func run(
        _ executable: URL, _ arguments: [String], environment: [String: String], input: Data = Data(),
        timeout: Double
    ) throws -> ProgramRun {
        _ = ignoreBrokenPipes
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outputFile = folder.appendingPathComponent("stdout")
        let errorFile = folder.appendingPathComponent("stderr")
        try Data().write(to: outputFile)
        try Data().write(to: errorFile)
        let inputPipe = Pipe()
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment
        process.standardInput = inputPipe
        process.standardOutput = try FileHandle(forWritingTo: outputFile)
        process.standardError = try FileHandle(forWritingTo: errorFile)
        let ended = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in ended.signal() }
        try process.run()
        let writer = inputPipe.fileHandleForWriting
        DispatchQueue.global().async {
            try? writer.write(contentsOf: input)  // fails harmlessly if the program stopped reading
            try? writer.close()
        }
        var timedOut = false
        if ended.wait(timeout: .now() + timeout) == .timedOut {
            timedOut = true
            process.terminate()
            if ended.wait(timeout: .now() + 5) == .timedOut { kill(process.processIdentifier, SIGKILL) }
            ended.wait()
        }
        return ProgramRun(
            status: process.terminationStatus,
            output: String(decoding: try Data(contentsOf: outputFile), as: UTF8.self),
            errors: String(decoding: try Data(contentsOf: errorFile), as: UTF8.self),
            timedOut: timedOut)
    }

    /// Writing to a pipe whose reader has gone must fail with an error, not end the test run.
    private static let ignoreBrokenPipes: Void = { signal(SIGPIPE, SIG_IGN) }()
}

/// A temporary HOME, with the XDG folders and the database inside it, for runs of the built
/// `infoview`; several runs in one sandbox share the database.
struct Sandbox {
    let home: URL

    init() throws {
        home = try BuiltProgram.temporaryFolder()
    }

    var database: String { home.appendingPathComponent("test.sqlite").path }
    var stateFolder: String { home.appendingPathComponent("state").path }

    func remove() {
        try? FileManager.default.removeItem(at: home)
    }

    /// Runs `infoview --db DATABASE ARGUMENTS` with `input` piped in; it is killed after `timeout`.
    func run(
        _ input: [UInt8], arguments: [String] = [], environment extra: [String: String] = [:], timeout: Double = 60
    ) throws -> ProgramRun {
        var environment = [
            "HOME": home.path,
            "XDG_DATA_HOME": home.appendingPathComponent("data").path,
            "XDG_STATE_HOME": stateFolder,
            "TERM": "xterm-256color",
            "PATH": "/usr/bin:/bin",
        ]
        environment.merge(extra) { $1 }
        let run = try BuiltProgram.run(
            try BuiltProgram.infoview(), ["--db", database] + arguments, environment: environment, input: Data(input),
            timeout: timeout)
        #expect(!run.timedOut, "infoview did not end within \(timeout) seconds")
        #expect(!FileManager.default.fileExists(atPath: stateFolder), "a piped session wrote a history")
        return run
    }
}

/// A test could not run its program.
struct ProgramError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
