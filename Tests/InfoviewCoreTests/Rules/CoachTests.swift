import Foundation
import Testing
@testable import InfoviewCore

/// The real prompts/ folder of this checkout.
enum Shipped {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static func library() throws -> PromptLibrary {
        try TestSupport.library()
    }
}

@Suite("which rule wins")
struct SpecificityTests {
    static let source = """
        rule general
          severity: pitch
          when: hire * me
          why: general

        rule literal
          severity: pitch
          when: hire me
          why: literal

        rule heavy
          severity: pitch
          weight: 2
          when: could * hire
          why: heavy

        rule first-of-equals
          severity: caution
          when: hire me
          why: first

        rule second-of-equals
          severity: caution
          when: hire me
          why: second
        """

    @Test("weight wins over literal words")
    func weightFirst() throws {
        var coach = Coach(book: try RuleBook.compile([(name: "s.rules", text: Self.source)]))
        let pitches = coach.check("could you hire me", channel: .spoken).filter { $0.severity == .pitch }
        #expect(pitches.map(\.rule) == ["heavy"])
    }

    @Test("more literal words win, then fewer wildcards")
    func literalThenWildcards() throws {
        var coach = Coach(book: try RuleBook.compile([(name: "s.rules", text: Self.source)]), muted: ["heavy"])
        #expect(coach.check("hire me", channel: .spoken).filter { $0.severity == .pitch }.map(\.rule) == ["literal"])
        #expect(Specificity(weight: 0, literalWords: 2, wildcards: 0, order: 5) > Specificity(weight: 0, literalWords: 2, wildcards: 1, order: 1))
    }

    @Test("between equals, the earlier rule wins")
    func order() throws {
        var coach = Coach(book: try RuleBook.compile([(name: "s.rules", text: Self.source)]))
        #expect(coach.check("hire me", channel: .spoken).filter { $0.severity == .caution }.map(\.rule) == ["first-of-equals"])
    }

    @Test("severities are resolved apart: a pitch and a caution on the same words both show")
    func severitiesApart() throws {
        var coach = Coach(book: try RuleBook.compile([(name: "s.rules", text: Self.source)]))
        #expect(Set(coach.check("hire me", channel: .spoken).map(\.severity)) == [.pitch, .caution])
    }
}

@Suite("conditions")
struct ConditionTests {
    static let source = """
        door role
          when: would you be interested

        rule ask
          severity: pitch
          when: what are the hours
          context: part time
          unless-context: volunteer
          allowed-after: role
          why: w

        rule note-only
          severity: pitch
          channel: note
          when: i asked whether they were hiring
          why: w

        rule long
          severity: caution
          longer-than: 5
          when: ^ what
          why: w
        """

    @Test("context:, unless-context: and doors")
    func context() throws {
        var coach = Coach(book: try RuleBook.compile([(name: "c.rules", text: Self.source)]))
        #expect(coach.check("what are the hours", context: "I work part time", channel: .spoken).count == 1)
        #expect(coach.check("what are the hours", context: nil, channel: .spoken).isEmpty)
        #expect(coach.check("what are the hours", context: "part time volunteer", channel: .spoken).isEmpty)
        #expect(coach.check("what are the hours", context: "A part time role - would you be interested?", channel: .spoken).isEmpty)
    }

    @Test("channel: limits a rule to its channels")
    func channel() throws {
        var coach = Coach(book: try RuleBook.compile([(name: "c.rules", text: Self.source)]))
        #expect(coach.check("I asked whether they were hiring.", channel: .note).count == 1)
        #expect(coach.check("I asked whether they were hiring.", channel: .spoken).isEmpty)
    }

    @Test("longer-than: counts the words of the sentence")
    func length() throws {
        var coach = Coach(book: try RuleBook.compile([(name: "c.rules", text: Self.source)]))
        #expect(coach.check("What is it like?", channel: .question).isEmpty)
        #expect(coach.check("What is it like to work on a team this large?", channel: .question).count == 1)
    }

    @Test("a muted rule never fires")
    func muted() throws {
        var coach = Coach(book: try RuleBook.compile([(name: "c.rules", text: Self.source)]), muted: ["note-only"])
        #expect(coach.check("I asked whether they were hiring.", channel: .note).isEmpty)
    }
}

@Suite("the shipped rules")
struct ShippedRuleTests {
    @Test("every rule, door and intent behaves as its examples say")
    func examples() throws {
        let problems = RuleVerifier.verify(try Shipped.library().rules)
        #expect(problems.map(\.description) == [])
    }

    @Test("a finding quotes the words as written and offers a rewrite")
    func finding() throws {
        var coach = try Shipped.library().coach()
        let findings = coach.check("Thanks so much! Are you guys hiring right now?", channel: .spoken)
        let pitch = try #require(findings.first { $0.severity == .pitch })
        #expect(pitch.quote.hasPrefix("Are you guys hiring"))
        #expect(pitch.start == 16)
        #expect(pitch.instead?.isEmpty == false)
        #expect(pitch.why.isEmpty == false)
    }

