import Testing

@testable import InfoviewCLI

/// `check`'s own reading of its arguments must agree with swift-argument-parser wherever it
/// answers, and leave everything else (help, mistakes, unusual spellings) to it.
@Suite("check's arguments")
struct CheckRunTests {
    @Test(
        "the usual forms are read exactly as the argument parser reads them",
        arguments: [
            ["--jsonl"],
            ["--jsonl", "--explain"],
            ["--channel", "email", "letter.txt"],
            ["--channel=note", "-"],
            ["--format", "json", "a.txt", "b.txt"],
            ["--format=text", "--explain", "a.txt"],
            ["--context", "We have an opening", "--channel", "spoken"],
            ["--db", "/tmp/x.sqlite", "--prompts", "/tmp/prompts", "--jsonl"],
            ["--context=a=b", "notes.txt"],
            [],
        ])
    func agrees(arguments: [String]) throws {
        let run = try #require(CheckRun.parse(arguments))
        let parsed = try CheckCommand.parse(arguments)
        #expect(run.channel == parsed.channel)
        #expect(run.format == parsed.format)
        #expect(run.jsonl == parsed.jsonl)
        #expect(run.explain == parsed.explain)
        #expect(run.context == parsed.context)
        #expect(run.files == parsed.files)
        #expect(run.locations.db == parsed.options.db)
        #expect(run.locations.prompts == parsed.options.prompts)
    }

    @Test(
        "help, mistakes and unusual spellings are left to the argument parser",
        arguments: [
            ["--help"],
            ["-h"],
            ["--format", "xml"],
            ["--channel"],
            ["--channel", "--jsonl"],
            ["--jsonl=yes"],
            ["--channel", "email", "--channel", "note"],
            ["--chanel", "email"],
            ["-x"],
            ["--", "-file"],
        ])
    func leftToTheParser(arguments: [String]) {
        #expect(CheckRun.parse(arguments) == nil)
    }
}
