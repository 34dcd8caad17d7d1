/// Reads the pattern language of `when:`, `unless:`, `is:` and `context:` lines.
///
/// Words are normalised exactly as input text is (so `I'm` in a pattern matches `Im` typed), and
/// a word that normalises to several (`can't`) becomes their sequence.
struct PatternParser {
    let normaliser: Normaliser

    /// Parses one pattern; errors carry the location of the line.
    func parse(_ text: String, at location: SourceLocation) throws(PromptError) -> PatternNode {
        if let words = plainWords(text) { return Self.joined(words.map(PatternNode.word)) }
        let tokens = Lexer(text: text).all()
        // `a & b & c`: each part somewhere in the same sentence, in any order.
        var parts: [[Lexer.Item]] = [[]]
        var depth = 0
        for token in tokens {
            if token.kind == .open || token.kind == .openOptional { depth += 1 }
            if token.kind == .close || token.kind == .closeOptional { depth -= 1 }
            if token.kind == .all && depth == 0 { parts.append([]) } else { parts[parts.count - 1].append(token) }
        }
        var nodes: [PatternNode] = []
        for part in parts {
            guard !part.isEmpty else {
                throw PromptError(reason: .badPattern("'&' needs a pattern on each side"), location: location)
            }
            var position = 0
            let node = try alternatives(part, &position, closing: nil, location)
            if position < part.count {
                throw PromptError(reason: .badPattern("unexpected '\(part[position].text)' in '\(text)'"), location: location)
            }
            if case .sequence(let inner) = node, inner.isEmpty {
                throw PromptError(reason: .badPattern("the pattern is empty"), location: location)
            }
            nodes.append(node)
        }
        return nodes.count == 1 ? nodes[0] : .allOf(nodes)
    }

    /// The words of a pattern that is only plain words (most concept entries, many patterns),
    /// read without the general parser: lower-case ASCII letters and digits between single
    /// spaces, none with a `replace` entry. Nil for anything else.
    private func plainWords(_ text: String) -> [String]? {
        for byte in text.utf8 where !((0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || byte == 0x20) {
            return nil
        }
        var words: [String] = []
        var word = ""
        for character in text.unicodeScalars {
            if character != " " {
                word.unicodeScalars.append(character)
                continue
            }
            guard normaliser.isPlainWord(word) else { return nil }
            words.append(word)
            word = ""
        }
        guard normaliser.isPlainWord(word) else { return nil }
        words.append(word)
        return words
    }

    private func alternatives(
        _ tokens: [Lexer.Item], _ position: inout Int, closing: String?, _ location: SourceLocation
    ) throws(PromptError) -> PatternNode {
        var options: [PatternNode] = [try sequence(tokens, &position, closing: closing, location)]
        while position < tokens.count, tokens[position].kind == .choice {
            position += 1
            options.append(try sequence(tokens, &position, closing: closing, location))
        }
        // `(me | )` or `(me | !)` would quietly make the whole choice optional.
        if options.count > 1, options.contains(where: { if case .sequence(let nodes) = $0 { nodes.isEmpty } else { false } }) {
            throw PromptError(
                reason: .badPattern("a choice with nothing on one side of '|' (each side needs words; write [words] for optional ones)"),
                location: location)
        }
        return options.count == 1 ? options[0] : .alternatives(options)
    }

    private func sequence(
        _ tokens: [Lexer.Item], _ position: inout Int, closing: String?, _ location: SourceLocation
    ) throws(PromptError) -> PatternNode {
        var nodes: [PatternNode] = []
        while position < tokens.count {
            let item = tokens[position]
            switch item.kind {
            case .choice:
                return Self.joined(nodes)
            case .close, .closeOptional:
                guard item.text == closing else {
                    throw PromptError(reason: .badPattern("'\(item.text)' without its opening bracket"), location: location)
                }
                return Self.joined(nodes)
            case .open, .openOptional:
                position += 1
                let close = item.kind == .open ? ")" : "]"
                let inner = try alternatives(tokens, &position, closing: close, location)
                guard position < tokens.count, tokens[position].text == close else {
                    throw PromptError(reason: .badPattern("'\(item.text)' is never closed with '\(close)'"), location: location)
                }
                if case .sequence(let empty) = inner, empty.isEmpty {
                    throw PromptError(reason: .badPattern("empty '\(item.text)\(close)'"), location: location)
                }
                nodes.append(item.kind == .open ? inner : .optional(inner))
            case .clauseStart: nodes.append(.clauseStart)
            case .clauseEnd: nodes.append(.clauseEnd)
            case .sentenceBreak: nodes.append(.sentenceBreak(questionOnly: false))
            case .question:
                if position > 0, [.close, .closeOptional].contains(tokens[position - 1].kind) {
                    throw PromptError(
                        reason: .badPattern("'?' after a bracket: write [words] for optional words ('?' matches a question mark)"),
                        location: location)
                }
                nodes.append(.sentenceBreak(questionOnly: true))
            case .all:
                throw PromptError(reason: .badPattern("'&' joins whole patterns: it cannot stand inside brackets"), location: location)
            case .wildcard:
                let digits = item.text.utf8.dropFirst()
                var limit = digits.isEmpty ? 8 : 0
                for digit in digits {
                    guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(digit), limit <= 40 else {
                        limit = 0
                        break
                    }
                    limit = limit * 10 + Int(digit - UInt8(ascii: "0"))
                }
                guard limit >= 1, limit <= 40 else {
                    throw PromptError(
                        reason: .badPattern("'\(item.text)': a wildcard is * or *N with N from 1 to 40"), location: location)
                }
                nodes.append(.gap(max: limit))
            case .concept:
                let name = String(item.text.dropFirst())
                guard !name.isEmpty else {
                    throw PromptError(reason: .badPattern("'~' needs a concept name right after it"), location: location)
                }
                nodes.append(.concept(name))
            case .word:
                try Self.checkJoined(item.text, location)
                if position + 1 == tokens.count || tokens[position + 1].kind != .word, normaliser.isPlainWord(item.text) {
                    nodes.append(.word(item.text))
                    break
                }
                // A run of plain words is normalised together, so `intern ship` meets its
                // `replace` block as typed text would.
                var run = [item.text]
                while position + 1 < tokens.count, tokens[position + 1].kind == .word {
                    position += 1
                    run.append(tokens[position].text)
                }
                for word in run { try Self.checkJoined(word, location) }
                if run.allSatisfy(normaliser.isPlainWord) {
                    nodes.append(contentsOf: run.map(PatternNode.word))
                } else {
                    let words = normaliser.words(of: run.joined(separator: " "))
                    guard !words.isEmpty else {
                        throw PromptError(reason: .badPattern("'\(run.joined(separator: " "))' is not a word"), location: location)
                    }
                    nodes.append(contentsOf: words.map(PatternNode.word))
                }
            }
            position += 1
        }
        if let closing {
            let opening = closing == ")" ? "(" : "["
            throw PromptError(reason: .badPattern("'\(opening)' is never closed with '\(closing)'"), location: location)
        }
        return Self.joined(nodes)
    }
}

extension PatternParser {
    /// A sequence of one element is that element (`(a | b c)` is a word or a sequence).
    static func joined(_ nodes: [PatternNode]) -> PatternNode {
        nodes.count == 1 ? nodes[0] : .sequence(nodes)
    }

