/// Splits text into words and sentence breaks, keeping every word's place in the original.
///
/// Words are lower-cased, common Latin accents are folded (`résumé` -> `resume`) and apostrophes
/// are unified; hyphens inside a word split it (`part-time` -> `part time`). `.` `!` `;` `?` and
/// line breaks end a sentence (not after `Mr.` or inside `3.30` or `c.v.`); commas, colons,
/// dashes, brackets and quotes end a clause.
enum Tokenizer {
    static func scan(_ text: String) -> ScannedText {
        var text = text
        return text.withUTF8 { bytes in
            var scanner = Scanner(bytes: bytes)
            return scanner.run()
        }
    }
}

/// Reads UTF-8 bytes, counting Unicode scalars for offsets; ASCII takes a fast path.
private struct Scanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var pieces: [RawPiece] = []
    /// The letters of the words finished so far, end to end.
    var letters: [UInt8] = []
    var word: [UInt8] = []
    var wordStart = 0
    var pendingClauseStart = true
    /// Scalar offsets of the current and the next scalar, and the byte position of the next one.
    var scalarIndex = 0
    var position = 0
    var previous: Unicode.Scalar = " "

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        pieces.reserveCapacity(bytes.count / 4 + 4)
        letters.reserveCapacity(bytes.count)
        word.reserveCapacity(32)
    }

    /// Decodes the scalar at a byte position: the scalar and its length in bytes.
    func scalar(at index: Int) -> (Unicode.Scalar, Int) {
        let lead = bytes[index]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        var length = 0
        var value: UInt32 = 0
        switch lead {
        case 0xC2...0xDF: length = 2; value = UInt32(lead & 0x1F)
        case 0xE0...0xEF: length = 3; value = UInt32(lead & 0x0F)
        case 0xF0...0xF4: length = 4; value = UInt32(lead & 0x07)
        default: return ("\u{FFFD}", 1)
        }
        guard index + length <= bytes.count else { return ("\u{FFFD}", 1) }
        for offset in 1..<length {
            let byte = bytes[index + offset]
            guard byte & 0xC0 == 0x80 else { return ("\u{FFFD}", 1) }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    mutating func run() -> ScannedText {
        while position < bytes.count {
            let byte = bytes[position]
            // Most of any text: ASCII letters and digits, which only extend the word.
            let letter: UInt8? =
                switch byte {
                case 0x30...0x39, 0x61...0x7A: byte
                case 0x41...0x5A: byte + 32
                default: nil
                }
            if let letter {
                startWordIfNeeded()
                word.append(letter)
                previous = Unicode.Scalar(byte)
                position += 1
                scalarIndex += 1
                continue
            }
            let (current, length) = scalar(at: position)
            let next = position + length < bytes.count ? scalar(at: position + length).0 : " "
            step(current, next: next)
            previous = current
            position += length
            scalarIndex += 1
        }
        finishWord(at: scalarIndex)
        markClauseEnd()
        return ScannedText(pieces: pieces, letters: letters)
    }

    /// Any scalar but an ASCII letter or digit (`run` takes those itself).
    mutating func step(_ scalar: Unicode.Scalar, next: Unicode.Scalar) {
        if scalar.value >= 0x80, let folded = Self.wordCharacter(scalar) {
            startWordIfNeeded()
            word.append(contentsOf: folded.utf8)
            return
        }
        if Self.isApostrophe(scalar) {
            // Inside a word (`don't`, `sam's`); a quote around words is dropped.
            if !word.isEmpty, Self.isWordCharacter(next) { word.append(UInt8(ascii: "'")) }
        } else if scalar == ".", !word.isEmpty, Self.isWordCharacter(next) {
            word.append(UInt8(ascii: "."))
        } else {
            finishWord(at: scalarIndex)
            separator(scalar, next: next)
        }
    }

    mutating func startWordIfNeeded() {
        if word.isEmpty { wordStart = scalarIndex }
    }

    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
        }
        return wordCharacter(scalar) != nil
    }

    mutating func finishWord(at end: Int) {
        guard !word.isEmpty else { return }
        // `c.v.` -> `cv`, `e.g.` -> `eg`; a number keeps its dot.
        if word.contains(UInt8(ascii: ".")) {
            let isNumber =
                word[0] < 0x80
                ? (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(word[0])
                : String(decoding: word, as: UTF8.self).first?.isNumber ?? false
            if !isNumber { word.removeAll { $0 == UInt8(ascii: ".") } }
        }
        let first = Int32(letters.count)
        letters.append(contentsOf: word)
        word.removeAll(keepingCapacity: true)
        let flags = pendingClauseStart ? Token.startsClause : 0
        pendingClauseStart = false
        pieces.append(
            .word(RawWord(letters: first..<Int32(letters.count), start: Int32(wordStart), end: Int32(end), flags: flags)))
    }

    mutating func separator(_ scalar: Unicode.Scalar, next: Unicode.Scalar) {
        let index = scalarIndex
        switch scalar {
        case "?":
            sentenceBreak(isQuestion: true, at: index)
        case ".", "!", ";", "\n", "\u{2026}", "\u{2029}", "\u{2028}":
            if scalar == ".", case .word(let last)? = pieces.last, last.end == Int32(index), isAbbreviation(last) {
                return
            }
            sentenceBreak(isQuestion: false, at: index)
        case ",", ":", "(", ")", "\"", "\u{201C}", "\u{201D}", "\u{2014}", "\u{2013}", "[", "]":
            clauseBreak()
        case "-":
            // A spaced hyphen is a dash between clauses; inside a word it only splits it.
            if previous == " " || next == " " { clauseBreak() }
        default:
            break
        }
    }

    mutating func clauseBreak() {
        markClauseEnd()
        pendingClauseStart = true
    }

    mutating func markClauseEnd() {
        if case .word(var last)? = pieces.last {
            last.flags |= Token.endsClause
            pieces[pieces.count - 1] = .word(last)
        }
    }

    mutating func sentenceBreak(isQuestion: Bool, at index: Int) {
        markClauseEnd()
        pendingClauseStart = true
        if case .sentenceBreak(let wasQuestion, let start, _)? = pieces.last {
            pieces[pieces.count - 1] = .sentenceBreak(
                isQuestion: wasQuestion || isQuestion, start: start, end: Int32(index + 1))
        } else if !pieces.isEmpty {
            pieces.append(.sentenceBreak(isQuestion: isQuestion, start: Int32(index), end: Int32(index + 1)))
        }
    }

    static let abbreviations: [[UInt8]] = ["mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "vs", "etc", "approx"].map { Array($0.utf8) }

    /// Whether a word is one after which a full stop does not end the sentence (`Mr.`).
    func isAbbreviation(_ word: RawWord) -> Bool {
        let lower = Int(word.letters.lowerBound)
        let count = Int(word.letters.upperBound) - lower
        return Self.abbreviations.contains { abbreviation in
            abbreviation.count == count && abbreviation.indices.allSatisfy { letters[lower + $0] == abbreviation[$0] }
        }
    }

    static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "'" || scalar == "\u{2019}" || scalar == "\u{2018}" || scalar == "\u{02BC}" || scalar == "`"
    }

    /// The lower-case, accent-folded form of a letter or digit, or nil for anything else.
    static func wordCharacter(_ scalar: Unicode.Scalar) -> String? {
        let value = scalar.value
        if value < 0x80 {
            switch value {
            case 0x30...0x39, 0x61...0x7A: return String(scalar)
            case 0x41...0x5A: return String(Unicode.Scalar(value + 32)!)
            default: return nil
            }
        }
        if let folded = latinFolds[scalar] { return folded }
        let properties = scalar.properties
        guard properties.isAlphabetic || properties.numericType != nil else { return nil }
        if properties.generalCategory == .nonspacingMark { return "" }
        return properties.lowercaseMapping
    }

    static let latinFolds: [Unicode.Scalar: String] = {
        let pairs: [(String, String)] = [
            ("àáâãäåāăą", "a"), ("ÀÁÂÃÄÅĀĂĄ", "a"), ("çćĉċč", "c"), ("ÇĆĈĊČ", "c"), ("ďđ", "d"), ("ĎĐ", "d"),
            ("èéêëēĕėęě", "e"), ("ÈÉÊËĒĔĖĘĚ", "e"), ("ĝğġģ", "g"), ("ĜĞĠĢ", "g"), ("ìíîïĩīĭįı", "i"),
            ("ÌÍÎÏĨĪĬĮİ", "i"), ("ñńņňŉ", "n"), ("ÑŃŅŇ", "n"), ("òóôõöøōŏő", "o"), ("ÒÓÔÕÖØŌŎŐ", "o"),
            ("ùúûüũūŭůűų", "u"), ("ÙÚÛÜŨŪŬŮŰŲ", "u"), ("ýÿŷ", "y"), ("ÝŸŶ", "y"), ("śŝşš", "s"),
            ("ŚŜŞŠ", "s"), ("źżž", "z"), ("ŹŻŽ", "z"), ("ĺļľŀł", "l"), ("ĹĻĽĿŁ", "l"), ("ŕŗř", "r"),
            ("ŔŖŘ", "r"), ("ţťŧ", "t"), ("ŢŤŦ", "t"), ("ß", "ss"), ("æ", "ae"), ("Æ", "ae"), ("œ", "oe"),
            ("Œ", "oe"),
        ]
        var table: [Unicode.Scalar: String] = [:]
        for (letters, base) in pairs {
            for scalar in letters.unicodeScalars { table[scalar] = base }
        }
        return table
    }()
}
