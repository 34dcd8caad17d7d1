import Foundation
import Testing

@testable import InfoviewCLI
import InfoviewCore

/// Hostile input through the built `infoview` and the terminal layer: whatever comes in, nothing
/// that could steer a terminal comes out (only line feeds and tabs among the controls), and the
/// program neither crashes nor hangs.
@Suite("Fuzz: nothing raw reaches the terminal")
struct FuzzProgramTests {
    /// What must never be written: C0 controls but tab and line feed, DEL, C1 controls, and the
    /// bidirectional embeddings, overrides and isolates.
    static func rawControls(in text: String) -> [String] {
        text.unicodeScalars.compactMap { scalar in
            switch scalar.value {
            case 0x09, 0x0A: return nil
            case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069:
                return "U+" + String(scalar.value, radix: 16, uppercase: true)
            default: return nil
            }
        }
    }

    static func expectClean(_ run: ProgramRun, _ what: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(!run.timedOut, "\(what) did not end", sourceLocation: sourceLocation)
        #expect(run.status == 0 || run.status == 1 || run.status == 2, "\(what): exit \(run.status)", sourceLocation: sourceLocation)
        let raw = Set(rawControls(in: run.output) + rawControls(in: run.errors))
        #expect(raw.isEmpty, "\(what) wrote raw \(raw.sorted())", sourceLocation: sourceLocation)
    }

    /// Lines nobody means to type, as bytes.
    static let hostileLines: [[UInt8]] = {
        var lines: [[UInt8]] = [
            Array("\u{1B}]0;owned\u{7}Are you hiring?".utf8),
            Array("\u{1B}[2J\u{1B}[H\u{1B}[31mCould you refer me?\u{1B}[0m".utf8),
            Array("\u{1B}[201~/quit".utf8),
            Array("\u{202E}?gnirih uoy erA\u{202C} \u{2066}x\u{2069}".utf8),
            [0x41, 0xFF, 0xFE, 0xC3, 0x28, 0x00, 0x9B, 0x32, 0x4A, 0xC2, 0x9B, 0x33, 0x4A, 0x0D],
            Array((0..<32).filter { $0 != 10 }.map { UInt8($0) }) + [0x7F] + Array("\u{85}\u{9B}\u{9D}".utf8),
        ]
        lines.append(Array(String(repeating: "are you hiring \u{1B}[5m", count: 30_000).utf8))  // about 600 KB
        return lines
    }()

    @Test("check, as diagnostics, with --explain, as JSON and as JSON lines")
    func check() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let file = sandbox.home.appendingPathComponent("hostile\u{1B}[31m.txt")
        try Data(Self.hostileLines.joined(separator: [0x0A])).write(to: file)
        for arguments in [["check", file.path], ["check", "--explain", file.path], ["check", "--format", "json", file.path],
                          ["check", "--channel", "spoken", "--context", "\u{1B}]0;x\u{7}", file.path]] {
            Self.expectClean(try sandbox.run([], arguments: arguments, timeout: 120), arguments.joined(separator: " "))
        }
        let jsonLines = Self.hostileLines.prefix(6).map { line -> String in
            let text = String(decoding: line, as: UTF8.self).unicodeScalars.map { scalar -> String in
                switch scalar {
                case "\"": return "\\\""
                case "\\": return "\\\\"
                case _ where scalar.value < 0x20: return String(format: "\\u%04x", scalar.value)
                default: return String(scalar)
                }
            }.joined()
            return "{\"id\": \"\(text)\", \"text\": \"\(text)\", \"context\": \"\(text)\"}"
        }
        let input = Array((jsonLines + ["not json \u{1B}[31m", "{\"text\": 5}"]).joined(separator: "\n").utf8)
        Self.expectClean(try sandbox.run(input, arguments: ["check", "--jsonl"], timeout: 120), "check --jsonl")
        Self.expectClean(try sandbox.run(Self.hostileLines[0], arguments: ["check", "/no/such\u{1B}[31m/file"]), "check on a missing file")
    }

    @Test("the chat: hostile names, answers, commands, /check and /show")
    func chat() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        var input: [UInt8] = Array("/prepare ".utf8) + Self.hostileLines[0] + [0x0A]
        for line in Self.hostileLines { input += line + [0x0A] }
        input += Array("stop\n/list\n/show ".utf8) + Self.hostileLines[0] + [0x0A]
        for line in Self.hostileLines.prefix(6) {
            input += Array("/check ".utf8) + line + [0x0A]
            input += Array("/".utf8) + line + [0x0A]  // an unknown command
            input += line + [0x0A]  // at the home prompt
        }
        input += Array("/why\n/mute \u{1B}[31m\n/resume \u{1B}]0;x\u{7}\n".utf8)
        let run = try sandbox.run(input, timeout: 120)
        Self.expectClean(run, "the chat")
        #expect(run.status == 0, "\(run.errors)")
        let again = try sandbox.run(Array("/list\n".utf8))
        Self.expectClean(again, "the greeting and /list after it")
        #expect(again.output.contains("^[]0;owned^GAre you hiring?"), "\(again.output)")
    }

    @Test("TerminalText.sanitize leaves no control raw in random text", arguments: [1, 2, 3])
    func sanitize(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        for _ in 0..<2000 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0..<40, using: &random) {
                let nearControls = Bool.random(using: &random)
                let value = UInt32.random(in: 0...(nearControls ? 0x2100 : 0x10FFFF), using: &random)
                text.append(Unicode.Scalar(value) ?? "\u{FFFD}")
            }
            let clean = TerminalText.sanitize(String(text))
            #expect(Self.rawControls(in: clean).filter { $0 != "U+A" }.isEmpty, "\(String(text).debugDescription)")
            for width in [1, 2, 20, 80] {
                for row in TerminalText.wrap(clean.replacingOccurrences(of: "^J", with: " "), width: width) {
                    #expect(Self.rawControls(in: row).isEmpty)
                }
            }
        }
    }
}
