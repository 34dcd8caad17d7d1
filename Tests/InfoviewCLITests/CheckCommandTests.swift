import Foundation
import Testing

@Suite("infoview check")
struct CheckCommandTests {
    func check(_ arguments: [String], input: String = "") throws -> ProgramRun {
        let folder = try BuiltProgram.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let environment = ["PATH": "/usr/bin:/bin", "HOME": folder.path, "XDG_DATA_HOME": folder.path, "XDG_STATE_HOME": folder.path]
        return try BuiltProgram.run(
            try BuiltProgram.infoview(), ["check"] + arguments, environment: environment, input: Data(input.utf8), timeout: 60)
    }

    @Test("a pitch gives a diagnostic with the rewrite and exit status 1")
    func pitch() throws {
        let run = try check(["--channel", "spoken"], input: "Could you refer me to your recruiter?\n")
        #expect(run.status == 1)
        let lines = run.output.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("<stdin>:1:") == true)
        #expect(lines.first?.contains(": pitch: ") == true)
        #expect(lines.first?.hasSuffix("]") == true)
        #expect(lines.contains { $0.hasPrefix("    instead: ") })
    }

    @Test("nothing to flag: no output, exit status 0")
    func clean() throws {
        let run = try check([], input: "How did you get into this work?\n")
        #expect(run.status == 0)
        #expect(run.output.isEmpty)
    }

    @Test("a missing file is named, exit status 2")
    func missingFile() throws {
        let run = try check(["/no/such/file.txt"])
        #expect(run.status == 2)
        #expect(run.errors.contains("/no/such/file.txt: no such file"))
    }

    @Test("an unknown channel is a usage error, exit status 2")
    func badChannel() throws {
        let run = try check(["--channel", "fax"], input: "hello\n")
        #expect(run.status == 2)
        #expect(run.errors.contains("unknown channel 'fax'"))
    }

    @Test("--jsonl answers each line in order, bad lines included")
    func jsonLines() throws {
        let input = #"{"id":"a","text":"Are you hiring?"}"# + "\n" + "garbage\n" + #"{"id":2,"text":"What surprised you most?","channel":"question"}"# + "\n"
        let run = try check(["--jsonl"], input: input)
        #expect(run.status == 1)
        let lines = run.output.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix(#"{"id":"a","flagged":true,"#))
        #expect(lines[1].contains(#""error":"#))
        #expect(lines[2].hasPrefix(#"{"id":2,"flagged":false,"#))
    }

    @Test("--jsonl keeps input order when a block of many lines is shared between cores")
    func manyLinesInOrder() throws {
        let texts = ["Are you hiring?", "What surprised you most in your first year?", "Could you refer me?"]
        let input = (0..<600).map { #"{"id":\#($0),"text":"\#(texts[$0 % 3])"}"# + "\n" }.joined()
        let run = try check(["--jsonl"], input: input)
        let lines = run.output.split(separator: "\n").map(String.init)
        #expect(lines.count == 600)
        for (index, line) in lines.enumerated() {
            #expect(line.hasPrefix(#"{"id":\#(index),"flagged":\#(index % 3 != 1),"#))
        }
    }

    @Test("--format json prints one document")
    func json() throws {
        let run = try check(["--format", "json", "--channel", "email"], input: "Attached is my CV.\n")
        #expect(run.status == 1)
        #expect(run.output.hasPrefix(#"{"flagged":true,"files":[{"file":"<stdin>","channel":"email","#))
    }

    @Test("NUL, escapes, invalid UTF-8 and a 5 MB line: no crash, nothing raw on the terminal")
    func hostileInput() throws {
        var input = "are you hiring \u{1B}]0;pwned\u{07} \u{0} \u{202E}\n"
        input += String(repeating: "word ", count: 1_000_000) + "hire me\n"
        let run = try check(["--channel", "spoken"], input: input)
        #expect(run.status == 1)
        #expect(!run.output.contains("\u{1B}"))
        #expect(!run.output.contains("\u{202E}"))
        #expect(run.output.contains("<stdin>:2:5000001: pitch: "))
    }
}
