import Testing
@testable import InfoviewCore

private func words(_ text: String) throws -> [String] {
    let book = try RuleBook.compile([(name: "w.rules", text: "replace resume\n  from: cv\n\nreplace your\n  from: ur\n\nreplace internship\n  from: intern ship")])
    return book.normaliser.words(of: text)
}

@Test(arguments: [
    ("I'm free", ["i", "am", "free"]),
    ("can't won't don't", ["can", "not", "will", "not", "do", "not"]),
    ("you’d love it", ["you", "would", "love", "it"]),
    ("Résumé and CV", ["resume", "and", "resume"]),
    ("ur dept", ["your", "dept"]),
    ("an intern ship", ["an", "internship"]),
    ("part-time role", ["part", "time", "role"]),
    ("Sam's team", ["sam", "'s", "team"]),
    ("c.v. attached", ["resume", "attached"]),
    ("at 3.30 today", ["at", "3.30", "today"]),
])
func normalisation(text: String, expected: [String]) throws {
    #expect(try words(text) == expected)
}

@Test("offsets point into the original text, in Unicode scalars")
func offsets() throws {
    let book = try RuleBook.compile([(name: "w.rules", text: "replace resume\n  from: cv")])
    let text = "Née — my CV?"
    let tokens = book.normaliser.tokens(of: text)
    let scalars = Array(text.unicodeScalars)
    let spans = tokens.map { String(String.UnicodeScalarView(scalars[Int($0.start)..<Int($0.end)])) }
    #expect(spans == ["Née", "my", "CV", "?"])
    #expect(tokens.last?.id == Token.questionBreak)
}

@Test("sentences end at . ! ? ; and line breaks, not after Mr. or inside numbers")
func sentenceBreaks() {
    let pieces = Tokenizer.scan("Dear Mr. Liu,\nThanks! Is 3.5 ok? Yes; fine").pieces
    let breaks = pieces.filter { if case .sentenceBreak = $0 { return true } else { return false } }
    #expect(breaks.count == 4)
}

@Test("commas and dashes start a clause")
func clauses() throws {
    let book = try RuleBook.compile([(name: "t.rules", text: "rule r\n  severity: tip\n  when: ^ think of me\n  why: w")])
    var coach = Coach(book: book)
    #expect(coach.check("If anything comes up, think of me.", channel: .spoken).count == 1)
    #expect(coach.check("If anything comes up - think of me.", channel: .spoken).count == 1)
    #expect(coach.check("Please think of me.", channel: .spoken).isEmpty)
}
