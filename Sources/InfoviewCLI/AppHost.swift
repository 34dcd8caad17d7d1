import Foundation
import InfoviewCore

/// The application behind the prompt: a chat session over the prompts and the database.
///
/// Each line goes to the pure dialogue engine; the turn's effects are committed to the store in
/// one transaction before the reply is shown, so an answer is saved the moment it is given and a
/// flow cut short (Ctrl-C, `kill -9`, a closed terminal) resumes where it stopped.
struct AppHost: ReplHost {
    private var session: ChatSession
    /// A command typed for the user at the start (`infoview rehearse NAME`), after which the chat
    /// ends as soon as it is back at home.
    private let opening: String?
    /// Whether the opening command started a rehearsal or a live checklist.
    private(set) var openingStarted = false

    /// Opens the database at `storePath` (created if missing) and starts the chat; `seed` replays
    /// the chat's random choices; `opening` is a command to start with instead of the greeting.
    init(library: PromptLibrary, storePath: String, seed: UInt64?, opening: String? = nil) throws {
        let store = try Store(path: storePath)
        session = try ChatSession(
            library: library, store: store, seed: seed ?? UInt64.random(in: .min ... .max), clock: { Date() })
        self.opening = opening
    }

    var prompt: String { session.prompt }

    var isFinished: Bool { session.isFinished || (opening != nil && session.state.mode == .home) }

    mutating func greeting() -> Reply {
        guard let opening else { return session.greeting() }
        let reply = session.handle(opening)
        openingStarted = session.state.mode != .home
        return reply
    }

    mutating func handle(_ line: String) -> Reply { session.handle(line) }

    mutating func interrupt() -> Reply { session.interrupt() }

    mutating func endOfInput() -> Reply { session.endOfInput() }

    func completions(for text: String, in line: String) -> [String] {
        session.completions(for: text, in: line)
    }
}
