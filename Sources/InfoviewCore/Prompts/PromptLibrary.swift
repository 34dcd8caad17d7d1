import Foundation

/// Everything in `prompts/`, parsed and checked: the coach's rules, the chat's intents, the flows,
/// the question banks and the personas.
public struct PromptLibrary: Sendable {
    /// The files the library was read from.
    public var files: PromptFiles
    /// Every `.rules` file compiled: concepts, replacements, coach rules, doors and intents.
    public var rules: RuleBook {
        switch compiledRules {
        case .ready(let book): return book
        case .deferred(let deferred): return deferred.value
        }
    }

    /// Starts compiling the rules on another thread if they are deferred and not started yet
    /// (the chat calls this once its greeting is out); nothing to do when they are compiled.
    public func prepareRules() {
        if case .deferred(let deferred) = compiledRules { deferred.start() }
    }

    private enum CompiledRules: Sendable {
        case ready(RuleBook)
        case deferred(DeferredRuleBook)
    }

    private var compiledRules: CompiledRules
    /// The flows by name (`flows/prepare.flow` is `prepare`).
    public var flows: [String: Flow]
    /// The chat's own texts, command descriptions, answer words and goal (`chat/*.messages`).
    public var messages: MessageBook
    /// The question banks, in file order (`questions/*.questions`); one is named `general`.
    public var banks: [QuestionBank] {
        get {
            switch parsedBanks {
            case .ready(let banks): return banks
            case .onFirstUse(let lazy): return lazy.value
            }
        }
        set { parsedBanks = .ready(newValue) }
    }

    private enum ParsedBanks: Sendable {
        case ready([QuestionBank])
        case onFirstUse(LazyQuestionBanks)
    }

    private var parsedBanks: ParsedBanks
    /// The rehearsal's personas, topics and clock (`personas/*.persona`, `rehearse/*.topics`).
    public var rehearsal: RehearsalBook {
        switch compiledRehearsal {
        case .ready(let book): return book
        case .onFirstUse(let lazy): return lazy.value
        }
    }

    private enum CompiledRehearsal: Sendable {
        case ready(RehearsalBook)
        case onFirstUse(LazyRehearsalBook)
    }

    private var compiledRehearsal: CompiledRehearsal

    /// The flows the app starts by itself, which every prompts folder must have.
    static let requiredFlows = ["prepare"]

    /// The intents that route plain sentences at the home prompt.
    public var intents: IntentBook { IntentBook(book: rules) }

    /// A coach over the rules, with the person's muted rules.
    public func coach(muted: Set<String> = []) -> Coach {
        Coach(book: rules, muted: muted)
    }

    /// The rules alone, compiled (what `check` needs of the built-in prompts, which the tests keep
    /// correct as a whole; an edited folder is loaded whole, so that every mistake in it is found).
    /// The patterns are parsed on every core: the caller waits for nothing else.
    public static func rules(of files: PromptFiles) throws(PromptError) -> RuleBook {
        try RuleBook.compile(ruleFiles(of: files), workers: ProcessInfo.processInfo.activeProcessorCount)
    }

    private static func ruleFiles(of files: PromptFiles) -> [(name: String, text: String)] {
        files.files.filter { $0.path.hasSuffix(".rules") }.map { (name: $0.displayName, text: $0.text) }
    }

    /// Parses every file; the first mistake is thrown as `file:line: message`.
    ///
    /// With `rulesInBackground` (for the built-in prompts only, which the tests keep correct) the
    /// rules compile on another thread while the rest loads, and the first use of `rules` waits.
    /// The built-in personas and topics compile when a rehearsal first needs them (the tests keep
    /// them correct); those of a prompts folder are checked at once, so mistakes show at load.
    public static func load(_ files: PromptFiles, rulesInBackground: Bool = false) throws(PromptError) -> PromptLibrary {
        let ruleFiles = ruleFiles(of: files)
        let rules: CompiledRules =
            rulesInBackground ? .deferred(DeferredRuleBook(files: ruleFiles)) : .ready(try RuleBook.compile(ruleFiles))
        var flows: [String: Flow] = [:]
        for file in files.files(in: "flows", ending: ".flow") {
            let flow = try FlowParser.parse(file.text, file: file.displayName)
            flows[flow.name] = flow
        }
        let messageFiles = files.files(in: "chat", ending: ".messages")
        let messages = try MessageParser.parse(messageFiles.map { ($0.text, $0.displayName) })
        // The built-in banks (which the tests keep correct) are parsed when first needed: the
        // chat opens without them.
        let banks: ParsedBanks =
            files.origin == PromptFiles.builtIn.origin
            ? .onFirstUse(LazyQuestionBanks(files: files)) : .ready(try LazyQuestionBanks.parse(files))
        for name in requiredFlows where flows[name] == nil {
            throw PromptError(
                reason: .unreadable("no flows/\(name).flow (the app starts this flow; expected it in \(files.origin))"),
                location: SourceLocation(file: "prompts/flows/\(name).flow", line: 0))
        }
        let rehearsal: CompiledRehearsal
        switch banks {
        case .onFirstUse(let lazy): rehearsal = .onFirstUse(LazyRehearsalBook(files: files, banks: lazy))
        case .ready(let banks): rehearsal = .ready(try RehearsalBook.load(files, ruleFiles: try RehearsalBook.ruleFiles(files), banks: banks))
        }
        return PromptLibrary(
            files: files, compiledRules: rules, flows: flows, messages: messages, parsedBanks: banks, compiledRehearsal: rehearsal)
    }

    /// The rehearsal's personas and topics compiled now, with any mistake thrown as
    /// `file:line: message` (for `prompts verify`, whichever prompts were loaded).
    public func compileRehearsal() throws(PromptError) -> RehearsalBook {
        try RehearsalBook.load(files, ruleFiles: try RehearsalBook.ruleFiles(files), banks: banks)
    }

    /// The label of every saved field, in the order the flows ask for them.
    var fieldLabels: [(field: String, label: String)] {
        var seen: Set<String> = []
        var labels: [(field: String, label: String)] = []
        let ordered = flows.values.sorted { Self.order($0) < Self.order($1) }
        for flow in ordered {
            for pair in flow.labels where seen.insert(pair.field).inserted {
                labels.append(pair)
            }
        }
        return labels
    }

    private static func order(_ flow: Flow) -> (Int, String) {
        (Stage.allCases.firstIndex(of: flow.stage) ?? 0, flow.name)
    }
}
