import Testing

@testable import InfoviewCore

@Suite("JSON reader")
struct JSONValueTests {
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