    /// Typed text keeps `company's` whole; a lone `'s` in a pattern would never meet it.
    static func checkJoined(_ word: String, _ location: SourceLocation) throws(PromptError) {
        let bytes = word.utf8
        guard bytes.first == UInt8(ascii: "'") || bytes.starts(with: [0xE2, 0x80, 0x99]) else { return }  // ' or ’
        throw PromptError(
            reason: .badPattern("'\(word)' stands apart from its word: write it joined, as it is typed (company's, don't)"),
            location: location)
    }
}

/// Splits a pattern into brackets, operators and words, byte by byte (every operator is ASCII,
/// and a word is whatever lies between them, so UTF-8 inside words passes through whole).
private struct Lexer {
    enum Kind: Equatable {
        case open, close, openOptional, closeOptional, choice, clauseStart, clauseEnd, sentenceBreak, question, all
        /// `*` or `*N`.
        case wildcard
        /// `~name`.
        case concept
        case word
    }

    struct Item {
        var kind: Kind
        var text: String
    }

    let text: String

    /// `( ) [ ] | ^ $ / ? &`: each is an item of its own.
    static func operatorKind(_ byte: UInt8) -> Kind? {
        switch byte {
        case UInt8(ascii: "("): .open
        case UInt8(ascii: ")"): .close
        case UInt8(ascii: "["): .openOptional
        case UInt8(ascii: "]"): .closeOptional
        case UInt8(ascii: "|"): .choice
        case UInt8(ascii: "^"): .clauseStart
        case UInt8(ascii: "$"): .clauseEnd
        case UInt8(ascii: "/"): .sentenceBreak
        case UInt8(ascii: "?"): .question
        case UInt8(ascii: "&"): .all
        default: nil
        }
    }

    /// Space, tab and the punctuation that only separates words.
    static func isSeparator(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: ","), UInt8(ascii: "."), UInt8(ascii: "!"): return true
        default: return false
        }
    }

    func all() -> [Item] {
        var text = text
        return text.withUTF8 { bytes in
            var items: [Item] = []
            items.reserveCapacity(bytes.count / 3 + 1)
            var start = 0
            func flush(upTo end: Int) {
                guard end > start else { return }
                let kind: Kind =
                    switch bytes[start] {
                    case UInt8(ascii: "*"): .wildcard
                    case UInt8(ascii: "~"): .concept
                    default: .word
                    }
                items.append(Item(kind: kind, text: String(decoding: bytes[start..<end], as: UTF8.self)))
            }
            for index in bytes.indices {
                let byte = bytes[index]
                if let kind = Self.operatorKind(byte) {
                    flush(upTo: index)
                    items.append(Item(kind: kind, text: String(UnicodeScalar(byte))))
                    start = index + 1
                } else if Self.isSeparator(byte) {
                    flush(upTo: index)
                    start = index + 1
                } else if byte == UInt8(ascii: "*") || byte == UInt8(ascii: "~") {
                    // Starts a new item (`*3`, `~concept`), even right after a word.
                    flush(upTo: index)
                    start = index
                }
            }
            flush(upTo: bytes.count)
            return items
        }
    }
}
