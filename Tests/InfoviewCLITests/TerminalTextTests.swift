import Testing

@testable import InfoviewCLI

@Suite("TerminalText")
struct TerminalTextTests {
    @Test(
        "sanitising makes every control visible and leaves other text alone",
        arguments: [
            ("plain text, café, 日本語 ✓", "plain text, café, 日本語 ✓"),
            ("a\tb", "a\tb"),
            ("\u{1B}[31mred\u{1B}[0m", "^[[31mred^[[0m"),
            ("\u{1B}]0;x\u{07}", "^[]0;x^G"),
            ("end of paste\u{1B}[201~", "end of paste^[[201~"),
            ("nul\u{0}here", "nul^@here"),
            ("bell\u{7}", "bell^G"),
            ("cr\rlf\n", "cr^Mlf^J"),
            ("del\u{7F}", "del^?"),
            ("csi\u{9B}2J", "csi<U+009B>2J"),
            ("c1 \u{80} and \u{9F}", "c1 <U+0080> and <U+009F>"),
            ("abc\u{202E}fed", "abc<U+202E>fed"),
            ("\u{202A}\u{202B}\u{202C}\u{202D}", "<U+202A><U+202B><U+202C><U+202D>"),
            ("\u{2066}iso\u{2069} \u{2067}\u{2068}", "<U+2066>iso<U+2069> <U+2067><U+2068>"),
            ("\u{200F}rlm and \u{A0}nbsp", "\u{200F}rlm and \u{A0}nbsp"),
            ("", ""),
        ])
    func sanitize(input: String, expected: String) {
        #expect(TerminalText.sanitize(input) == expected)
    }

    @Test("no character that steers a terminal survives sanitising")
    func sanitizeLeavesNoControls() {
        let everything = String(String.UnicodeScalarView((0...0x3000).compactMap(Unicode.Scalar.init)))
        let clean = TerminalText.sanitize(everything)
        let survivors = clean.unicodeScalars.filter { scalar in
            (scalar.value < 0x20 && scalar != "\t") || (0x7F...0x9F).contains(scalar.value)
                || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
        }
        #expect(survivors.isEmpty)
    }

    @Test(
        "width counts terminal columns",
        arguments: [("abc", 3), ("café", 4), ("e\u{301}", 1), ("日本", 4), ("👍", 2), ("❤️", 2), ("한글", 4), ("", 0)])
    func width(text: String, columns: Int) {
        #expect(TerminalText.displayWidth(text) == columns)
    }

    @Test("tabs expand to the next multiple of eight")
    func tabs() {
        #expect(TerminalText.expandTabs("a\tb") == "a       b")
        #expect(TerminalText.expandTabs("12345678\tx") == "12345678        x")
        #expect(TerminalText.expandTabs("日\tx") == "日      x")
    }

    @Test("a line that fits is returned unchanged, trailing spaces and all")
    func fits() {
        #expect(TerminalText.wrap("short line  ", width: 20) == ["short line  "])
        #expect(TerminalText.wrap(String(repeating: "x", count: 80), width: 80) == [String(repeating: "x", count: 80)])
    }

    @Test("words wrap at 20 columns")
    func wrapsAt20() {
        let rows = TerminalText.wrap("The quick brown fox jumps over the lazy dog again", width: 20)
        #expect(rows == ["The quick brown fox", "jumps over the lazy", "dog again"])
    }

    @Test("words wrap at 80 columns without losing a word")
    func wrapsAt80() {
        let words = (1...40).map { "word\($0)" }
        let rows = TerminalText.wrap(words.joined(separator: " "), width: 80)
        #expect(rows.count == 4)
        #expect(rows.allSatisfy { TerminalText.displayWidth($0) <= 80 })
        #expect(rows.joined(separator: " ").split(separator: " ").map(String.init) == words)
    }

    @Test("a word longer than the width is cut")
    func longWord() {
        let rows = TerminalText.wrap("see " + String(repeating: "a", count: 45) + " end", width: 20)
        #expect(rows == ["see", String(repeating: "a", count: 20), String(repeating: "a", count: 20), "aaaaa end"])
    }

    @Test("wide characters never straddle the edge")
    func wideCharacters() {
        let rows = TerminalText.wrap(String(repeating: "日", count: 15), width: 20)
        #expect(rows == [String(repeating: "日", count: 10), String(repeating: "日", count: 5)])
    }

    @Test(
        "indented lines and bullets continue under their text",
        arguments: [
            ("- one two three four five six", ["- one two three four", "  five six"]),
            ("  indented words go on and on", ["  indented words go", "  on and on"]),
            ("  • bullet with more words here", ["  • bullet with more", "    words here"]),
            ("12. numbered item that wraps", ["12. numbered item", "    that wraps"]),
        ])
    func hangingIndent(line: String, expected: [String]) {
        #expect(TerminalText.wrap(line, width: 20) == expected)
    }

    @Test("an indent of half the width or more is not kept")
    func deepIndent() {
        let rows = TerminalText.wrap(String(repeating: " ", count: 12) + "deep words here", width: 20)
        #expect(rows == [String(repeating: " ", count: 12) + "deep", "words here"])
    }

    @Test("wrapping takes linear time on a long line")
    func longLine() {
        let line = String(repeating: "lorem ipsum ", count: 50_000)
        let rows = TerminalText.wrap(line, width: 80)
        #expect(rows.allSatisfy { TerminalText.displayWidth($0) <= 80 })
        #expect(rows.count > 7_000)
    }
}
