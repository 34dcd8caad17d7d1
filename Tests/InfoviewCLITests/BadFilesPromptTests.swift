import Foundation
import Testing

/// Mistakes a person makes in an edited copy of `prompts/` (`--prompts DIR`), one kind at a time,
/// added to a copy of the shipped files: `prompts verify` and `check` fail on each, naming the
/// file and line; the chat still starts, with the built-in prompts, and says why.
@Suite("Bad files: an edited prompts folder")
struct BadFilesPromptTests {
    /// One kind of mistake: text appended to a file, the line (counted within the appended text,
    /// from 1) the mistake must be reported at, and words the message must contain.
    struct Mistake: Sendable, CustomTestStringConvertible {
        var name: String
        var file: String
        var appended: String
        var line: Int
        var says: String
        /// Saved as Latin-1 rather than UTF-8.
        var isLatin1 = false
        var testDescription: String { name }
    }

    /// The shipped `prompts/` folder of this checkout.
    static let promptsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("prompts").path

    static let mistakes: [Mistake] = [
        Mistake(name: "a misspelled key in a step", file: "flows/prepare.flow",
                appended: "step extra\n  ask: Anything else?\n  aks: typo\n", line: 3, says: "unknown key 'aks' (expected ask,"),
        Mistake(name: "a misspelled block header", file: "flows/prepare.flow",
                appended: "stpe extra\n  ask: Anything else?\n", line: 1, says: "unknown block 'stpe'"),
        Mistake(name: "a step without a question", file: "flows/prepare.flow",
                appended: "step extra\n  save: extra\n  label: Extra\n", line: 1, says: "no 'ask:' line"),
        Mistake(name: "a step defined twice", file: "flows/prepare.flow",
                appended: "step role\n  ask: Again?\n", line: 1, says: "'role' is defined twice (first at"),
        Mistake(name: "a jump to a step that is not there", file: "flows/prepare.flow",
                appended: "step extra\n  ask: Anything else?\n  next: nowhere\n", line: 3, says: "no step named 'nowhere'"),
        Mistake(name: "an answer kind that does not exist", file: "flows/prepare.flow",
                appended: "step extra\n  ask: Anything else?\n  answer: maybe\n", line: 3, says: "'answer: maybe' is not valid (expected"),
        Mistake(name: "an indented line without a key", file: "flows/prepare.flow",
                appended: "step extra\n  ask: Anything else?\n  just some words\n", line: 3, says: "cannot read '"),
        Mistake(name: "a pattern with an unclosed bracket", file: "rules/pitch.rules",
                appended: "rule extra/unclosed\n  severity: pitch\n  kind: ask-job\n  when: (are you hiring\n  why: Because.\n  instead: What do you look for?\n",
                line: 4, says: "bad pattern: '(' is never closed with ')'"),
        Mistake(name: "a concept that is not defined", file: "rules/pitch.rules",
                appended: "rule extra/concept\n  severity: pitch\n  kind: ask-job\n  when: ~no-such-concept please\n  why: Because.\n  instead: What do you look for?\n",
                line: 4, says: "no concept named '~no-such-concept'"),
        Mistake(name: "a severity that does not exist", file: "rules/pitch.rules",
                appended: "rule extra/severity\n  severity: fatal\n  kind: ask-job\n  when: hire me now\n  why: Because.\n  instead: What do you look for?\n",
                line: 2, says: "'severity: fatal' is not valid (expected"),
        Mistake(name: "a misspelled key in a message", file: "chat/home.messages",
                appended: "message extra\n  sya: Hello\n", line: 2, says: "unknown key 'sya'"),
        Mistake(name: "a line that is not UTF-8", file: "rules/words.rules",
                appended: "# A note saved in Latin-1:\n# caf\u{E9} au lait\n", line: 2, says: "this line is not UTF-8 text", isLatin1: true),
    ]

    /// A copy of the shipped prompts with `mistake` appended; returns the folder and the mistake's line.
    static func brokenCopy(_ mistake: Mistake, in sandbox: Sandbox) throws -> (folder: String, line: Int) {
        let folder = sandbox.home.appendingPathComponent("my-prompts")
        try FileManager.default.copyItem(atPath: Self.promptsFolder, toPath: folder.path)
        let file = folder.appendingPathComponent(mistake.file)
        var bytes = try Data(contentsOf: file)
        if bytes.last != 0x0A { bytes.append(0x0A) }
        bytes.append(0x0A)  // a blank line before the new block
        let before = bytes.filter { $0 == 0x0A }.count
        let appended = mistake.isLatin1 ? mistake.appended.data(using: .isoLatin1) : Data(mistake.appended.utf8)
        bytes.append(try #require(appended))
        try bytes.write(to: file)
        return (folder.path, before + mistake.line)
    }

    @Test("prompts verify, check and the chat on each kind of mistake", arguments: mistakes)
    func mistake(_ mistake: Mistake) throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let (folder, line) = try Self.brokenCopy(mistake, in: sandbox)
        let at = "\(folder)/\(mistake.file):\(line): "

        let verify = try sandbox.run([], arguments: ["prompts", "verify", "--prompts", folder])
        #expect(verify.status == 1)
        let reported = verify.errors.split(separator: "\n").first.map(String.init) ?? ""
        #expect(reported.hasPrefix(at) || reported.hasPrefix("Error: " + at), "\(verify.errors)")
        #expect(reported.contains(mistake.says), "\(reported)")

        let check = try sandbox.run(Array("Are you hiring?\n".utf8), arguments: ["check", "--prompts", folder])
        #expect(check.status == 2)
        #expect(check.errors.hasPrefix("infoview check: " + at), "\(check.errors)")

        let chat = try sandbox.run(Array("/help\n".utf8), arguments: ["--prompts", folder])
        #expect(chat.status == 0, "\(chat.errors)")
        let notice = chat.errors.split(separator: "\n").map(String.init)
        #expect(notice.first?.hasPrefix("infoview: " + at) == true, "\(chat.errors)")
        #expect(notice.last?.contains("this chat uses the built-in prompts") == true, "\(chat.errors)")
        #expect(chat.output.contains(try PromptTexts.text("help-heading")), "\(chat.output)")
    }

    @Test("a rule example that does not behave: prompts verify names its line; the chat starts as it is")
    func failingExample() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let mistake = Mistake(
            name: "example", file: "rules/pitch.rules",
            appended: "rule extra/example\n  severity: pitch\n  kind: ask-job\n  when: hire me right now\n  why: Because.\n  instead: What do you look for?\n  example: The weather was lovely on the walk over.\n",
            line: 7, says: "")
        let (folder, line) = try Self.brokenCopy(mistake, in: sandbox)
        let verify = try sandbox.run([], arguments: ["prompts", "verify", "--prompts", folder])
        #expect(verify.status == 1)
        #expect(verify.errors.hasPrefix("\(folder)/rules/pitch.rules:\(line): "), "\(verify.errors)")
        let chat = try sandbox.run(Array("/quit\n".utf8), arguments: ["--prompts", folder])
        #expect(chat.status == 0)
        #expect(chat.errors == "")
    }

    @Test("a --prompts folder that is not there is still an error, not a fallback")
    func missingFolder() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let missing = sandbox.home.appendingPathComponent("no-such-prompts").path
        let chat = try sandbox.run(Array("/quit\n".utf8), arguments: ["--prompts", missing])
        #expect(chat.status == 1)
        #expect(chat.errors.contains(missing))
        #expect(chat.output == "")
    }
}
