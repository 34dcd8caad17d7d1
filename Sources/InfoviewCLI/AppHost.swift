import Foundation
import InfoviewCore

/// The application behind the prompt: a chat session over the prompts and the database.
///
/// Each line goes to the pure dialogue engine; the turn's effects are committed to the store in
/// one transaction before the reply is shown, so an answer is saved the moment it is given and a
/// flow cut short (Ctrl-C, `kill -9`, a closed terminal) resumes where it stopped.
struct AppHost: ReplHost {
    private var session: ChatSession
    private let library: PromptLibrary
    /// Whether the chat ends once the mode its first line opened is over (`infoview rehearse NAME`).
    private let endsWithOpening: Bool
    private var openingHandled = false
    /// Whether the first line started a rehearsal or a live checklist.
    private(set) var openingStarted = false

    /// Opens the database at `storePath` (created if missing) and starts the chat; `seed` replays
    /// the chat's random choices; `/report` draws in `drawing`.
    init(library: PromptLibrary, storePath: String, seed: UInt64?, endsWithOpening: Bool = false, drawing: Drawing = .plain) throws {
        let store = try Store(path: storePath)
        self.library = library
        session = try ChatSession(
            library: library, store: store, seed: seed ?? UInt64.random(in: .min ... .max), clock: { Date() },
            calendar: BusinessCalendar(timeZone: .current), drawing: drawing)
        self.endsWithOpening = endsWithOpening
    }

    var prompt: String { session.prompt }

    var isFinished: Bool { session.isFinished || (endsWithOpening && openingHandled && session.state.mode == .home) }

    mutating func greeting() -> Reply { session.greeting() }

    mutating func handle(_ line: String) -> Reply {
        let reply = session.handle(line)
        if !openingHandled {
            openingHandled = true
            openingStarted = session.state.mode != .home
        }
        return reply
    }

    mutating func interrupt() -> Reply { session.interrupt() }

    /// The coach's rules start compiling once the greeting is out, not while it is prepared.
    mutating func firstReplyShown() { library.prepareRules() }

    mutating func endOfInput() -> Reply { session.endOfInput() }

    func completions(for text: String, in line: String) -> [String] {
        session.completions(for: text, in: line)
    }
}
