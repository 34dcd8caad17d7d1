import Foundation
import Testing

@testable import InfoviewCLI

@Suite("PlainLineReader")
struct PlainLineReaderTests {
    /// Every event until the end, reading `bytes` through a pipe in chunks of `chunkSize`.
    func events(_ bytes: [UInt8], chunkSize: Int = 1 << 16) throws -> [LineEvent] {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("infoview-plain-\(UUID().uuidString)")
        try Data(bytes).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let descriptor = open(file.path, O_RDONLY)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        var reader = PlainLineReader(fileDescriptor: descriptor, chunkSize: chunkSize)
        var events: [LineEvent] = []
        while true {
            let event = reader.readLine(prompt: "> ")
            events.append(event)
            if event == .end { return events }
            try #require(events.count < 10_000, "the reader never reached the end")
        }
    }

    @Test("lines come without endings; a last line without newline counts", arguments: [1, 2, 5, 1 << 16])
    func lines(chunkSize: Int) throws {
        let input = Array("one\ntwo\r\n\nlast".utf8)
        #expect(try events(input, chunkSize: chunkSize) == [.line("one"), .line("two"), .line(""), .line("last"), .end])
    }

    @Test("empty input ends at once; a final newline adds no empty line")
    func endings() throws {
        #expect(try events([]) == [.end])
        #expect(try events(Array("only\n".utf8)) == [.line("only"), .end])
    }

    @Test("invalid UTF-8 becomes U+FFFD and NUL bytes stay in the line")
    func invalidBytes() throws {
        let input: [UInt8] = [0x61, 0xFF, 0x62, 0xC3, 0x0A, 0x00, 0x63, 0x0A]
        #expect(try events(input) == [.line("a\u{FFFD}b\u{FFFD}"), .line("\u{0}c"), .end])
    }

    @Test("a line of several megabytes arrives whole", arguments: [4096, 1 << 16])
    func hugeLine(chunkSize: Int) throws {
        let long = [UInt8](repeating: 0x78, count: 5_000_000)
        let result = try events(long + [0x0A] + Array("next".utf8), chunkSize: chunkSize)
        #expect(result.count == 3)
        guard case .line(let first) = result.first else {
            Issue.record("expected a line, got \(result)")
            return
        }
        #expect(first.utf8.count == 5_000_000)
        #expect(first.utf8.allSatisfy { $0 == 0x78 })
        #expect(result.dropFirst() == [.line("next"), .end])
    }
}
