import Testing
@testable import InfoviewCore

@Suite("check --jsonl lines")
struct CheckReportTests {
    @Test("a verdict echoes the id exactly and lists flags with offsets")
    func verdict() throws {
        var coach = try Shipped.library().coach()
        let line = CheckReport.answer(jsonLine: Array(#"{"id": 7, "text": "Can you refer me?", "channel": "spoken"}"#.utf8), coach: &coach)
        let verdict = try JSONValue.parse(Array(line.utf8))
        #expect(verdict["id"] == .number("7"))
        #expect(verdict["flagged"] == .bool(true))
        guard case .array(let flags)? = verdict["flags"], case .object? = flags.first else {
            Issue.record("no flags in \(line)")
            return
        }
        #expect(flags.first?["quote"]?.string == "refer me")
        #expect(flags.first?["start"] == .number("8"))
        #expect(flags.first?["severity"]?.string == "pitch")
    }

    @Test(arguments: [
        (#"not json"#, "not a JSON object"),
        (#"[1,2]"#, "each line must be a JSON object"),
        (#"{"id":"a"}"#, "the object has no \"text\" string"),
        (#"{"id":"a","text":"hi","channel":"fax"}"#, "unknown channel 'fax'"),
    ])
    func badLine(input: String, message: String) throws {
        var coach = try Shipped.library().coach()
        let line = CheckReport.answer(jsonLine: Array(input.utf8), coach: &coach)
        let verdict = try JSONValue.parse(Array(line.utf8))
        #expect(verdict["error"]?.string?.contains(message) == true)
        #expect(verdict["flagged"] == .bool(false))
    }

    @Test("control characters and escapes in text come back escaped, never raw")
    func escaping() throws {
        var coach = try Shipped.library().coach()
        let input = #"{"id":"x","text":"hire me\u001b]0;title\u0007 \u202e now"}"#
        let line = CheckReport.answer(jsonLine: Array(input.utf8), coach: &coach)
        #expect(!line.unicodeScalars.contains { $0.value < 0x20 || (0x80...0x9F).contains($0.value) })
        #expect(try JSONValue.parse(Array(line.utf8))["id"]?.string == "x")
    }

    @Test("invalid UTF-8 inside a string is replaced, not refused")
    func invalidUTF8() throws {
        var coach = try Shipped.library().coach()
        var bytes = Array(#"{"id":1,"text":"are you hiring "#.utf8)
        bytes += [0xFF, 0xFE]
        bytes += Array(#""}"#.utf8)
        let verdict = try JSONValue.parse(Array(CheckReport.answer(jsonLine: bytes, coach: &coach).utf8))
        #expect(verdict["flagged"] == .bool(true))
    }

    @Test("diagnostics name file, line and column")
    func diagnostics() throws {
        var coach = try Shipped.library().coach()
        let text = "Dear Ms. Ray,\nThank you! Are you hiring?\n"
        let findings = coach.checkDocument(text, channel: .email)
        let lines = CheckReport.diagnostics(for: findings, in: text, file: "mail.txt")
        let pitch = lines.first { $0.contains(": pitch: ") }
        #expect(pitch?.hasPrefix("mail.txt:2:12: pitch: ") == true)
        #expect(pitch?.hasSuffix("[ask-openings/are-you-hiring]") == true)
        #expect(lines.contains { $0.hasPrefix("    instead: ") })
    }
}
