/// Text as a terminal will show it: made harmless, measured in columns, wrapped.
///
/// Everything here is a pure function of its arguments, so the rules can be tested without a
/// terminal. Text from the user or from files passes through `sanitize` before it is written.
enum TerminalText {
    /// The text with every character that could steer the terminal made visible.
    ///
    /// - C0 controls except tab, and DEL, become caret notation: ESC is `^[`, BEL `^G`, NUL `^@`,
    ///   DEL `^?`. An escape sequence therefore shows as text and is never obeyed.
    /// - C1 controls (U+0080–U+009F, which some terminals obey like ESC sequences) and the
    ///   bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069, which
    ///   can make text display in a different order than it reads) become `<U+XXXX>`.
    /// - Everything else, tabs included, is left as it is.
    static func sanitize(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        // Built as a String with room reserved: appending to a bare UnicodeScalarView copies it
        // each time, which made a pasted text of a few megabytes take minutes.
        var result = ""
        result.reserveCapacity(text.utf8.count + 64)
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) {
                result += visibleForm(of: scalar)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// The number of terminal columns the text takes (tabs count as one: expand them first).
    static func displayWidth(_ text: Substring) -> Int {
        text.reduce(0) { $0 + displayWidth(of: $1) }
    }

    /// The number of terminal columns the text takes (tabs count as one: expand them first).
    static func displayWidth(_ text: String) -> Int {
        displayWidth(text[...])
    }

    /// The number of columns one character takes: 0 for marks that combine with the one before,
    /// 2 for East Asian wide characters and emoji, otherwise 1.
    static func displayWidth(of character: Character) -> Int {
        if character.isASCII { return 1 }
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if scalars.contains(where: { $0.properties.isEmojiPresentation }) { return 2 }
        if scalars.contains("\u{FE0F}") && first.properties.isEmoji { return 2 }
        return width(of: first)
    }

    /// Replaces each tab with spaces up to the next multiple of `tabWidth` columns.
    static func expandTabs(_ text: String, tabWidth: Int = 8) -> String {
        guard text.contains("\t") else { return text }
        var result = ""
        var column = 0
        for character in text {
            if character == "\t" {
                let spaces = tabWidth - column % tabWidth
                result.append(String(repeating: " ", count: spaces))
                column += spaces
            } else {
                result.append(character)
                column += displayWidth(of: character)
            }
        }
        return result
    }

    /// Splits one line into rows of at most `width` columns, breaking between words.
    ///
    /// A line that starts with spaces or with a bullet (`- `, `* `, `• `, `1. `) continues under
    /// its text (a hanging indent), unless that indent would take half the width or more. A word
    /// longer than a row is cut. Spaces where a row breaks are dropped; a line that fits is
    /// returned unchanged. Tabs are expanded first.
    static func wrap(_ line: String, width: Int) -> [String] {
        let width = max(width, 1)
        let line = expandTabs(line)
        guard displayWidth(line) > width else { return [line] }
        var indent = hangingIndent(of: line)
        if indent * 2 >= width { indent = 0 }
        var wrapper = Wrapper(width: width, continuation: String(repeating: " ", count: indent))
        for token in tokens(of: line) {
            if token.first == " " {
                wrapper.addSpaces(token)
            } else {
                wrapper.addWord(token)
            }
        }
        return wrapper.finish()
    }
}

extension TerminalText {
    /// Whether a character beyond ASCII steers the terminal or the text's direction: the C1
    /// controls and the bidirectional embeddings, overrides and isolates.
    static func isHiddenControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x80...0x9F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}

private extension TerminalText {
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09: return false
        case 0x00...0x1F, 0x7F: return true
        default: return isHiddenControl(scalar)
        }
    }

    static func visibleForm(of scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x00...0x1F: return "^" + String(Unicode.Scalar(UInt8(scalar.value + 0x40)))
        case 0x7F: return "^?"
        default:
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">"
        }
    }

    static func width(of scalar: Unicode.Scalar) -> Int {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        let value = scalar.value
        if (0x1160...0x11FF).contains(value) { return 0 }  // Hangul vowels and finals join the syllable
        return wideRanges.contains { $0.contains(value) } ? 2 : 1
    }

    /// East Asian Wide and Fullwidth blocks, and the emoji blocks terminals draw two columns wide.
    static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
        0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
        0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
        0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]

    /// Leading spaces, plus a bullet and the spaces after it.
    static func hangingIndent(of line: String) -> Int {
        let spaces = line.prefix { $0 == " " }.count
        let rest = line.dropFirst(spaces)
        var marker = 0
        if let first = rest.first, "-*+•–·".contains(first), rest.dropFirst().first == " " {
            marker = 1
        } else {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }.count
            let after = rest.dropFirst(digits)
            if digits > 0, digits <= 3, let mark = after.first, mark == "." || mark == ")",
                after.dropFirst().first == " "
            {
                marker = digits + 1
            }
        }
        if marker == 0 { return spaces }
        let gap = rest.dropFirst(marker).prefix { $0 == " " }.count
        return spaces + marker + gap
    }

    /// Alternating runs of spaces and of other characters.
    static func tokens(of line: String) -> [Substring] {
        var tokens: [Substring] = []
        var start = line.startIndex
        var index = line.startIndex
        while index < line.endIndex {
            let isSpace = line[index] == " "
            var end = line.index(after: index)
            while end < line.endIndex, (line[end] == " ") == isSpace { end = line.index(after: end) }
            tokens.append(line[start..<end])
            start = end
            index = end
        }
        return tokens
    }

    /// Greedy word-wrapping state: the rows so far and the row being filled.
    struct Wrapper {
        let width: Int
        let continuation: String
        var rows: [String] = []
        var row = ""
        var rowWidth = 0
        var rowHasWord = false
        var pendingSpaces: Substring = ""

        init(width: Int, continuation: String) {
            self.width = width
            self.continuation = continuation
        }

        mutating func addSpaces(_ spaces: Substring) {
            if rows.isEmpty && !rowHasWord {
                row += spaces  // the first row keeps its own indentation
                rowWidth += spaces.count
            } else {
                pendingSpaces = spaces
            }
        }

        mutating func addWord(_ word: Substring) {
            let wordWidth = TerminalText.displayWidth(word)
            if rowWidth + pendingSpaces.count + wordWidth <= width {
                row += pendingSpaces
                row += word
                rowWidth += pendingSpaces.count + wordWidth
                rowHasWord = true
                pendingSpaces = ""
                return
            }
            if rowHasWord { startRow() }
            pendingSpaces = ""
            if rowWidth >= width { startRow(indent: false) }
            var remaining = word[...]
            while !remaining.isEmpty {
                let room = width - rowWidth
                var taken = 0
                var end = remaining.startIndex
                while end < remaining.endIndex {
                    let columns = TerminalText.displayWidth(of: remaining[end])
                    if taken + columns > room && taken > 0 { break }
                    if taken + columns > room && rowWidth > 0 { break }
                    taken += columns
                    end = remaining.index(after: end)
                }
                if end == remaining.startIndex {
                    startRow(indent: false)  // not even one character fits after the indent
                    continue
                }
                row += remaining[..<end]
                rowWidth += taken
                rowHasWord = true
                remaining = remaining[end...]
                if !remaining.isEmpty { startRow() }
            }
        }

        mutating func startRow(indent: Bool = true) {
            rows.append(row)
            row = indent ? continuation : ""
            rowWidth = indent ? continuation.count : 0
            rowHasWord = false
        }

        mutating func finish() -> [String] {
            if rowHasWord || rows.isEmpty { rows.append(row) }
            return rows
        }
    }
}
