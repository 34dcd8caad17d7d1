import Dispatch

/// Every `.rules` file compiled once: the normaliser, the concepts, the coach's rules, the doors
/// and the intents, with an index from words to the patterns that need them.
public final class RuleBook: Sendable {
    struct CompiledRule: Sendable {
        var rule: Rule
        var when: [(program: Program, source: PatternSource)]
        var unless: [Program]
        var context: [Program]
        var unlessContext: [Program]
        /// `file:line` of the rule, as findings show it.
        var place: String
    }

    struct CompiledDoor: Sendable {
        var door: Door
        var when: [Program]
        var unless: [Program]
    }

    struct CompiledLint: Sendable {
        var lint: LintRule
        var require: Program?
    }

    struct CompiledIntent: Sendable {
        var intent: Intent
        var when: [(program: Program, source: PatternSource)]
        var unless: [Program]
    }

    /// What decides cheaply whether a rule may apply at all: its channels.
    struct Gate: Sendable {
        /// The channels as bits (`Channel.bit`); 0 for every channel.
        var channels: UInt8
        /// A rule with `longer-than: N` cannot fire on a text of N words or fewer.
        var minimumWords: Int
    }

    let normaliser: Normaliser
    let sets: WordSetTable
    /// Words about the writer and about the reader, for `self-over-other`.
    let firstPerson: WordSet
    let secondPerson: WordSet
    let rules: [CompiledRule]
    let ruleGates: [Gate]
    let doors: [CompiledDoor]
    let intents: [CompiledIntent]
    let lints: [CompiledLint]
    /// The channels (`Channel.bit`) on which some lint applies.
    let lintChannels: UInt8
    /// Every `when:` program of every rule, flattened, with the rule and pattern it belongs to.
    let rulePrograms: [(rule: Int, pattern: Int)]
    let ruleIndex: PatternIndex
    /// The program of each entry of `rulePrograms`, in the same order.
    let programs: [Program]
    let intentPrograms: [(intent: Int, pattern: Int)]
    let intentIndex: PatternIndex


    init(
        normaliser: Normaliser,
        sets: WordSetTable,
        firstPerson: WordSet,
        secondPerson: WordSet,
        rules: [CompiledRule],
        ruleGates: [Gate],
        doors: [CompiledDoor],
        intents: [CompiledIntent],
        lints: [CompiledLint],
        rulePrograms: [(rule: Int, pattern: Int)],
        ruleIndex: PatternIndex,
        programs: [Program],
        intentPrograms: [(intent: Int, pattern: Int)],
        intentIndex: PatternIndex
    ) {
        self.normaliser = normaliser
        self.sets = sets
        self.firstPerson = firstPerson
        self.secondPerson = secondPerson
        self.rules = rules
        self.ruleGates = ruleGates
        self.doors = doors
        self.intents = intents
        self.lints = lints
        self.lintChannels = lints.reduce(0) { bits, compiled in
            bits | (compiled.lint.channels.isEmpty ? UInt8.max : compiled.lint.channels.reduce(0) { $0 | $1.bit })
        }
        self.rulePrograms = rulePrograms
        self.ruleIndex = ruleIndex
        self.programs = programs
        self.intentPrograms = intentPrograms
        self.intentIndex = intentIndex
    }

    /// The coach's rules, in file order.
    public var allRules: [Rule] { rules.map(\.rule) }
    /// The doors, in file order.
    public var allDoors: [Door] { doors.map(\.door) }
    /// The whole-text checks, in file order.
    public var allLints: [LintRule] { lints.map(\.lint) }
    /// The intents, in file order.
    public var allIntents: [Intent] { intents.map(\.intent) }

    /// Compiles `.rules` files given as (display name, text).
    ///
    /// With `workers` above 1 the patterns are parsed on that many threads first (for a command
    /// that waits for the rules with cores to spare); the result is the same.
    public static func compile(_ files: [(name: String, text: String)], workers: Int = 1) throws(PromptError) -> RuleBook {
        var parsed: [RuleFile] = []
        if workers > 1 && files.count > 1 {
            // Each file is read on its own core; the first mistake in file order is the one told.
            var results = [RuleFileParse?](repeating: nil, count: files.count)
            results.withUnsafeMutableBufferPointer { results in
                let shared = RuleFileSlots(base: results.baseAddress!)
                DispatchQueue.concurrentPerform(iterations: files.count) { index in
                    do throws(PromptError) {
                        shared.base[index] = .file(try RuleParser.parse(files[index].text, file: files[index].name))
                    } catch {
                        shared.base[index] = .failed(error)
                    }
                }
            }
            for result in results {
                switch result {
                case .file(let file): parsed.append(file)
                case .failed(let error): throw error
                case nil: break
                }
            }
        } else {
            for file in files { parsed.append(try RuleParser.parse(file.text, file: file.name)) }
        }
        return try compile(parsed, workers: workers)
    }

    /// A rules file read, or why it could not be.
    private enum RuleFileParse {
        case file(RuleFile)
        case failed(PromptError)
    }

    /// Where the readers write: each its own file's slot.
    private struct RuleFileSlots: @unchecked Sendable {
        let base: UnsafeMutablePointer<RuleFileParse?>
    }

    static func compile(_ files: [RuleFile], workers: Int = 1) throws(PromptError) -> RuleBook {
        let (normaliser, vocabulary) = try normaliser(for: files)
        let ahead = ParsedPatterns(files, parser: PatternParser(normaliser: normaliser), workers: workers)
        return try compile(files, normaliser: normaliser, vocabulary: vocabulary, ahead: ahead)
    }

