import Foundation
import InfoviewCore

/// A minimal application behind the prompt: it echoes lines and knows `/help` and `/quit`.
struct AppHost: ReplHost {
    private static let commands = ["/help", "/quit"]

    private(set) var isFinished = false
    let prompt = "> "

    /// Opens the application over the prompts and the store.
    init(library: PromptLibrary, storePath: String, seed: UInt64?) throws {}

    mutating func greeting() -> Reply {
        Reply(plain: ["Welcome to infoview. Type /help for the commands."])
    }

    mutating func handle(_ line: String) -> Reply {
        let text = line.trimmingCharacters(in: .whitespaces)
        switch text {
        case "":
            return Reply()
        case "/help":
            var reply = Reply([Reply.Line("Commands:", style: .heading)])
            reply.add("  /help   list the commands")
            reply.add("  /quit   leave infoview")
            return reply
        case "/quit":
            isFinished = true
            return Reply(plain: ["Goodbye."])
        default:
            return Reply(plain: ["You said: \(line)"])
        }
    }

    mutating func interrupt() -> Reply {
        Reply([Reply.Line("Ctrl-C cancelled. Type /quit or press Ctrl-D to leave.", style: .dim)])
    }

    mutating func endOfInput() -> Reply {
        Reply(plain: ["Goodbye."])
    }

    func completions(for text: String, in line: String) -> [String] {
        Self.commands.filter { $0.hasPrefix(text) }
    }
}
