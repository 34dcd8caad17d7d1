import Foundation

/// The coach: reads what the person plans to say, says or writes, and flags pitching mistakes
/// and weaker habits with a reason and a better thing to say.
///
/// Pure: the same rules, text, context and channel always give the same findings. A `Coach`
/// keeps scratch buffers between calls, so reuse one for many texts.
public struct Coach: Sendable {
    /// The compiled rules.
    public let book: RuleBook
    /// Rules the person has muted: they never fire.
    public var muted: Set<String>
    /// Whether findings list the normalised words a rule matched (`Finding.matched`, for `/why`
    /// and `--explain`); a caller that never shows them saves the work.
    public var keepsMatchedWords = true
    var matcher = Matcher()
    private var candidateScratch: [UInt64] = []
    private var present = WordSet()

    /// Creates a coach over compiled rules.
    public init(book: RuleBook, muted: Set<String> = []) {
        self.book = book
        self.muted = muted
    }

    /// What the coach has to say about a text, in order of position.
    ///
    /// - Parameters:
    ///   - context: what the insider said just before, if known: after they raise an opportunity,
    ///     following up on it is not a pitch.
    ///   - channel: where the text comes from.
    public mutating func check(_ text: String, context: String? = nil, channel: Channel) -> [Finding] {
        let tokens = book.normaliser.tokens(of: text)
        let findings = resolve(candidateMatches(in: tokens, context: context, channel: channel), text: text)
        guard book.lintChannels & channel.bit != 0 else {
            return findings
        }
        let lints = lintFindings(in: tokens, text: text, channel: channel)
        return lints.isEmpty ? findings : (findings + lints).sorted { ($0.start, $0.rule) < ($1.start, $1.rule) }
    }

    /// Every rule match before overlapping ones are resolved (for `/why` and rule verification).
    mutating func candidateMatches(in tokens: [Token], context: String?, channel: Channel) -> [RuleMatch] {
        let book = self.book
        let candidates = book.ruleIndex.candidates(for: tokens, scratch: &candidateScratch)
        var found: [RuleMatch] = []
        var situation = Situation(context: context)
        let channelBit = channel.bit
        var bounds: SentenceBounds?
        var unlessVerdicts: [SentenceVerdictKey: Bool] = [:]
        present.removeAll()
        for token in tokens { present.insert(token.id) }
        for candidate in candidates {
            let reference = book.rulePrograms[Int(candidate)]
            let gate = book.ruleGates[reference.rule]
            if gate.channels != 0 && gate.channels & channelBit == 0 { continue }
            if gate.minimumWords > tokens.count { continue }
            if !muted.isEmpty && muted.contains(book.rules[reference.rule].rule.id) { continue }
            let program = book.programs[Int(candidate)]
            guard program.isPossible(present: present) else { continue }
            let matches = matcher.allMatches(of: program, in: tokens, sets: book.sets)
            if matches.isEmpty { continue }
            let compiled = book.rules[reference.rule]
            let rule = compiled.rule
            for match in matches {
                if bounds == nil { bounds = SentenceBounds(tokens) }
                // A note narrates: who opened the door may be told in another sentence of it.
                let sentence = channel == .note ? 0..<tokens.count : bounds!.sentence(around: match, in: tokens)
                if let limit = rule.longerThan, sentence.count - bounds!.breaks(in: sentence) <= limit { continue }
                if !compiled.unless.isEmpty {
                    let key = SentenceVerdictKey(rule: reference.rule, sentence: sentence)
                    let excepted =
                        unlessVerdicts[key]
                        ?? compiled.unless.contains(where: {
                            matcher.firstMatch(of: $0, in: tokens, sets: book.sets, from: sentence.lowerBound, upTo: sentence.upperBound) != nil
                        })
                    unlessVerdicts[key] = excepted
                    if excepted { continue }
                }
                if !compiled.context.isEmpty || !compiled.unlessContext.isEmpty || !rule.allowedAfter.isEmpty {
                    let contextTokens = situation.tokens(using: book.normaliser)
                    if !compiled.context.isEmpty
                        && !compiled.context.contains(where: { matcher.firstMatch(of: $0, in: contextTokens, sets: book.sets) != nil })
                    {
                        continue
                    }
                    if compiled.unlessContext.contains(where: { matcher.firstMatch(of: $0, in: contextTokens, sets: book.sets) != nil }) {
                        continue
                    }
                    if !rule.allowedAfter.isEmpty {
                        let open = situation.openDoors(using: book, matcher: &matcher)
                        if rule.allowedAfter.contains(where: open.contains) { continue }
                    }
                }
                let specificity = Specificity(
                    weight: rule.weight, literalWords: program.literalCount, wildcards: program.wildcardCount, order: rule.order)
                found.append(
                    RuleMatch(rule: reference.rule, pattern: reference.pattern, match: match, specificity: specificity, tokens: tokens))
            }
        }
        return found
    }

    /// The doors the insider's line opens (for `/why`).
    public mutating func openDoors(after context: String) -> [String] {
        var situation = Situation(context: context)
        return situation.openDoors(using: book, matcher: &matcher).sorted()
    }

