import Foundation
import Testing

@testable import InfoviewCore

/// What infoview says, from the prompts it is built with: the tests wait for a step's question
/// or a message without depending on which variant was picked.
enum PromptTexts {
    static let library = Result { try PromptLibrary.load(.builtIn) }

    /// Every question the prepare flow's `step` may ask, for the interview with `name`.
    static func asks(_ step: String, name: String = "") throws -> [String] {
        let step = try #require(try library.get().flows["prepare"]?.step(named: step), "no step \(step) in prepare.flow")
        return step.asks.map { $0.render(["name": name]) }
    }

    /// Every text a message may say.
    static func variants(_ message: String, _ values: [String: String] = [:]) throws -> [String] {
        let found = try #require(try library.get().messages.messages[message], "no message \(message)")
        return (found.variants.isEmpty ? found.lines : found.variants).map { $0.render(values) }
    }

    /// The text of a message that has no variants.
    static func text(_ message: String, _ values: [String: String] = [:]) throws -> String {
        let all = try variants(message, values)
        try #require(all.count == 1, "message \(message) has \(all.count) variants")
        return all[0]
    }

    /// How the prepare flow says what the user is doing, such as "preparing the interview with Sam".
    static func doing(_ name: String) throws -> String {
        try #require(try library.get().flows["prepare"]).doing.render(["name": name])
    }

    /// A saved answer as listed under a step's label.
    static func answer(_ step: String, _ value: String) throws -> String {
        let label = try #require(try library.get().flows["prepare"]?.step(named: step)?.label)
        return try text("answer-line", ["label": label, "value": value])
    }
}

