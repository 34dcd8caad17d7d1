import InfoviewCore
import Testing

@testable import InfoviewCLI

/// A reader that replays events and records the prompts and completions it was given.
struct ScriptedReader: LineReader {
    var events: [LineEvent]
    var prompts: [String] = []
    var completionsSeen: [[String]] = []

    mutating func readLine(prompt: String) -> LineEvent {
        prompts.append(prompt)
        return events.isEmpty ? .end : events.removeFirst()
    }

    mutating func readLine(prompt: String, completions: (String, String) -> [String]) -> LineEvent {
        completionsSeen.append(completions("/h", "/h"))
        return readLine(prompt: prompt)
    }
}

/// A host that records every call.
struct RecordingHost: ReplHost {
    var calls: [String] = []
    var isFinished = false
    var prompt: String { "step \(calls.count)> " }

    mutating func greeting() -> Reply {
        calls.append("greeting")
        return Reply(plain: ["hello"])
    }

    mutating func handle(_ line: String) -> Reply {
        calls.append("handle \(line)")
        if line == "/quit" { isFinished = true }
        return Reply(plain: ["got \(line)"])
    }

    mutating func interrupt() -> Reply {
        calls.append("interrupt")
        return Reply(plain: ["cancelled"])
    }

    mutating func endOfInput() -> Reply {
        calls.append("end")
        return Reply(plain: ["bye"])
    }

    func completions(for text: String, in line: String) -> [String] {
        ["\(text)elp", "calls: \(calls.count)"]
    }

    /// The last call before each `firstReplyShown`.
    var shownAfter: [String] = []

    mutating func firstReplyShown() {
        shownAfter.append(calls.last ?? "")
    }
}

@Suite("Repl")
struct ReplTests {
    func run(_ events: [LineEvent]) -> (host: RecordingHost, reader: ScriptedReader, output: String) {
        var host = RecordingHost()
        var reader = ScriptedReader(events: events)
        let output = RecordedOutput()
        Repl.run(host: &host, reader: &reader, console: Console(usesColour: false, width: nil, output: output))
        #expect(output.flushed == output.text, "everything written is flushed")
        return (host, reader, output.text)
    }

    @Test("each event goes to the host, and the end says goodbye")
    func events() {
        let (host, _, output) = run([.line("a"), .interrupted(hadText: true), .interrupted(hadText: false), .line("b"), .end])
        #expect(host.calls == ["greeting", "handle a", "interrupt", "handle b", "end"])
        #expect(host.shownAfter == ["greeting"], "once, after the greeting and before the first read")
        #expect(output == "hello\ngot a\ncancelled\ngot b\nbye\n")
    }

    @Test("the loop stops when the host has finished, without reading again")
    func finishes() {
        let (host, reader, _) = run([.line("/quit"), .line("never")])
        #expect(host.calls == ["greeting", "handle /quit"])
        #expect(reader.events == [.line("never")])
    }

    @Test("the prompt is asked of the host before each read, and completions reach the host")
    func promptsAndCompletions() {
        let (_, reader, _) = run([.line("a"), .end])
        #expect(reader.prompts == ["step 1> ", "step 2> "])
        #expect(reader.completionsSeen == [["/help", "calls: 1"], ["/help", "calls: 2"]])
    }

    @Test("the end of input right away still greets and says goodbye")
    func immediateEnd() {
        let (host, _, output) = run([])
        #expect(host.calls == ["greeting", "end"])
        #expect(output == "hello\nbye\n")
    }
}
