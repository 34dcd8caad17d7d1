import InfoviewCore
import Synchronization
import Testing

@testable import InfoviewCLI

/// Collects what a console writes.
final class RecordedOutput: ConsoleOutput {
    private let state = Mutex((text: "", flushed: ""))

    func write(_ text: String) {
        state.withLock { $0.text += text }
    }

    func flush() {
        state.withLock { $0.flushed = $0.text }
    }

    /// Everything written.
    var text: String { state.withLock { $0.text } }
    /// Everything written before the last flush.
    var flushed: String { state.withLock { $0.flushed } }
}

@Suite("Console")
struct ConsoleTests {
    @Test(
        "colour only on a terminal, without NO_COLOR, and not on a dumb one",
        arguments: [
            (true, ["TERM": "xterm-256color"], true),
            (true, ["TERM": "xterm", "NO_COLOR": ""], true),
            (true, ["TERM": "xterm", "NO_COLOR": "1"], false),
            (true, ["TERM": "xterm", "NO_COLOR": "no"], false),
            (true, ["TERM": "dumb"], false),
            (true, [:], false),
            (false, ["TERM": "xterm-256color"], false),
        ])
    func colourDecision(isTerminal: Bool, environment: [String: String], expected: Bool) {
        #expect(Console.usesColour(isTerminal: isTerminal, environment: environment) == expected)
    }

    @Test(
        "pictures in blocks only on a terminal whose locale is UTF-8 (LC_ALL, else LC_CTYPE, else LANG), never on a dumb one",
        arguments: [
            (true, ["TERM": "xterm", "LANG": "en_GB.UTF-8"], Drawing.blocks),
            (true, ["TERM": "xterm", "LC_CTYPE": "C.utf8"], .blocks),
            (true, ["TERM": "xterm", "LC_ALL": "de_DE.UTF-8", "LANG": "C"], .blocks),
            (true, ["TERM": "xterm", "LC_ALL": "C", "LANG": "en_US.UTF-8"], .plain),
            (true, ["TERM": "xterm", "LC_ALL": "", "LC_CTYPE": "en_US.ISO-8859-1", "LANG": "en_US.UTF-8"], .plain),
            (true, ["TERM": "xterm", "LANG": "C"], .plain),
            (true, ["TERM": "xterm"], .plain),
            (true, ["TERM": "dumb", "LANG": "en_US.UTF-8"], .plain),
            (true, ["LANG": "en_US.UTF-8"], .plain),
            (false, ["TERM": "xterm", "LANG": "en_US.UTF-8"], .plain),
        ])
    func drawingDecision(isTerminal: Bool, environment: [String: String], expected: Drawing) {
        #expect(Console.drawing(isTerminal: isTerminal, environment: environment) == expected)
    }

    @Test("without colour or width, lines come out as written, sanitised")
    func plainRendering() {
        let console = Console(usesColour: false, width: nil, output: RecordedOutput())
        var reply = Reply([Reply.Line("Heading", style: .heading)])
        reply.add("You said: \u{1B}]0;pwned\u{7}")
        reply.add(String(repeating: "long ", count: 40))
        #expect(
            console.render(reply)
                == "Heading\nYou said: ^[]0;pwned^G\n" + String(repeating: "long ", count: 40) + "\n")
    }

    @Test("with colour, each styled row is wrapped in its SGR code and a reset")
    func colouredRendering() {
        let console = Console(usesColour: true, width: { 12 }, output: RecordedOutput())
        var reply = Reply([Reply.Line("Pitch flagged here", style: .pitch)])
        reply.add("plain")
        reply.add("tip", style: .tip)
        #expect(
            console.render(reply)
                == "\u{1B}[1;31mPitch\u{1B}[0m\n\u{1B}[1;31mflagged here\u{1B}[0m\nplain\n\u{1B}[36mtip\u{1B}[0m\n")
    }

    @Test("every style has a distinct colour, plain has none")
    func styles() {
        let styles: [Reply.Style] = [.heading, .dim, .success, .pitch, .caution, .tip]
        let codes = styles.compactMap(Console.colourCode(for:))
        #expect(codes.count == styles.count)
        #expect(Set(codes).count == codes.count)
        #expect(Console.colourCode(for: .plain) == nil)
    }

    @Test("a line holding newlines becomes several lines; CRLF counts as one break")
    func embeddedNewlines() {
        let console = Console(usesColour: false, width: nil, output: RecordedOutput())
        #expect(console.render(Reply(plain: ["one\ntwo\r\nthree\r"])) == "one\ntwo\nthree^M\n")
        #expect(console.render(Reply(plain: ["", "after a blank"])) == "\nafter a blank\n")
    }

    @Test("the width is asked for each reply, so a resize takes effect")
    func widthIsLive() {
        let width = Mutex(10)
        let console = Console(usesColour: false, width: { width.withLock { $0 } }, output: RecordedOutput())
        let reply = Reply(plain: ["alpha beta gamma"])
        #expect(console.render(reply) == "alpha beta\ngamma\n")
        width.withLock { $0 = 40 }
        #expect(console.render(reply) == "alpha beta gamma\n")
    }

    @Test("show writes, flush sends, an empty reply writes nothing")
    func showAndFlush() {
        let output = RecordedOutput()
        let console = Console(usesColour: false, width: nil, output: output)
        console.show(Reply())
        #expect(output.text == "")
        console.show(Reply(plain: ["hello"]))
        #expect(output.flushed == "")
        console.flush()
        #expect(output.flushed == "hello\n")
    }
}
