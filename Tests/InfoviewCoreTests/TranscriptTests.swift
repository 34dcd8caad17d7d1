import Foundation
import Testing
@testable import InfoviewCore

/// A golden transcript: `# seed: N`, then the greeting, then `> typed` lines each followed by the
/// reply. `# interrupt` is Ctrl-C on an empty line, `# eof` is Ctrl-D, `# restart` starts the app
/// again on the same database without saying goodbye (as after `kill -9`); any other `#` line is a
/// comment.
struct Transcript {
    enum Event: Equatable {
        case typed(String), interrupt, endOfInput, restart, comment(String)
    }

    var seed: UInt64
    var events: [Event]

    init(parsing text: String, file: String) throws {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        guard let first = lines.first, first.hasPrefix("# seed: "), let seed = UInt64(first.dropFirst(8)) else {
            throw TranscriptError("\(file):1: expected '# seed: N' on the first line")
        }
        self.seed = seed
        events = lines.dropFirst().compactMap { line in
            if line.hasPrefix("> ") || line == ">" { return .typed(String(line.dropFirst(2))) }
            switch line {
            case "# interrupt": return .interrupt
            case "# eof": return .endOfInput
            case "# restart": return .restart
            default: return line.hasPrefix("#") ? .comment(line) : nil
            }
        }
    }

    /// Plays the events against the real prompts and a fresh database file, and writes the whole
    /// transcript as it should read.
    func replay(library: PromptLibrary, databasePath: String) throws -> String {
        var output = ["# seed: \(seed)"]
        let store = try Store(path: databasePath)
        func start() throws -> ChatSession {
            var session = try ChatSession(library: library, store: store, seed: seed, clock: { TestSupport.now })
            output += try lines(session.greeting())
            return session
        }
        var session = try start()
        for event in events {
            switch event {
            case .typed(let line):
                output.append("> " + line)
                output += try lines(session.handle(line))
            case .interrupt:
                output.append("# interrupt")
                output += try lines(session.interrupt())
            case .endOfInput:
                output.append("# eof")
                output += try lines(session.endOfInput())
            case .restart:
                output.append("# restart")
                session = try start()
            case .comment(let text):
                output.append(text)
            }
        }
        return output.joined(separator: "\n") + "\n"
    }

    private func lines(_ reply: Reply) throws -> [String] {
        let lines = reply.lines.map(\.text)
        if let bad = lines.first(where: { $0.hasPrefix("#") || $0.hasPrefix(">") }) {
            throw TranscriptError("a reply line starts with '#' or '>', which a transcript cannot tell from input: \(bad)")
        }
        return lines
    }
}

struct TranscriptError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

enum TranscriptFiles {
    static var names: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: TestSupport.transcriptsFolder)) ?? [])
            .filter { $0.hasSuffix(".transcript") }.sorted()
    }
}

@Test("every golden transcript replays word for word", arguments: TranscriptFiles.names)
func transcript(name: String) throws {
    let path = (TestSupport.transcriptsFolder as NSString).appendingPathComponent(name)
    let expected = try String(contentsOfFile: path, encoding: .utf8)
    let transcript = try Transcript(parsing: expected, file: name)
    let folder = try TestSupport.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let actual = try transcript.replay(
        library: TestSupport.library(), databasePath: folder.appendingPathComponent("infoview.sqlite").path)
    if ProcessInfo.processInfo.environment["RECORD_TRANSCRIPTS"] == "1" {
        try actual.write(toFile: path, atomically: true, encoding: .utf8)
    } else {
        #expect(actual == expected, "\(name) differs; rerun with RECORD_TRANSCRIPTS=1 to rewrite it, then review the diff")
    }
}

@Test("there are golden transcripts to replay")
func transcriptsExist() {
    #expect(TranscriptFiles.names.count >= 7)
}