/// The built `infoview` with its standard input on a pipe: plain lines in, plain text out.
@Suite("infoview through a pipe")
struct PipedSessionTests {
    @Test("a scripted session prints only the replies: no prompt, no echo, no colour")
    func session() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let run = try sandbox.run(Array("/help\n/quit\nnot read\n".utf8), arguments: ["--seed", "1"])
        #expect(run.status == 0)
        #expect(run.errors == "")
        #expect(
            run.output == """
                Hi there! I'm infoview, here to help you prepare, hold and debrief informational interviews: \
                conversations to learn about a career, never to ask for a job.
                You have no interviews yet.
                Goal: at least 5 informational interviews, up to 15. Done so far: 0 of 5.
                Ready when you are: type /prepare, or tell me who you're meeting.
                What you can type:
                /help             show this list
                /prepare [NAME]   get ready for a conversation: who, what to learn, your questions, the time, the email
                /debrief [NAME]   after the meeting: what you learned, the gaps, who else to meet, what to do next
                /list             your interviews and where each one is
                /report           across your interviews: progress, what insiders agree on, the gaps, who led to whom
                /done [N]         mark follow-up N done (a thank-you sent, an assignment finished); alone, list them
                /show NAME        everything saved about one interview
                /resume [NAME]    carry on where you stopped
                /check TEXT       what the coach says about something you plan to say or write
                /why [RULE]       which rule flagged what, and why (or what a rule is for)
                /mute [RULE]      silence a coach rule you disagree with (or list the muted ones)
                /unmute RULE      let a muted rule speak again
                /quit             leave (everything is already saved)
                /rehearse [NAME]  practise the conversation with a scripted insider (add "with maya" to pick one)
                /live [NAME]      a quiet checklist for the real meeting: next question, one-line notes, the time
                /scorecards NAME  every rehearsal's scorecard, to see your progress
                While answering a question:
                /back             go back to the previous question (or type back)
                /skip             leave this question out, or keep your earlier answer (or type skip)
                /stop             stop here; /resume picks up later (or type stop)
                While rehearsing or in the meeting:
                /retry            take back a flagged line and say it again
                /next             ask the next question on your list (live: move on without a note)
                Or write in your own words, like "help me get ready for my coffee with Sam" or "how many have I done?".
                Bye! Everything is saved.

                """)
    }

    @Test("the same seed gives the same session")
    func seedReplays() throws {
        let sandboxes = [try Sandbox(), try Sandbox()]
        defer { sandboxes.forEach { $0.remove() } }
        let input = Array("hi\nwhat is this\nsomething else entirely\n/prepare Sam\nDesigner\n".utf8)
        let first = try sandboxes[0].run(input, arguments: ["--seed", "42"])
        let second = try sandboxes[1].run(input, arguments: ["--seed", "42"])
        #expect(first.status == 0)
        #expect(first.output == second.output)
        #expect(first.output.split(separator: "\n").count > 8)
    }

    @Test("a flow through a pipe: one question per answer, and no prompt or answer echoed")
    func flowWithoutEcho() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let run = try sandbox.run(Array("/prepare Sam\nProduct designer\nAcme Health\n".utf8))
        #expect(run.status == 0)
        let lines = run.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        try #require(lines.count >= 5)
        let tail = Array(lines.suffix(5))
        #expect(try PromptTexts.asks("role", name: "Sam").contains(tail[0]))
        #expect(try PromptTexts.asks("organisation", name: "Sam").contains(tail[1]))
        #expect(try PromptTexts.asks("connection", name: "Sam").contains(tail[2]))
        #expect(try tail[3] == PromptTexts.text("quit", ["doing": PromptTexts.doing("Sam")]))
        #expect(tail[4] == "", "the output does not end with a newline")
        for typed in ["/prepare Sam", "Product designer", "Acme Health", "prepare >"] {
            #expect(!run.output.contains(typed), "\(typed) was echoed")
        }
    }

    @Test("the end of the input without a newline takes the last line, saves it, and leaves with exit 0")
    func endOfInput() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let run = try sandbox.run(Array("/prepare Sam\nProduct designer".utf8))
        #expect(run.status == 0)
        #expect(run.errors == "")
        let lines = run.output.split(separator: "\n").map(String.init)
        try #require(lines.count >= 2)
        #expect(try PromptTexts.asks("organisation", name: "Sam").contains(lines[lines.count - 2]))
        #expect(try lines.last == PromptTexts.text("quit", ["doing": PromptTexts.doing("Sam")]))

        let next = try sandbox.run(Array("/show Sam\n".utf8))
        #expect(next.status == 0)
        #expect(try next.output.contains("\n" + PromptTexts.answer("role", "Product designer") + "\n"))
    }

    @Test("escape sequences and controls in the input are shown, never obeyed")
    func escapes() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let input =
            Array("/prepare\n\u{1B}]0;pwned\u{7} Sam\n\u{1B}[2J\u{9B}1m\u{202E}abc\r\n".utf8)
            + Array("Org".utf8) + [0x00] + Array("x\nskip\nyes\nstop\n/resume\nstop\n".utf8) + [0x00, 0x0A]
        let run = try sandbox.run(input)
        #expect(run.status == 0)
        let lines = run.output.split(separator: "\n").map(String.init)
        // The name loses its controls; the answers keep theirs, made visible.
        #expect(try lines.contains { try PromptTexts.asks("role", name: "]0;pwned Sam").contains($0) })
        #expect(try lines.contains(PromptTexts.answer("role", "^[[2J<U+009B>1m<U+202E>abc")))
        #expect(try lines.contains(PromptTexts.answer("organisation", "Org\u{2400}x")))
        #expect(!run.output.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) })
        #expect(!run.output.unicodeScalars.contains("\u{202E}"))
        #expect(run.output.hasSuffix(try PromptTexts.text("quit") + "\n"), "the session did not end cleanly after a line holding a NUL")
    }

    @Test("a NUL inside an answer survives being saved")
    func nulInSavedAnswer() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let run = try sandbox.run(Array("/prepare Sam\n".utf8) + Array("Org".utf8) + [0x00] + Array("x\n".utf8))
        #expect(run.status == 0)
        let shown = try sandbox.run(Array("/show Sam\n".utf8))
        let expected = try PromptTexts.answer("role", "Org\u{2400}x")
        #expect(shown.output.contains("Sam"))
        #expect(shown.output.contains(expected))
    }

    @Test("invalid UTF-8 is replaced, not fatal")
    func invalidUTF8() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let run = try sandbox.run([0xFF, 0x0A] + Array("/prepare bad ".utf8) + [0xFF, 0xFE, 0xC0, 0x0A])
        #expect(run.status == 0)
        let lines = run.output.split(separator: "\n").map(String.init)
        #expect(try lines.contains { try PromptTexts.asks("role", name: "bad \u{FFFD}\u{FFFD}\u{FFFD}").contains($0) })
        #expect(try lines.last == PromptTexts.text("quit", ["doing": PromptTexts.doing("bad \u{FFFD}\u{FFFD}\u{FFFD}")]))
    }

    @Test("lines of several megabytes are handled in bounded time and the session carries on")
    func hugeLines() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let size = 3_000_000
        func line(_ byte: Character) -> [UInt8] { [UInt8](repeating: byte.asciiValue!, count: size) + [0x0A] }
        let input =
            line("a") + Array("/prepare\n".utf8) + line("b") + Array("Sam\n".utf8) + line("c") + Array("/show Sam\n/quit\n".utf8)
        let run = try sandbox.run(input, timeout: 30)
        #expect(run.status == 0)
        let lines = run.output.split(separator: "\n").map(String.init)
        #expect(try lines.contains { try PromptTexts.variants("not-understood").contains($0) }, "the long line at home got no hint")
        #expect(try lines.contains { try PromptTexts.asks("name").contains($0) })
        #expect(try lines.contains(PromptTexts.text("name-too-long", ["max": String(InterviewName.maximumLength)])))
        #expect(try lines.contains { try PromptTexts.asks("role", name: "Sam").contains($0) })
        #expect(try lines.contains(PromptTexts.answer("role", String(repeating: "c", count: size))))
        #expect(lines.filter { $0.utf8.count > 1_000 }.count == 1, "a long line was echoed")
        #expect(try lines.last == PromptTexts.text("quit", ["doing": PromptTexts.doing("Sam")]))
    }

    @Test("NO_COLOR unset and a colour TERM still give no colour through a pipe")
    func noColourThroughPipe() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let run = try sandbox.run(Array("/help\n/prepare\n".utf8), environment: ["TERM": "xterm-256color"])
        #expect(try run.output.contains(PromptTexts.text("help-heading")))
        #expect(!run.output.contains("\u{1B}"))
    }

    @Test("--version prints the version")
    func version() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let run = try sandbox.run([], arguments: ["--version"])
        #expect(run.status == 0)
        #expect(run.output == "0.1.0\n")
    }

    @Test("an unreadable --prompts folder is an error naming it, exit 1")
    func badPromptsFolder() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let run = try sandbox.run([], arguments: ["--prompts", "/nonexistent/prompts"])
        #expect(run.status == 1)
        #expect(run.errors.contains("/nonexistent/prompts"))
    }
}
