/// Splits text into words and sentence breaks, keeping every word's place in the original.
///
/// Words are lower-cased, common Latin accents are folded (`résumé` -> `resume`) and apostrophes
/// are unified; hyphens inside a word split it (`part-time` -> `part time`). `.` `!` `;` `?` and
/// line breaks end a sentence (not after `Mr.` or inside `3.30` or `c.v.`); commas, colons,
/// dashes, brackets and quotes end a clause.
enum Tokenizer {
    static func pieces(of text: String) -> [RawPiece] {
        var scanner = Scanner(scalars: Array(text.unicodeScalars))
        return scanner.run()
    }
}

private struct Scanner {
    let scalars: [Unicode.Scalar]
    var pieces: [RawPiece] = []
    var word = String.UnicodeScalarView()
    var wordStart = 0
    var pendingClauseStart = true

    init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
        pieces.reserveCapacity(scalars.count / 4 + 4)
    }

    mutating func run() -> [RawPiece] {
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if let folded = Self.wordCharacter(scalar) {
                if word.isEmpty { wordStart = index }
                word.append(contentsOf: folded.unicodeScalars)
            } else if Self.isApostrophe(scalar) {
                // Inside a word (`don't`, `sam's`) or closing one (`competitors'`).
                if !word.isEmpty {
                    if index + 1 < scalars.count, Self.wordCharacter(scalars[index + 1]) != nil {
                        word.append("'")
                    }
                }
            } else if scalar == "." && !word.isEmpty && continuesWord(at: index) {
                word.append(".")
            } else {
                finishWord(at: index)
                separator(scalar, at: index)
            }
            index += 1
        }
        finishWord(at: scalars.count)
        markClauseEnd()
        return pieces
    }

    /// `3.30`, `pixel.com`, `c.v.`: a dot with a letter or digit right after it stays in the word.
    func continuesWord(at index: Int) -> Bool {
        guard index + 1 < scalars.count else { return false }
        return Self.wordCharacter(scalars[index + 1]) != nil
    }

    mutating func finishWord(at end: Int) {
        guard !word.isEmpty else { return }
        var text = String(word)
        word = String.UnicodeScalarView()
        // `c.v.` -> `cv`, `e.g.` -> `eg`; a number keeps its dot.
        if text.contains(".") && !(text.first?.isNumber ?? false) {
            text = text.filter { $0 != "." }
        }
        let flags = pendingClauseStart ? Token.startsClause : 0
        pendingClauseStart = false
        pieces.append(.word(RawWord(text: text, start: Int32(wordStart), end: Int32(end), flags: flags)))
    }

    mutating func separator(_ scalar: Unicode.Scalar, at index: Int) {
        switch scalar {
        case "?":
            sentenceBreak(isQuestion: true, at: index)
        case ".", "!", ";", "\n", "\u{2026}", "\u{2029}", "\u{2028}":
            if scalar == ".", case .word(let last)? = pieces.last, Self.abbreviations.contains(last.text),
                last.end == Int32(index)
            {
                return
            }
            sentenceBreak(isQuestion: false, at: index)
        case ",", ":", "(", ")", "\"", "\u{201C}", "\u{201D}", "\u{2014}", "\u{2013}", "[", "]":
            clauseBreak()
        case "-":
            // A spaced hyphen is a dash between clauses; inside a word it only splits it.
            let before = index > 0 ? scalars[index - 1] : " "
            let after = index + 1 < scalars.count ? scalars[index + 1] : " "
            if before == " " || after == " " { clauseBreak() }
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

    static let abbreviations: Set<String> = ["mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "vs", "etc", "approx"]

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
