import Testing
@testable import InfoviewCore

@Suite("rules compiled with their patterns parsed on several threads")
struct ParallelCompileTests {
    static var shippedRules: [(name: String, text: String)] {
        PromptFiles.builtIn.files.filter { $0.path.hasSuffix(".rules") }.map { (name: $0.displayName, text: $0.text) }
    }

    @Test("the shipped rules compile to the same programs and give the same findings")
    func sameBook() throws {
        let alone = try RuleBook.compile(Self.shippedRules, workers: 1)
        let shared = try RuleBook.compile(Self.shippedRules, workers: 4)
        #expect(alone.programs.count == shared.programs.count)
        #expect(alone.programs.map(\.code) == shared.programs.map(\.code))
        #expect(alone.normaliser.vocabulary.count == shared.normaliser.vocabulary.count)
        var first = Coach(book: alone)
        var second = Coach(book: shared)
        for text in ["Are you hiring?", "Could you refer me to your manager?", "What does a typical day look like?"] {
            #expect(first.check(text, channel: .question) == second.check(text, channel: .question))
        }
    }

    @Test("every pattern the compiler asks for was parsed ahead, in the order it asks", arguments: [2, 3, 8])
    func parsedAheadInOrder(workers: Int) throws {
        var files: [RuleFile] = []
        for file in Self.shippedRules { files.append(try RuleParser.parse(file.text, file: file.name)) }
        let (normaliser, vocabulary) = try RuleBook.normaliser(for: files)
        let ahead = ParsedPatterns(files, parser: PatternParser(normaliser: normaliser), workers: workers)
        let book = try RuleBook.compile(files, normaliser: normaliser, vocabulary: vocabulary, ahead: ahead)
        #expect(ahead.count > 1000)
        #expect(ahead.servedAhead == ahead.count)
        let alone = try RuleBook.compile(files, workers: 1)
        #expect(book.programs.map(\.code) == alone.programs.map(\.code))
    }

    @Test("files read on several cores: the mistake told is the first in file order")
    func firstFileMistake() {
        let good = "rule fine\n  severity: tip\n  when: hello there\n  why: x\n"
        let files = [
            (name: "a.rules", text: good),
            (name: "b.rules", text: "rule b\n  severity: tip\n  wehn: typo\n  why: x\n"),
            (name: "c.rules", text: "rule c\n  severity: tip\n  when: (never closed\n  why: x\n"),
        ]
        let alone = #expect(throws: PromptError.self) { try RuleBook.compile(files, workers: 1) }
        let shared = #expect(throws: PromptError.self) { try RuleBook.compile(files, workers: 4) }
        #expect(alone?.description.hasPrefix("b.rules:3:") == true)
        #expect(alone?.description == shared?.description)
    }

    @Test("the first mistake in file order is the one reported, whether it is found parsing or compiling")
    func sameMistake() {
        // A rule naming an unknown concept (found while compiling) comes before a pattern that
        // does not parse: compiled one by one, the unknown concept stops it first.
        var rules = ""
        for index in 0..<200 { rules += "rule filler-\(index)\n  severity: tip\n  when: word\(index) here\n  why: filler\n\n" }
        rules += "rule unknown\n  severity: tip\n  when: ~nowhere to be found\n  why: x\n\n"
        rules += "rule unclosed\n  severity: tip\n  when: (never closed\n  why: x\n"
        let files = [(name: "m.rules", text: rules)]
        let alone = #expect(throws: PromptError.self) { try RuleBook.compile(files, workers: 1) }
        let shared = #expect(throws: PromptError.self) { try RuleBook.compile(files, workers: 4) }
        #expect(alone != nil && alone?.description == shared?.description)
        #expect(alone?.description.contains("nowhere") == true)
    }
}
