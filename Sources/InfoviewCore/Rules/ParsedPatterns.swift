import Dispatch
import Foundation

/// The patterns of some rule files parsed on other threads while they are compiled: the parser
/// reads only the normaliser, so patterns parse independently, and the compiler takes each parse
/// as it meets it. The patterns are listed in the order the compiler asks for them and parsed in
/// runs of `run`, so that compiling the first runs overlaps parsing the later ones; when the
/// compiler gets to a run no thread has started, it parses that run itself. A mistake is reported
/// exactly where a one-by-one compile would have stopped.
final class ParsedPatterns: @unchecked Sendable {
    /// A pattern's parse, or why it failed. (A type of its own: the generic `Result` would be
    /// destroyed through the runtime's generic metadata, which costs more than the parse.)
    private enum Parse {
        case node(PatternNode)
        case failed(PromptError)
    }

    /// Patterns to a run.
    static let run = 32

    private let parser: PatternParser
    private let sources: [PatternSource]
    /// One slot a pattern; a run's slots are written by the thread that parses the run and read
    /// after its `finished` signal (or by the thread that parsed it).
    private let slots: UnsafeMutablePointer<Parse?>
    private let finished: [DispatchSemaphore]
    /// Runs taken by some thread so far (they are taken in order), under `lock`.
    private var taken = 0
    private let lock = NSLock()
    /// The compiler's side: which pattern it asks for next, and the runs it has waited for.
    private var cursor = 0
    private var received = 0
    /// How many parses were served from those made ahead (the rest were made when asked).
    private(set) var servedAhead = 0

    /// How many patterns are parsed ahead.
    var count: Int { sources.count }

    /// Starts parsing the patterns of the files on `workers - 1` other threads.
    init(_ files: [RuleFile], parser: PatternParser, workers: Int) {
        self.parser = parser
        // The order in which `RuleBook.compile` asks for them.
        var found: [PatternSource] = []
        if workers > 1 {
            for file in files {
                for concept in file.concepts { found += concept.entries }
            }
            for file in files {
                for lint in file.lints { if let require = lint.require { found.append(require) } }
                for rule in file.rules { found += rule.when + rule.unless + rule.context + rule.unlessContext }
                for door in file.doors { found += door.when + door.unless }
                for intent in file.intents { found += intent.when + intent.unless }
            }
        }
        sources = found
        slots = .allocate(capacity: max(1, found.count))
        slots.initialize(repeating: nil, count: max(1, found.count))
        let runs = (found.count + Self.run - 1) / Self.run
        finished = (0..<runs).map { _ in DispatchSemaphore(value: 0) }
        for _ in 0..<min(max(0, workers - 1), runs) {
            DispatchQueue.global(qos: .userInitiated).async { [self] in
                while let run = take() {
                    parse(run: run)
                    finished[run].signal()
                }
            }
        }
    }

    deinit {
        slots.deinitialize(count: max(1, sources.count))
        slots.deallocate()
    }

    /// The next run no thread has taken, now taken by the caller.
    private func take() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard taken < finished.count else { return nil }
        taken += 1
        return taken - 1
    }

    private func parse(run: Int) {
        for index in (run * Self.run)..<min(sources.count, (run + 1) * Self.run) {
            let source = sources[index]
            do throws(PromptError) {
                slots[index] = .node(try parser.parse(source.text, at: source.location))
            } catch {
                slots[index] = .failed(error)
            }
        }
    }

    /// The parse of a pattern: the one made ahead when the compiler asks in the expected order,
    /// else made now.
    func node(_ source: PatternSource) throws(PromptError) -> PatternNode {
        guard cursor < sources.count, sources[cursor] == source else { return try parser.parse(source.text, at: source.location) }
        let index = cursor
        cursor += 1
        let run = index / Self.run
        if run == received {
            // Parsed by another thread (wait for it), or by nobody yet (parse it here).
            lock.lock()
            let mine = taken == run
            if mine { taken += 1 }
            lock.unlock()
            if mine { parse(run: run) } else { finished[run].wait() }
            received += 1
        }
        servedAhead += 1
        switch slots[index] {
        case .node(let node): return node
        case .failed(let error): throw error
        case nil: return try parser.parse(source.text, at: source.location)
        }
    }
}