    /// Keeps, for each severity, the most specific of overlapping matches.
    func resolve(_ matches: [RuleMatch], text: String) -> [Finding] {
        var kept: [RuleMatch] = []
        var covered: [Severity: CoveredSpans] = [:]
        for match in matches.sorted(by: { $0.specificity > $1.specificity }) {
            let severity = book.rules[match.rule].rule.severity
            let span = match.span
            if covered[severity, default: CoveredSpans()].overlaps(span) { continue }
            covered[severity, default: CoveredSpans()].insert(span)
            kept.append(match)
        }
        guard !kept.isEmpty else { return [] }
        var cursor = ScalarCursor(text)
        var findings: [Finding] = []
        for match in kept.sorted(by: { ($0.span.lowerBound, $0.rule) < ($1.span.lowerBound, $1.rule) }) {
            findings.append(finding(for: match, &cursor))
        }
        return findings
    }

    private func finding(for match: RuleMatch, _ scalars: inout ScalarCursor) -> Finding {
        let compiled = book.rules[match.rule]
        let rule = compiled.rule
        let span = match.span
        let quote = scalars.text(span)
        var captures: [String] = []
        for range in match.match.captures {
            guard !range.isEmpty else {
                captures.append("")
                continue
            }
            captures.append(scalars.text(Int(match.tokens[range.lowerBound].start)..<Int(match.tokens[range.upperBound - 1].end)))
        }
        var matched: [String] = []
        if keepsMatchedWords {
            for token in match.tokens[match.match.start..<match.match.end] {
                matched.append(
                    token.id == Token.unknownWord
                        ? scalars.text(Int(token.start)..<Int(token.end)).lowercased() : book.normaliser.vocabulary.word(token.id))
            }
        }
        return Finding(
            rule: rule.id, severity: rule.severity, kind: rule.kind, start: span.lowerBound, end: span.upperBound,
            quote: quote, why: rule.why, instead: rule.instead.map { Template.fill($0, with: captures) },
            matched: matched.joined(separator: " "), pattern: compiled.when[match.pattern].source.text,
            location: compiled.place)
    }

    /// The part of a text between two offsets counted in Unicode scalars.
    static func text(_ text: String, _ range: Range<Int>) -> String {
        let scalars = text.unicodeScalars
        let lower =
            scalars.index(scalars.startIndex, offsetBy: max(0, range.lowerBound), limitedBy: scalars.endIndex) ?? scalars.endIndex
        let upper = scalars.index(lower, offsetBy: max(0, range.count), limitedBy: scalars.endIndex) ?? scalars.endIndex
        return String(scalars[lower..<upper])
    }
}

/// A rule's pattern matched somewhere in a text.
struct RuleMatch {
    var rule: Int
    var pattern: Int
    var match: PatternMatch
    var specificity: Specificity
    var tokens: [Token]

    /// The matched span in Unicode scalars of the original text.
    var span: Range<Int> {
        guard match.end > match.start else {
            let at = match.start < tokens.count ? Int(tokens[match.start].start) : 0
            return at..<at
        }
        var first = match.start
        var last = match.end - 1
        while first < last, tokens[first].isBreak { first += 1 }
        while last > first, tokens[last].isBreak { last -= 1 }
        return Int(tokens[first].start)..<Int(tokens[last].end)
    }
}

/// What the insider said, normalised once and only when a rule asks.
private struct Situation {
    let context: String?
    private var cachedTokens: [Token]?
    private var cachedDoors: Set<String>?

    init(context: String?) {
        self.context = context
    }

    mutating func tokens(using normaliser: Normaliser) -> [Token] {
        if let cachedTokens { return cachedTokens }
        let tokens = context.map { normaliser.tokens(of: $0) } ?? []
        cachedTokens = tokens
        return tokens
    }

    mutating func openDoors(using book: RuleBook, matcher: inout Matcher) -> Set<String> {
        if let cachedDoors { return cachedDoors }
        let tokens = tokens(using: book.normaliser)
        var open: Set<String> = []
        if !tokens.isEmpty {
            for door in book.doors {
                let opened = door.when.contains { matcher.firstMatch(of: $0, in: tokens, sets: book.sets) != nil }
                let closed = door.unless.contains { matcher.firstMatch(of: $0, in: tokens, sets: book.sets) != nil }
                if opened && !closed { open.insert(door.door.name) }
            }
        }
        cachedDoors = open
        return open
    }
}

/// Fills `{1}`, `{2}` … (captured words) or `{name}` placeholders in a reply or rewrite.
enum Template {
    static func fill(_ template: String, with captures: [String]) -> String {
        fill(template) { key in Int(key).flatMap { $0 >= 1 && $0 <= captures.count ? captures[$0 - 1] : nil } }
    }

    /// Replaces each `{key}` for which `value` has an answer; other braces stay as written.
    static func fill(_ template: String, value: (String) -> String?) -> String {
        guard template.containsByte(UInt8(ascii: "{")) else { return template }
        var template = template
        return template.withUTF8 { bytes in
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count + 64)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "{"),
                    let close = bytes[(index + 1)...].firstIndex(of: UInt8(ascii: "}")),
                    let replacement = value(String(decoding: bytes[(index + 1)..<close], as: UTF8.self))
                {
                    result.append(contentsOf: replacement.utf8)
                    index = close + 1
                } else {
                    result.append(byte)
                    index += 1
                }
            }
            return String(decoding: result, as: UTF8.self)
        }
    }
}
