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
        /// Indices into `replacements` of those starting with this word, longest first.
        var replacements: [Int32]
    }

    /// A `replace` entry with its words looked up.
    private struct Compiled: Sendable {
        var source: Replacement
        /// The `from` words as lexicon indices.
        var from: [Int32]
        /// The `to` words as token ids.
        var to: [Int32]
    }

    /// Every word the rules mention or a `replace` entry reads, and what each stands for
    /// (`entries`, by lexicon index).
    private var lexicon = ByteLexicon()
    private var entries: [Entry] = []
    private var replacements: [Compiled] = []

    /// Builds a normaliser for a vocabulary that already holds every word the rules mention.
    init(replacements: [Replacement], vocabulary: inout Vocabulary) {
        for replacement in replacements {
            for word in replacement.to { _ = vocabulary.intern(word) }
        }
        self.vocabulary = vocabulary
        for (word, id) in vocabulary.ids {
            entries[Int(key(word))].id = id
        }
        for replacement in replacements.sorted(by: { $0.from.count > $1.from.count }) {
            guard !replacement.from.isEmpty else { continue }
            let from = replacement.from.map { key($0) }
            let to = replacement.to.map { self.vocabulary.id(of: $0) }
            self.replacements.append(Compiled(source: replacement, from: from, to: to))
            entries[Int(from[0])].replacements.append(Int32(self.replacements.count - 1))
        }
    }

    /// The vocabulary the ids refer to.
    private(set) var vocabulary: Vocabulary

    /// Adds the ids of words interned after the normaliser was built (pattern words).
    mutating func refresh(from vocabulary: Vocabulary) {
        for (word, id) in vocabulary.ids {
            let index = Int(key(word))
            if entries[index].id == Token.unknownWord { entries[index].id = id }
        }
        self.vocabulary = vocabulary
    }

    /// The lexicon index of a word, adding it (standing for no token id yet) if new.
    private mutating func key(_ word: String) -> Int32 {
        let index = lexicon.insert(word)
        if Int(index) == entries.count { entries.append(Entry(id: Token.unknownWord, replacements: [])) }
        return index
    }

    /// Whether one word needs no normalising: plain lower-case ASCII with no `replace` entry.
    func isPlainWord(_ word: String) -> Bool {
        for byte in word.utf8 where !((0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte)) {
            return false
        }
        guard !word.isEmpty else { return false }
        guard let key = lexicon.index(of: word) else { return true }
        return entries[Int(key)].replacements.isEmpty
    }

    /// The tokens of a text.
    func tokens(of text: String) -> [Token] {
        let scanned = Tokenizer.scan(text)
        var tokens: [Token] = []
        tokens.reserveCapacity(scanned.pieces.count + 4)
        var words: [Word] = []
        words.reserveCapacity(scanned.pieces.count)
        scanned.letters.withUnsafeBufferPointer { letters in
            for piece in scanned.pieces {
                switch piece {
                case .word(let raw):
                    let bytes = UnsafeBufferPointer(
                        rebasing: letters[Int(raw.letters.lowerBound)..<Int(raw.letters.upperBound)])
                    guard bytes.contains(UInt8(ascii: "'")) else {
                        words.append(Word(key: lexicon.index(of: bytes) ?? -1, start: raw.start, end: raw.end, flags: raw.flags))
                        continue
                    }
                    let parts = Self.splitContraction(String(decoding: bytes, as: UTF8.self))
                    for (index, part) in parts.enumerated() {
                        let flags =
                            raw.flags & (index == 0 ? Token.startsClause : 0)
                            | raw.flags & (index == parts.count - 1 ? Token.endsClause : 0)
                        words.append(Word(key: lexicon.index(of: part) ?? -1, start: raw.start, end: raw.end, flags: flags))
                    }
                case .sentenceBreak(let isQuestion, let start, let end):
                    emit(words, into: &tokens)
                    words.removeAll(keepingCapacity: true)
                    tokens.append(
                        Token(id: isQuestion ? Token.questionBreak : Token.statementBreak, start: start, end: end, flags: 0))
                }
            }
        }
        emit(words, into: &tokens)
        return tokens
    }

    /// The words of a text after contractions and replacements, as strings (for patterns).
    func words(of text: String) -> [String] {
        let scanned = Tokenizer.scan(text)
        var words: [String] = []
        for piece in scanned.pieces {
            guard case .word(let raw) = piece else { continue }
            words.append(contentsOf: Self.splitContraction(scanned.text(of: raw)))
        }
        return applyReplacements(words)
    }

    /// A word of the text after contractions, looked up (-1: a word no rule reads).
    private struct Word {
        var key: Int32
        var start: Int32
        var end: Int32
        var flags: UInt8
    }

    private func emit(_ words: [Word], into tokens: inout [Token]) {
        var index = 0
        while index < words.count {
            let word = words[index]
            guard word.key >= 0 else {
                tokens.append(Token(id: Token.unknownWord, start: word.start, end: word.end, flags: word.flags))
                index += 1
                continue
            }
            let entry = entries[Int(word.key)]
            if !entry.replacements.isEmpty,
                let chosen = entry.replacements.first(where: { matches(replacements[Int($0)].from, words, at: index) })
            {
                let replacement = replacements[Int(chosen)]
                let last = words[index + replacement.from.count - 1]
                for (position, id) in replacement.to.enumerated() {
                    var flags: UInt8 = 0
                    if position == 0 { flags |= word.flags & Token.startsClause }
                    if position == replacement.to.count - 1 { flags |= last.flags & Token.endsClause }
                    tokens.append(Token(id: id, start: word.start, end: last.end, flags: flags))
                }
                index += replacement.from.count
                continue
            }
            tokens.append(Token(id: entry.id, start: word.start, end: word.end, flags: word.flags))
            index += 1
        }
    }

    private func matches(_ from: [Int32], _ words: [Word], at index: Int) -> Bool {
        guard index + from.count <= words.count else { return false }
        for offset in 1..<max(from.count, 1) where words[index + offset].key != from[offset] {
            return false
        }
        return true
    }

    private func applyReplacements(_ words: [String]) -> [String] {
        var result: [String] = []
        var index = 0
        while index < words.count {
            if let key = lexicon.index(of: words[index]),
                let chosen = entries[Int(key)].replacements.first(where: { chosen in
                    let from = replacements[Int(chosen)].source.from
                    return index + from.count <= words.count && Array(words[index..<index + from.count]) == from
                })
            {
                let replacement = replacements[Int(chosen)].source
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
