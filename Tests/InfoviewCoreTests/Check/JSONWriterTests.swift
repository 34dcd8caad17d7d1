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
