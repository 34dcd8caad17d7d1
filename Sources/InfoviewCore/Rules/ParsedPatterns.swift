import Dispatch

/// Every pattern of some rule files parsed ahead of compiling, shared out over the cores (the
/// parser reads only the normaliser, so patterns parse independently). Compiling stays in file
/// order and takes each parse as it meets it, so a mistake is reported exactly where a one-by-one
/// compile would have stopped.
struct ParsedPatterns {
    /// A pattern's parse, or why it failed. (A type of its own: the generic `Result` would be
    /// destroyed through the runtime's generic metadata, which costs more than the parse.)
    private enum Parse {
        case node(PatternNode)
        case failed(PromptError)
    }

    private var results: [PatternSource: Parse] = [:]

    /// Nothing parsed ahead: every pattern is parsed when asked for.
    init() {}

    /// Parses every pattern of the files on `workers` threads.
    init(_ files: [RuleFile], parser: PatternParser, workers: Int) {
        var found: [PatternSource] = []
        for file in files {
            for concept in file.concepts { found += concept.entries }
            for rule in file.rules { found += rule.when + rule.unless + rule.context + rule.unlessContext }
            for door in file.doors { found += door.when + door.unless }
            for intent in file.intents { found += intent.when + intent.unless }
            for lint in file.lints { if let require = lint.require { found.append(require) } }
        }
        let sources = found
        let workers = max(1, min(workers, sources.count / 64))
        var parsed = [Parse?](repeating: nil, count: sources.count)
        parsed.withUnsafeMutableBufferPointer { slots in
            let shared = Slots(base: slots.baseAddress!)
            let share = (sources.count + workers - 1) / workers
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                for index in (worker * share)..<min(sources.count, (worker + 1) * share) {
                    let source = sources[index]
                    do throws(PromptError) {
                        shared.base[index] = .node(try parser.parse(source.text, at: source.location))
                    } catch {
                        shared.base[index] = .failed(error)
                    }
                }
            }
        }
        results.reserveCapacity(sources.count)
        for (source, result) in zip(sources, parsed) where results[source] == nil { results[source] = result }
    }

    /// The parse of a pattern: the one made ahead, else made now.
    func node(_ source: PatternSource, parser: PatternParser) throws(PromptError) -> PatternNode {
        switch results[source] {
        case .node(let node): return node
        case .failed(let error): throw error
        case nil: break
        }
        return try parser.parse(source.text, at: source.location)
    }

    /// Where the workers write: each writes only its own share of the slots.
    private struct Slots: @unchecked Sendable {
        let base: UnsafeMutablePointer<Parse?>
    }
}