    @Test("following up on an opportunity the insider raised is not a pitch; asking for more is")
    func doors() throws {
        var coach = try Shipped.library().coach()
        let offer = "We have an opening on my team next month - would you be interested?"
        #expect(coach.check("Yes! Could you refer me for it?", context: offer, channel: .spoken).filter { $0.severity == .pitch }.isEmpty == false)
        #expect(coach.check("I'd love to join - what are the hours?", context: offer, channel: .spoken).filter { $0.severity == .pitch }.isEmpty)
        let intro = "Happy to connect you with our UX lead so you can ask about her research methods."
        #expect(coach.check("Could you tell her I'm looking for a job?", context: intro, channel: .spoken).contains { $0.severity == .pitch })
    }

    /// Precision and recall for `pitch` over a labeled JSON-lines corpus (LABELING.md's format).
    static func score(_ url: URL) throws -> (precision: Double, recall: Double, pitches: Int) {
        let text = try String(contentsOf: url, encoding: .utf8)
        var coach = try Shipped.library().coach()
        var truePositive = 0, falsePositive = 0, falseNegative = 0
        for line in text.split(separator: "\n") where !line.isEmpty {
            let item = try JSONValue.parse(Array(line.utf8))
            let channel = item["channel"]?.string.flatMap(Channel.init(rawValue:)) ?? .spoken
            let flagged = coach.check(item["text"]?.string ?? "", context: item["context"]?.string, channel: channel)
                .contains { $0.severity == .pitch }
            let pitch = item["label"]?.string == "pitch"
            if flagged && pitch { truePositive += 1 }
            if flagged && !pitch { falsePositive += 1 }
            if !flagged && pitch { falseNegative += 1 }
        }
        return (
            Double(truePositive) / Double(max(1, truePositive + falsePositive)),
            Double(truePositive) / Double(max(1, truePositive + falseNegative)), truePositive + falseNegative
        )
    }

    @Test("the dev corpus: precision and recall at least 0.95")
    func devCorpus() throws {
        let corpus = Shipped.root.deletingLastPathComponent().appendingPathComponent("shared/eval/pitch-dev.jsonl")
        let figures = try Self.score(corpus)
        #expect(figures.pitches > 50)
        #expect(figures.precision >= 0.95, "precision \(figures.precision)")
        #expect(figures.recall >= 0.95, "recall \(figures.recall)")
    }

    /// Further labeled sets written fresh for this project (Tests/InfoviewCoreTests/Corpus): a
    /// change to the rules may not lose what they catch or start flagging what they pass.
    @Test(arguments: ["extra-a", "extra-b", "extra-c", "extra-d", "extra-e", "extra-f", "extra-h", "extra-j", "extra-l"])
    func extraCorpus(name: String) throws {
        let corpus = Shipped.root.appendingPathComponent("Tests/InfoviewCoreTests/Corpus/\(name).jsonl")
        let figures = try Self.score(corpus)
        #expect(figures.pitches > 50)
        #expect(figures.precision >= 0.95, "precision \(figures.precision)")
        #expect(figures.recall >= 0.90, "recall \(figures.recall)")
    }
}

@Suite("whole-text lints")
struct LintTests {
    static let source = """
        concept hello
          is: (met | suggested)

        lint long
          severity: caution
          channel: email
          measure: words-over 5
          why: {words} words, over {limit}

        lint ask
          severity: caution
          channel: email
          measure: no-question
          why: no question

        lint opening
          severity: tip
          channel: email
          measure: missing-in-opening 1
          require: ~hello
          why: say how you know them

        lint me
          severity: tip
          channel: email
          measure: self-over-other
          why: {self} about you, {other} about them
        """

    func rules(_ text: String, channel: Channel = .email) throws -> [String: Finding] {
        var coach = Coach(book: try RuleBook.compile([(name: "l.rules", text: Self.source)]))
        return Dictionary(uniqueKeysWithValues: coach.check(text, channel: channel).map { ($0.rule, $0) })
    }

    @Test("each measure fires on what it measures and names the figures")
    func measures() throws {
        let findings = try rules("I hope I can learn. I want my path clear. Thanks")
        #expect(findings["long"]?.why == "11 words, over 5")
        #expect(findings["long"]?.quote == "I want my path clear. Thanks")
        #expect(findings["ask"] != nil)
        #expect(findings["opening"]?.quote == "I hope I can learn")
        #expect(findings["me"]?.why == "4 about you, 0 about them")
    }

    @Test("a short email that opens with the connection and asks about them passes")
    func passes() throws {
        #expect(try rules("We met. Talk?").isEmpty)
    }

    @Test("lints keep to their channel")
    func channel() throws {
        #expect(try rules("I hope I can learn. I want my path clear.", channel: .spoken).isEmpty)
    }

    @Test(arguments: [
        ("lint x\n  severity: tip\n  measure: words-over many\n  why: w", "l.rules:3: 'measure: words-over many' is not valid (expected words-over N, no-question, missing-in-opening N (with require:) or self-over-other)"),
        ("lint x\n  severity: tip\n  measure: missing-in-opening 2\n  why: w", "l.rules:1: lint x has no 'require:' line (every lint needs one)"),
        ("lint x\n  severity: tip\n  measure: no-question\n  wy: w", "l.rules:4: unknown key 'wy' (expected severity, kind, channel, measure, require, why, instead, example or not)"),
    ])
    func mistakes(source: String, message: String) {
        do {
            _ = try RuleBook.compile([(name: "l.rules", text: source)])
            Issue.record("expected: \(message)")
        } catch {
            #expect(error.description == message)
        }
    }
}
