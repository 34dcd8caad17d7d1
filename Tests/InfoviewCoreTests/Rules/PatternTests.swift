import Testing
@testable import InfoviewCore

/// A one-rule book whose rule fires on `pattern`, plus some concepts.
private func fires(_ pattern: String, on text: String, channel: Channel = .spoken, context: String? = nil) throws -> Bool {
    let source = """
        concept team
          is: team
          is: department
          is: (crew | staff)

        concept your-team
          is: your [*2] ~team

        rule r
          severity: pitch
          when: \(pattern)
          why: because
        """
    var coach = Coach(book: try RuleBook.compile([(name: "t.rules", text: source)]))
    return !coach.check(text, context: context, channel: channel).isEmpty
}

@Test(arguments: [
    ("hire me", "Could you hire me?", true),
    ("hire me", "Could you hire someone?", false),
    ("(hire | take) me", "take me along", true),
    ("refer [me] now", "refer now", true),
    ("refer [me] now", "refer me now", true),
    ("send * resume", "send you my resume", true),
    ("send *1 resume", "send you my resume", false),
    ("~your-team", "is your product department hiring", true),
    ("~your-team", "is the department hiring", false),
    ("^ are you hiring", "So, are you hiring?", true),
    ("^ are you hiring", "I wonder are you hiring", false),
    ("hiring $", "are you hiring, by any chance", true),
    ("hiring $", "are you hiring interns", false),
    ("growing / i would love", "Is it growing? I'd love to join.", true),
    ("growing ? i would love", "It is growing. I'd love to join.", false),
    ("growing * i would love", "Is it growing? I'd love to join.", false),
    ("hire & me", "me, would you ever hire", true),
    ("hire & me", "hire them. Not me.", false),
    ("~your-team & (join | hire)", "would your crew ever hire", true),
])
func construct(pattern: String, text: String, expected: Bool) throws {
    #expect(try fires(pattern, on: text) == expected)
}

@Test("a pattern word is normalised like input: I'm matches Im")
func normalisedPatternWords() throws {
    let source = "replace i am\n  from: im\n\nrule r\n  severity: tip\n  when: i'm available\n  why: w"
    var coach = Coach(book: try RuleBook.compile([(name: "t.rules", text: source)]))
    #expect(coach.check("im available", channel: .spoken).count == 1)
    #expect(coach.check("I am available", channel: .spoken).count == 1)
}

@Test("wildcards capture the words they took, for the rewrite")
func captures() throws {
    let source = "rule r\n  severity: tip\n  when: coffee with *\n  why: w\n  instead: Ask {1} about their path."
    var coach = Coach(book: try RuleBook.compile([(name: "t.rules", text: source)]))
    #expect(coach.check("my coffee with Sam Lee", channel: .spoken).first?.instead == "Ask Sam Lee about their path.")
}

@Test(arguments: [
    ("hire (me", "t.rules:3: bad pattern: '(' is never closed with ')'"),
    ("hire me)", "t.rules:3: bad pattern: ')' without its opening bracket"),
    ("hire *99", "t.rules:3: bad pattern: '*99': a wildcard is * or *N with N from 1 to 40"),
    ("~nowhere", "t.rules:3: no concept named '~nowhere' (define it with a 'concept nowhere' block)"),
    ("(you)? hire", "t.rules:3: bad pattern: '?' after a bracket: write [words] for optional words ('?' matches a question mark)"),
    ("hire []", "t.rules:3: bad pattern: empty '[]'"),
    ("hire & ", "t.rules:3: bad pattern: '&' needs a pattern on each side"),
    ("hire (me & you)", "t.rules:3: bad pattern: '&' joins whole patterns: it cannot stand inside brackets"),
    ("hire *4x", "t.rules:3: bad pattern: '*4x': a wildcard is * or *N with N from 1 to 40"),
    ("hire (me | )", "t.rules:3: bad pattern: a choice with nothing on one side of '|' (each side needs words; write [words] for optional ones)"),
    ("hire [me | !]", "t.rules:3: bad pattern: a choice with nothing on one side of '|' (each side needs words; write [words] for optional ones)"),
    ("your company 's mission", "t.rules:3: bad pattern: ''s' stands apart from its word: write it joined, as it is typed (company's, don't)"),
    ("| hire me", "t.rules:3: bad pattern: a choice with nothing on one side of '|' (each side needs words; write [words] for optional ones)"),
])
func patternError(pattern: String, message: String) {
    let source = "rule r\n  severity: pitch\n  when: \(pattern)\n  why: w"
    #expect(throws: PromptError.self) { try RuleBook.compile([(name: "t.rules", text: source)]) }
    do {
        _ = try RuleBook.compile([(name: "t.rules", text: source)])
    } catch {
        #expect(error.description == message)
    }
}

@Test("a concept that refers to itself is an error at its line")
func conceptCycle() {
    let source = "concept a\n  is: x ~b\n\nconcept b\n  is: ~a\n\nrule r\n  severity: tip\n  when: ~a\n  why: w"
    #expect(throws: PromptError.self) { try RuleBook.compile([(name: "c.rules", text: source)]) }
}

@Test("no input makes matching run long: the step budget ends it")
func stepBudget() throws {
    let long = Array(repeating: "a", count: 200_000).joined(separator: " ")
    #expect(try fires("* * * * b", on: long) == false)
}

@Test("a pattern of plain words, read without the general parser, gives what the general parser gives")
func plainWordsReadAsTheParserReadsThem() throws {
    var files: [RuleFile] = []
    for file in PromptFiles.builtIn.files where file.path.hasSuffix(".rules") {
        files.append(try RuleParser.parse(file.text, file: file.displayName))
    }
    let (normaliser, _) = try RuleBook.normaliser(for: files)
    let parser = PatternParser(normaliser: normaliser)
    let location = SourceLocation(file: "t.rules", line: 1)
    var compared = 0
    for file in files {
        for source in file.concepts.flatMap(\.entries) + file.rules.flatMap(\.when) {
            let text = source.text
            guard text.utf8.allSatisfy({ (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x20 }) else { continue }
            // A trailing space keeps the text out of the fast path without changing what it says.
            #expect(try parser.parse(text, at: location) == parser.parse(text + " ", at: location), "\(text)")
            compared += 1
        }
    }
    #expect(compared > 500)
}