    /// The normaliser of some rule files (their `replace` blocks), and the vocabulary it starts.
    static func normaliser(for files: [RuleFile]) throws(PromptError) -> (Normaliser, Vocabulary) {
        var vocabulary = Vocabulary()
        // Replacements first: patterns are normalised with them.
        var replacements: [Normaliser.Replacement] = []
        let bare = Normaliser(replacements: [], vocabulary: &vocabulary)
        for file in files {
            for (from, to) in file.replacements {
                let fromWords = bare.words(of: from.text)
                let toWords = bare.words(of: to)
                guard !fromWords.isEmpty, !toWords.isEmpty else {
                    throw PromptError(reason: .badPattern("'replace \(to)' with 'from: \(from.text)' has no words"), location: from.location)
                }
                replacements.append(.init(from: fromWords, to: toWords))
            }
        }
        let normaliser = Normaliser(replacements: replacements, vocabulary: &vocabulary)
        return (normaliser, vocabulary)
    }

    /// Compiles the files with their patterns parsed by `ahead`.
    static func compile(
        _ files: [RuleFile], normaliser: Normaliser, vocabulary: Vocabulary, ahead: ParsedPatterns
    ) throws(PromptError) -> RuleBook {
        var normaliser = normaliser

        var concepts: [String: (node: PatternNode, location: SourceLocation)] = [:]
        for file in files {
            for concept in file.concepts {
                if let first = concepts[concept.name] {
                    throw PromptError(reason: .duplicateName("concept \(concept.name)", firstSeen: first.location), location: concept.location)
                }
                var options: [PatternNode] = []
                for entry in concept.entries { options.append(try ahead.node(entry)) }
                concepts[concept.name] = (options.count == 1 ? options[0] : .alternatives(options), concept.location)
            }
        }
        var compiler = ProgramCompiler(vocabulary: vocabulary, concepts: concepts)
        func program(_ source: PatternSource) throws(PromptError) -> Program {
            try compiler.compile(try ahead.node(source), at: source.location)
        }
        func programs(_ sources: [PatternSource]) throws(PromptError) -> [Program] {
            var result: [Program] = []
            for source in sources { result.append(try program(source)) }
            return result
        }

        var rules: [CompiledRule] = []
        var ruleNames: [String: SourceLocation] = [:]
        var doors: [CompiledDoor] = []
        var intents: [CompiledIntent] = []
        var lints: [CompiledLint] = []
        for file in files {
            for source in file.lints {
                if let first = ruleNames[source.lint.id] {
                    throw PromptError(reason: .duplicateName("lint \(source.lint.id)", firstSeen: first), location: source.lint.location)
                }
                ruleNames[source.lint.id] = source.lint.location
                var require: Program?
                if let pattern = source.require { require = try program(pattern) }
                lints.append(CompiledLint(lint: source.lint, require: require))
            }
            for source in file.rules {
                if let first = ruleNames[source.rule.id] {
                    throw PromptError(reason: .duplicateName("rule \(source.rule.id)", firstSeen: first), location: source.rule.location)
                }
                ruleNames[source.rule.id] = source.rule.location
                var rule = source.rule
                rule.order = rules.count
                var when: [(Program, PatternSource)] = []
                for pattern in source.when { when.append((try program(pattern), pattern)) }
                rules.append(
                    CompiledRule(
                        rule: rule, when: when, unless: try programs(source.unless), context: try programs(source.context),
                        unlessContext: try programs(source.unlessContext), place: rule.location.description))
            }
            for source in file.doors {
                doors.append(CompiledDoor(door: source.door, when: try programs(source.when), unless: try programs(source.unless)))
            }
            for source in file.intents {
                var intent = source.intent
                intent.order = intents.count
                var when: [(Program, PatternSource)] = []
                for pattern in source.when { when.append((try program(pattern), pattern)) }
                intents.append(CompiledIntent(intent: intent, when: when, unless: try programs(source.unless)))
            }
        }
        let doorNames = Set(doors.map(\.door.name))
        for compiled in rules {
            for name in compiled.rule.allowedAfter where !doorNames.contains(name) {
                throw PromptError(
                    reason: .badValue(
                        key: "allowed-after", value: name,
                        expected: "one of the doors: " + doorNames.sorted().joined(separator: ", ")),
                    location: compiled.rule.location)
            }
        }

        let firstPerson = WordSet(["i", "me", "my", "mine", "myself"].map { compiler.vocabulary.intern($0) })
        let secondPerson = WordSet(["you", "your", "yours", "yourself"].map { compiler.vocabulary.intern($0) })
        normaliser.refresh(from: compiler.vocabulary)
        let rulePrograms: [(rule: Int, pattern: Int)] = rules.enumerated().flatMap { index, rule in
            rule.when.indices.map { (rule: index, pattern: $0) }
        }
        let intentPrograms: [(intent: Int, pattern: Int)] = intents.enumerated().flatMap { index, intent in
            intent.when.indices.map { (intent: index, pattern: $0) }
        }
        let size = compiler.vocabulary.count
        return RuleBook(
            normaliser: normaliser, sets: WordSetTable(compiler.sets), firstPerson: firstPerson, secondPerson: secondPerson,
            rules: rules, ruleGates: rules.map { Gate(channels: $0.rule.channels.reduce(0) { $0 | $1.bit }, minimumWords: ($0.rule.longerThan ?? -1) + 1) }, doors: doors, intents: intents, lints: lints,
            rulePrograms: rulePrograms,
            ruleIndex: PatternIndex(programs: rulePrograms.map { rules[$0.rule].when[$0.pattern].program }, vocabularySize: size),
            programs: rulePrograms.map { rules[$0.rule].when[$0.pattern].program },
            intentPrograms: intentPrograms,
            intentIndex: PatternIndex(
                programs: intentPrograms.map { intents[$0.intent].when[$0.pattern].program }, vocabularySize: size))
    }
}
