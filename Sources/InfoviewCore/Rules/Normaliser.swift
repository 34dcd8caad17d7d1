/// Turns text into tokens the rules can match: contractions expanded (`I'm` -> `i am`,
/// `can't` -> `can not`), variants unified by the `replace` blocks of `prompts/rules/*.rules`
/// (`ur` -> `your`, `CV` -> `resume`, `intern ship` -> `internship`), words mapped to ids.
struct Normaliser: Sendable {
    /// One `replace` entry: these words, in a row, become those.
    struct Replacement: Sendable {
        var from: [String]
        var to: [String]
    }

    private struct Entry: Sendable {
        var id: Int32
        var replacements: [Replacement]  // starting with this word, longest first
    }

    private var lexicon: [String: Entry] = [:]
    /// The first words of every `replace` entry.
    private var replacementHeads: Set<String> = []
    private var replacementIDs: [[Int32]] = []

    /// Builds a normaliser for a vocabulary that already holds every word the rules mention.
    init(replacements: [Replacement], vocabulary: inout Vocabulary) {
        for replacement in replacements {
            for word in replacement.to { _ = vocabulary.intern(word) }
        }
        for (word, id) in vocabulary.ids {
            lexicon[word] = Entry(id: id, replacements: [])
        }
        for replacement in replacements.sorted(by: { $0.from.count > $1.from.count }) {
            guard let first = replacement.from.first else { continue }
            replacementHeads.insert(first)
            lexicon[first, default: Entry(id: Token.unknownWord, replacements: [])].replacements.append(replacement)
        }
        self.vocabulary = vocabulary
    }

    /// The vocabulary the ids refer to.
    private(set) var vocabulary: Vocabulary

    /// Adds the ids of words interned after the normaliser was built (pattern words).
    mutating func refresh(from vocabulary: Vocabulary) {
        for (word, id) in vocabulary.ids where lexicon[word]?.id ?? Token.unknownWord == Token.unknownWord {
            lexicon[word, default: Entry(id: id, replacements: [])].id = id
        }
        self.vocabulary = vocabulary
    }

    /// Whether words need no normalising: plain lower-case ASCII with no `replace` entry.
    func isPlain(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            for byte in bytes where !((0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || byte == 0x20) {
                return false
            }
            guard !replacementHeads.isEmpty else { return true }
            for word in bytes.split(separator: 0x20) where replacementHeads.contains(String(decoding: word, as: UTF8.self)) {
                return false
            }
            return true
        }
    }

    /// Whether one word needs no normalising: plain lower-case ASCII with no `replace` entry.
    func isPlainWord(_ word: String) -> Bool {
        for byte in word.utf8 where !((0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte)) {
            return false
        }
        return !word.isEmpty && !replacementHeads.contains(word)
    }

    /// The tokens of a text.
    func tokens(of text: String) -> [Token] {
        tokens(of: Tokenizer.pieces(of: text))
    }

    /// The words of a text after contractions and replacements, as strings (for patterns).
    func words(of text: String) -> [String] {
        var words: [String] = []
        for piece in Tokenizer.pieces(of: text) {
            guard case .word(let raw) = piece else { continue }
            words.append(contentsOf: Self.splitContraction(raw.text))
        }
        return applyReplacements(words)
    }

    func tokens(of pieces: [RawPiece]) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(pieces.count + 4)
        var words: [RawWord] = []
        words.reserveCapacity(pieces.count)
        for piece in pieces {
            switch piece {
            case .word(let raw):
                if raw.text.containsByte(UInt8(ascii: "'")) {
                    let parts = Self.splitContraction(raw.text)
                    for (index, part) in parts.enumerated() {
                        var word = raw
                        word.text = part
                        word.flags = raw.flags & (index == 0 ? Token.startsClause : 0)
                            | raw.flags & (index == parts.count - 1 ? Token.endsClause : 0)
                        words.append(word)
                    }
                } else {
                    words.append(raw)
                }
            case .sentenceBreak(let isQuestion, let start, let end):
                emit(words, into: &tokens)
                words.removeAll(keepingCapacity: true)
                tokens.append(
                    Token(id: isQuestion ? Token.questionBreak : Token.statementBreak, start: start, end: end, flags: 0))
            }
        }
        emit(words, into: &tokens)
        return tokens
    }

    private func emit(_ words: [RawWord], into tokens: inout [Token]) {
        var index = 0
        while index < words.count {
            let entry = lexicon[words[index].text]
            if let entry, !entry.replacements.isEmpty,
                let replacement = entry.replacements.first(where: { matches($0.from, words, at: index) })
            {
                let first = words[index]
                let last = words[index + replacement.from.count - 1]
                for (position, word) in replacement.to.enumerated() {
                    var flags: UInt8 = 0
                    if position == 0 { flags |= first.flags & Token.startsClause }
                    if position == replacement.to.count - 1 { flags |= last.flags & Token.endsClause }
                    tokens.append(Token(id: vocabulary.id(of: word), start: first.start, end: last.end, flags: flags))
                }
                index += replacement.from.count
                continue
            }
            let word = words[index]
            tokens.append(Token(id: entry?.id ?? Token.unknownWord, start: word.start, end: word.end, flags: word.flags))
            index += 1
        }
    }

    private func matches(_ from: [String], _ words: [RawWord], at index: Int) -> Bool {
        guard index + from.count <= words.count else { return false }
        for offset in 1..<max(from.count, 1) where words[index + offset].text != from[offset] {
            return false
        }
        return true
    }

    private func applyReplacements(_ words: [String]) -> [String] {
        var result: [String] = []
        var index = 0
        while index < words.count {
            if let entry = lexicon[words[index]],
                let replacement = entry.replacements.first(where: { from in
                    index + from.from.count <= words.count && Array(words[index..<index + from.from.count]) == from.from
                })
            {
                result.append(contentsOf: replacement.to)
                index += replacement.from.count
            } else {
                result.append(words[index])
                index += 1
            }
        }
        return result
    }

    /// `don't` -> `do not`, `I'm` -> `i am`, `sam's` -> `sam 's`.
    static func splitContraction(_ word: String) -> [String] {
        guard let apostrophe = word.firstIndex(of: "'") else { return [word] }
        let base = String(word[..<apostrophe])
        let suffix = String(word[apostrophe...])
        if word.hasSuffix("n't") {
            let stem = String(word.dropLast(3))
            switch stem {
            case "ca": return ["can", "not"]
            case "wo": return ["will", "not"]
            case "sha": return ["shall", "not"]
            case "ai": return ["is", "not"]
            default: return [stem, "not"]
            }
        }
        switch suffix {
        case "'m": return [base, "am"]
        case "'re": return [base, "are"]
        case "'ve": return [base, "have"]
        case "'ll": return [base, "will"]
        case "'d": return [base, "would"]
        case "'s": return [base, "'s"]
        default: return [word.filter { $0 != "'" }]
        }
    }
}
