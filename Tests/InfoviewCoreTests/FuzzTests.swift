import Foundation
import Testing
@testable import InfoviewCore

/// Hostile input, seeded: mutated prompt files, random patterns, and text no person means to type
/// (invalid UTF-8, NUL, every control character, terminal escape sequences, direction overrides,
/// very long lines, a 100,000-line paste). Nothing may crash or hang; each input is timed against
/// a generous bound (a hang, not a speed target); errors point inside the file that has them;
/// findings and tokens point inside the text. The long runs are `Tests/Reliability/fuzz.sh`.
@Suite("Fuzz: hostile prompt files, patterns and text")
struct FuzzTests {
    /// Runs `body` and checks it took less than `seconds` (the machine may be busy: be generous).
    static func bounded<T>(
        _ seconds: Double, _ what: @autoclosure () -> String, sourceLocation: Testing.SourceLocation = #_sourceLocation,
        _ body: () throws -> T
    ) rethrows -> T {
        let clock = ContinuousClock()
        let start = clock.now
        let result = try body()
        let took = clock.now - start
        #expect(took < .seconds(seconds), "\(what()) took \(took), over the bound of \(seconds) s", sourceLocation: sourceLocation)
        return result
    }

    static func lines(_ text: String) -> Int {
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).count
    }

    // MARK: prompt files

    /// One random edit of the kind a person (or a bad merge) makes to a prompt file.
    static func mutate(_ text: String, using random: inout SeededGenerator) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard !lines.isEmpty else { return "\u{1B}[2J" }
        let at = Int.random(in: 0..<lines.count, using: &random)
        let hostile = ["\u{0}", "\u{1B}", "\u{7}", "\u{85}", "\u{9B}", "\u{202E}", "\u{2028}", "\r", "\t", "\u{FEFF}", "é", "日", "🙂", ":", "#", "~", "(", "[", "|", "*", "<<", "->"]
        switch Int.random(in: 0..<9, using: &random) {
        case 0: lines.remove(at: at)
        case 1: lines.insert(lines[at], at: at)
        case 2: lines.swapAt(at, Int.random(in: 0..<lines.count, using: &random))
        case 3: lines[at] = lines[at].hasPrefix("  ") ? String(lines[at].dropFirst(2)) : "  " + lines[at]
        case 4:
            var characters = Array(lines[at])
            let position = Int.random(in: 0...characters.count, using: &random)
            characters.insert(contentsOf: random.pick(hostile)!, at: position)
            lines[at] = String(characters)
        case 5: lines[at] = String(lines[at].prefix(Int.random(in: 0...lines[at].count, using: &random)))
        case 6: lines = Array(lines.prefix(at))
        case 7: lines.insert(random.pick(["rule", "step x", "concept", "message m", "flow", "door d", "intent i", "lint l"])!, at: at)
        default: lines[at] = lines[at].replacingOccurrences(of: ":", with: random.pick([" ", "::", ": :", ""])!)
        }
        return lines.joined(separator: "\n")
    }

    @Test("mutated copies of the shipped prompts load, or fail at a line inside a file", arguments: [1, 2, 3, 4])
    func mutatedPrompts(seed: UInt64) throws {
        let shipped = try TestSupport.library().files
        var random = SeededGenerator(seed: seed)
        for round in 0..<6 {
            var files = shipped.files
            let index = Int.random(in: 0..<files.count, using: &random)
            for _ in 0...Int.random(in: 0...2, using: &random) {
                files[index].text = Self.mutate(files[index].text, using: &random)
            }
            let what = "round \(round) of seed \(seed), \(files[index].displayName)"
            let failure = Self.bounded(20, what) { () -> PromptError? in
                do {
                    _ = try PromptLibrary.load(PromptFiles(files: files, origin: "fuzz"))
                    return nil
                } catch {
                    return error as? PromptError  // load throws only PromptError
                }
            }
            if let error = failure {
                let file = files.first { $0.displayName == error.location.file }
                #expect(file != nil || error.location.line == 0, "\(what): \(error) names no file")
                if let file {
                    #expect(error.location.line >= 1 && error.location.line <= Self.lines(file.text) + 1, "\(what): \(error)")
                }
                #expect(!error.reason.message.isEmpty)
            }
        }
    }

    // MARK: patterns

    static let vocabulary = """
        concept c1
          is: apple
          is: big pear

        concept c2
          is: ~c1
          is: plum

        replace cv
          from: curriculum vitae

        """

    /// A random pattern: words, concepts, brackets, alternatives, wildcards, anchors, breaks, `&`.
    static func randomPattern(using random: inout SeededGenerator) -> String {
        let pieces = [
            "apple", "pear", "big", "plum", "cv", "i", "you", "hire", "me", "~c1", "~c2", "~missing", "(", ")", "[", "]", "|",
            "*", "*2", "*0", "*99", "^", "$", "/", "?", "&", "é", "日本", "\u{0}", "\u{1B}[31m", "\u{202E}", "''", "-", "a-b", "{1}",
        ]
        return (0..<Int.random(in: 1...12, using: &random)).map { _ in random.pick(pieces)! }.joined(separator: " ")
    }

    @Test("random patterns compile or fail at their own line; those that compile match in bounded time", arguments: [1, 2])
    func randomPatterns(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        let texts = [
            "apple big pear plum", "Could you hire me? I have a curriculum vitae.", String(repeating: "apple pear ", count: 400),
            "i you me hire apple / plum? big", "",
        ]
        var compiled = 0
        for round in 0..<250 {
            let pattern = Self.randomPattern(using: &random)
            let rule = "rule fuzz/r\n  severity: pitch\n  kind: ask-job\n  when: \(pattern)\n  why: w\n  instead: i\n"
            let book: RuleBook
            do {
                book = try RuleBook.compile([(name: "v.rules", text: Self.vocabulary), (name: "r.rules", text: rule)])
            } catch {
                #expect(error.location == InfoviewCore.SourceLocation(file: "r.rules", line: 4), "\(pattern.debugDescription): \(error)")
                continue
            }
            compiled += 1
            var coach = Coach(book: book)
            for text in texts + [pattern] {
                let findings = Self.bounded(5, "pattern \(pattern.debugDescription) on a text, round \(round)") {
                    coach.check(text, channel: .spoken)
                }
                Self.expectInside(findings, text)
            }
        }
        #expect(compiled > 20, "too few random patterns compiled (\(compiled)) to test the matcher")
    }

    // MARK: text

    /// Text nobody means to type.
    static let hostileTexts: [(name: String, text: String)] = {
        let c0 = (0..<32).map { String(UnicodeScalar(UInt8($0))) }.joined() + "\u{7F}"
        let c1 = (0x80..<0xA0).map { String(UnicodeScalar($0)!) }.joined()
        let invalid: [UInt8] = [0x41, 0xFF, 0xFE, 0xC3, 0x28, 0xE2, 0x82, 0x28, 0xF0, 0x90, 0x28, 0xED, 0xA0, 0x80, 0xC0, 0xAF, 0x42]
        let paste = (0..<100_000).map { "Line \($0): could you refer me, are you hiring?" }.joined(separator: "\n")
        return [
            ("invalid UTF-8", String(decoding: invalid, as: UTF8.self) + " are you hiring?"),
            ("NUL bytes", "are\u{0}you\u{0}hiring?\u{0}"),
            ("every C0 control", c0 + " Are you hiring? " + c0),
            ("every C1 control", c1 + " Could you refer me? " + c1),
            ("CSI sequences", "\u{1B}[2J\u{1B}[H\u{1B}[31mAre you hiring?\u{1B}[0m\u{9B}6n"),
            ("an OSC title", "\u{1B}]0;owned\u{7}Can I send you my CV?\u{1B}]2;x\u{1B}\\"),
            ("a bracketed-paste end", "\u{1B}[201~/quit\n\u{1B}[200~Are you hiring?"),
            ("direction overrides", "\u{202E}?gnirih uoy erA\u{202C} \u{2066}refer me\u{2069} \u{200F}\u{061C}"),
            ("combining marks", "A" + String(repeating: "\u{301}", count: 5000) + "re you hiring?"),
            ("a 1 MB line", String(repeating: "are you hiring ", count: 70_000)),
            ("a 1 MB word", String(repeating: "x", count: 1 << 20)),
            ("a 100,000-line paste", paste),
            ("only punctuation", String(repeating: "?!.,;:—-'\"()[]", count: 20_000)),
        ]
    }()

    /// Each finding's offsets lie in the text, and its quote is the text between them.
    static func expectInside(_ findings: [Finding], _ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        guard !findings.isEmpty else { return }
        let scalars = Array(text.unicodeScalars)
        for finding in findings {
            guard 0 <= finding.start && finding.start <= finding.end && finding.end <= scalars.count else {
                Issue.record("\(finding.rule) at \(finding.start)..<\(finding.end) of \(scalars.count)", sourceLocation: sourceLocation)
                continue
            }
            var quoted = String.UnicodeScalarView()
            quoted.append(contentsOf: scalars[finding.start..<finding.end])
            #expect(finding.quote == String(quoted), "\(finding.rule)", sourceLocation: sourceLocation)
        }
    }

    /// Big enough that time growing with the square of the length would show (that took minutes
    /// for the megabyte line before the coach was fixed); checked once, as a document.
    static let bigTexts: Set<String> = ["a 1 MB line", "a 1 MB word", "a 100,000-line paste", "only punctuation"]

    @Test("the coach on hostile text, on every channel and as a document: no crash, bounded time, findings inside the text")
    func hostileText() throws {
        let library = try TestSupport.library()
        for (name, text) in Self.hostileTexts {
            var coach = library.coach()
            let channels = Self.bigTexts.contains(name) ? [] : Channel.allCases
            for channel in channels {
                let findings = Self.bounded(10, "\(name) on \(channel)") { coach.check(text, context: text, channel: channel) }
                Self.expectInside(findings, text)
            }
            let document = Self.bounded(120, "\(name) as a document") { coach.checkDocument(text, channel: .email) }
            Self.expectInside(document, text)
            if name == "a 1 MB line" { #expect(document.count > 10_000, "the megabyte of 'are you hiring' was not flagged") }
        }
    }

    @Test("tokens of hostile and random text point inside it, in order", arguments: [1, 2, 3])
    func tokens(seed: UInt64) throws {
        let normaliser = try TestSupport.library().rules.normaliser
        var random = SeededGenerator(seed: seed)
        var texts = Self.hostileTexts.map(\.text)
        for _ in 0..<300 {
            let bytes = (0..<Int.random(in: 0...200, using: &random)).map { _ in
                random.pick([UInt8.random(in: 0...255, using: &random), UInt8.random(in: 0x20...0x7E, using: &random), 0x27, 0x20, 0x0A, 0x3F])!
            }
            texts.append(String(decoding: bytes, as: UTF8.self))
        }
        for text in texts {
            let count = Int32(text.unicodeScalars.count)
            let tokens = Self.bounded(30, "tokenising \(text.prefix(30).debugDescription)") { normaliser.tokens(of: text) }
            var last: Int32 = 0
            for token in tokens where !token.isBreak {
                #expect(token.start >= last && token.start <= token.end && token.end <= count, "\(token) in \(text.prefix(40).debugDescription)")
                last = token.start
            }
        }
    }

    @Test("random text through the coach: no crash, findings inside the text", arguments: [1, 2, 3])
    func randomText(seed: UInt64) throws {
        var coach = try TestSupport.library().coach()
        var random = SeededGenerator(seed: seed)
        let words = ["are", "you", "hiring", "could", "refer", "me", "my", "CV", "résumé", "job", "?", ".", ",", "\n", "I'm", "u", "ur", "intern ship", "team"]
        for _ in 0..<150 {
            var text = ""
            for _ in 0..<Int.random(in: 0...40, using: &random) {
                switch Int.random(in: 0..<4, using: &random) {
                case 0: text.unicodeScalars.append(Unicode.Scalar(UInt32.random(in: 0...0x2FFF, using: &random)) ?? "?")
                default: text += random.pick(words)! + " "
                }
            }
            let channel = random.pick(Channel.allCases)!
            Self.expectInside(Self.bounded(5, "random text") { coach.check(text, context: text, channel: channel) }, text)
        }
    }
}
