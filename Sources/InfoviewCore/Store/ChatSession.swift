import Foundation

/// A conversation bound to a store: asks the pure `DialogueEngine` for each turn, applies the
/// turn's effects to the store (one transaction a line, so every answer is committed as it is
/// given) and only then moves on. If saving fails, the state stays where it was and the user
/// is told, so nothing typed is lost silently.
public struct ChatSession {
    /// The engine that decides what to say.
    public let engine: DialogueEngine
    /// Where the answers go.
    public let store: Store
    /// The conversation so far.
    public private(set) var state = Conversation()
    /// What the store held after the last line.
    public private(set) var overview = Overview()
    private var random: SeededGenerator
    private let clock: @Sendable () -> Date
    private let calendar: BusinessCalendar

    /// Starts a session; `clock` is asked for the time whenever something is saved, dates are
    /// counted in `calendar` (the user's time zone; UTC unless given), and `/report` draws its
    /// pictures in `drawing`.
    public init(
        library: PromptLibrary, store: Store, seed: UInt64, clock: @escaping @Sendable () -> Date,
        calendar: BusinessCalendar = BusinessCalendar(), drawing: Drawing = .plain
    ) throws(StoreError) {
        self.calendar = calendar
        self.engine = DialogueEngine(library: library, drawing: drawing)
        self.store = store
        self.random = SeededGenerator(seed: seed)
        self.clock = clock
        self.overview = try store.overview()
    }

    /// Whether the user has asked to leave.
    public var isFinished: Bool { state.hasQuit }

    /// The prompt for the next line.
    public var prompt: String { engine.prompt(in: state, now: clock()) }

    /// What to show when the app opens, with any interrupted flow and how to resume it.
    public mutating func greeting() -> Reply {
        refresh()
        return engine.greeting(overview, using: &random)
    }

    /// Answers one line.
    public mutating func handle(_ line: String) -> Reply {
        refresh()
        // SQLite ends a bound text at its first NUL: a typed NUL is kept as the visible U+2400 so
        // that nothing after it is lost and what is saved is what the conversation used.
        let line = line.utf8.contains(0) ? line.replacingOccurrences(of: "\u{0}", with: "\u{2400}") : line
        let turn = engine.respond(to: line, in: state, overview: overview, now: clock(), using: &random)
        return take(turn)
    }

    /// Ctrl-C on an empty line.
    public mutating func interrupt() -> Reply {
        take(engine.interrupt(in: state, using: &random))
    }

    /// Ctrl-D or the end of input.
    public mutating func endOfInput() -> Reply {
        take(engine.quit(in: state, using: &random))
    }

    /// Completions for the word being typed.
    public func completions(for text: String, in line: String) -> [String] {
        engine.completions(for: text, in: line, state: state, overview: overview)
    }

    private mutating func take(_ turn: Turn) -> Reply {
        do {
            try store.apply(turn.effects, now: clock(), calendar: calendar)
        } catch {
            var reply = Reply()
            reply.add(engine.messages.text("store-failed", ["error": error.description]), style: .caution)
            return reply
        }
        state = turn.state
        if !turn.effects.isEmpty { refresh() }
        return turn.reply
    }

    /// Reads the store again: another process may have written since.
    private mutating func refresh() {
        if let fresh = try? store.overview() { overview = fresh }
        overview.now = clock()
        overview.calendar = calendar
    }
}
