import Foundation
import Testing

/// The built `infoview` with its standard input on a pipe: plain lines in, plain text out.
@Suite("infoview through a pipe")
struct PipedSessionTests {
    /// Runs `infoview` in a sandbox: HOME and the XDG folders in a temporary folder.
    func run(_ input: [UInt8], arguments: [String] = [], environment extra: [String: String] = [:]) throws -> ProgramRun {
        let home = try BuiltProgram.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: home) }
        var environment = [
            "HOME": home.path,
            "XDG_DATA_HOME": home.appendingPathComponent("data").path,
            "XDG_STATE_HOME": home.appendingPathComponent("state").path,
            "TERM": "xterm-256color",
            "PATH": "/usr/bin:/bin",
        ]
        environment.merge(extra) { $1 }
        let run = try BuiltProgram.run(
            try BuiltProgram.infoview(), ["--db", home.appendingPathComponent("test.sqlite").path] + arguments,
            environment: environment, input: Data(input), timeout: 60)
        #expect(!run.timedOut, "infoview did not end within 60 seconds")
        let state = home.appendingPathComponent("state").path
        #expect(!FileManager.default.fileExists(atPath: state), "a piped session wrote a history")
        return run
    }

    @Test("a scripted session prints only the replies: no prompt, no echo, no colour")
    func session() throws {
        let run = try run(Array("hello\n/help\n/quit\nnot read\n".utf8))
        #expect(run.status == 0)
        #expect(run.errors == "")
        #expect(
            run.output == """
                Welcome to infoview. Type /help for the commands.
                You said: hello
                Commands:
                  /help   list the commands
                  /quit   leave infoview
                Goodbye.

                """)
    }

    @Test("the end of the input leaves cleanly")
    func endOfInput() throws {
        let run = try run(Array("no newline at the end".utf8))
        #expect(run.status == 0)
        #expect(run.output == "Welcome to infoview. Type /help for the commands.\nYou said: no newline at the end\nGoodbye.\n")
    }

    @Test("escape sequences and controls from the input are shown, never obeyed")
    func escapes() throws {
        let run = try run(Array("\u{1B}]0;pwned\u{7}\n\u{1B}[2J\u{9B}1m\u{202E}abc\r\n".utf8) + [0x00, 0x0A])
        #expect(run.status == 0)
        let lines = run.output.split(separator: "\n").dropFirst().prefix(3)
        #expect(Array(lines) == ["You said: ^[]0;pwned^G", "You said: ^[[2J<U+009B>1m<U+202E>abc", "You said: ^@"])
        #expect(!run.output.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }

    @Test("invalid UTF-8 is replaced, not fatal")
    func invalidUTF8() throws {
        let run = try run([0x62, 0x61, 0x64, 0x20, 0xFF, 0xFE, 0xC0, 0x0A])
        #expect(run.status == 0)
        #expect(run.output.contains("You said: bad \u{FFFD}\u{FFFD}\u{FFFD}\n"))
    }

    @Test("a line of several megabytes is answered whole")
    func hugeLine() throws {
        let run = try run([UInt8](repeating: 0x61, count: 3_000_000) + Array("\n/quit\n".utf8))
        #expect(run.status == 0)
        let lines = run.output.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines.dropFirst().first?.utf8.count == "You said: ".utf8.count + 3_000_000)
    }

    @Test("NO_COLOR unset and a colour TERM still give no colour through a pipe")
    func noColourThroughPipe() throws {
        let run = try run(Array("/help\n".utf8), environment: ["TERM": "xterm-256color"])
        #expect(!run.output.contains("\u{1B}"))
    }

    @Test("--version prints the version")
    func version() throws {
        let run = try run([], arguments: ["--version"])
        #expect(run.status == 0)
        #expect(run.output == "0.1.0\n")
    }

    @Test("an unreadable --prompts folder is an error naming it, exit 1")
    func badPromptsFolder() throws {
        let run = try run([], arguments: ["--prompts", "/nonexistent/prompts"])
        #expect(run.status == 1)
        #expect(run.errors.contains("/nonexistent/prompts"))
    }
}
