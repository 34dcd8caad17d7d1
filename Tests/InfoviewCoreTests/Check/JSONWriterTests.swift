import Testing

@testable import InfoviewCore

@Suite("JSON writer")
struct JSONWriterTests {
    /// What each character must become, written out one by one.
    static func expected(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{00}"..<"\u{20}", "\u{7F}"..."\u{9F}", "\u{2028}"..."\u{202E}", "\u{2066}"..."\u{2069}":
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    @Test(
        "every character that needs escaping is escaped wherever it stands in a long run of plain text",
        arguments: ["\"", "\\", "\n", "\r", "\t", "\u{01}", "\u{1F}", "\u{7F}", "\u{85}", "\u{2028}", "\u{2029}", "\u{202E}", "\u{2066}", "é", "’", "😀"])
    func escapesAtEveryPosition(special: String) {
        for length in [0, 1, 7, 8, 9, 15, 16, 17, 23] {
            for position in 0...length {
                let plain = String(repeating: "abcdefgh ", count: 3).prefix(length)
                let text = String(plain.prefix(position)) + special + String(plain.dropFirst(position))
                var writer = JSONWriter()
                writer.string(text)
                #expect(writer.text == Self.expected(text), "\(length) \(position)")
            }
        }
    }

    @Test("plain printable ASCII passes through whole, in runs of any length")
    func plainText() {
        let text = String((0x20...0x7E).map { Character(Unicode.Scalar(UInt8($0))) }.filter { $0 != "\"" && $0 != "\\" })
        for length in 0...text.count {
            var writer = JSONWriter()
            writer.string(String(text.prefix(length)))
            #expect(writer.text == "\"" + text.prefix(length) + "\"")
        }
    }
}

@Suite("JSON reader")
struct JSONReaderTests {
    @Test("numbers follow JSON's grammar and are kept as written", arguments: ["0", "7", "-3", "12345678901234567890", "1.5", "-0.25", "1e3", "2E-7", "6.02e+23"])
    func numbers(text: String) throws {
        #expect(try JSONValue.parse(Array(text.utf8)) == .number(text))
        #expect(try JSONValue.parse(Array(#"{"id":\#(text)}"#.utf8))["id"] == .number(text))
    }

    @Test("what only looks like a number is refused, with where", arguments: ["+1", "01", "1.", ".5", "1e", "1e+", "--1", "1-2", "1.2.3", "-"])
    func notNumbers(text: String) {
        #expect(throws: JSONError.self) { try JSONValue.parse(Array(text.utf8)) }
    }

    @Test("a line read from a slice of a larger buffer parses as the same line alone")
    func slices() throws {
        let block = Array((#"{"id":1,"text":"a"}"# + "\n" + #"{"id":2,"text":"b\"c"}"#).utf8)
        let lines = block.split(separator: 0x0A)
        #expect(try JSONValue.parse(lines[1])["text"]?.string == "b\"c")
        #expect(try JSONValue.parse(lines[0]) == JSONValue.parse(Array(lines[0])))
    }
}
