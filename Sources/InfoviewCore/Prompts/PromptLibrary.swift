/// Everything in `prompts/`, parsed and checked: the coach's rules, the chat's intents, the flows,
/// the question banks and the personas.
public struct PromptLibrary: Sendable {
    /// The files the library was read from.
    public var files: PromptFiles
    /// Every `.rules` file compiled: concepts, replacements, coach rules, doors and intents.
    public var rules: RuleBook

    /// The intents that route plain sentences at the home prompt.
    public var intents: IntentBook { IntentBook(book: rules) }

    /// A coach over the rules, with the person's muted rules.
    public func coach(muted: Set<String> = []) -> Coach {
        Coach(book: rules, muted: muted)
    }

    /// Parses every file; the first mistake is thrown as `file:line: message`.
    public static func load(_ files: PromptFiles) throws(PromptError) -> PromptLibrary {
        let ruleFiles = files.files.filter { $0.path.hasSuffix(".rules") }.map { (name: $0.displayName, text: $0.text) }
        return PromptLibrary(files: files, rules: try RuleBook.compile(ruleFiles))
    }
}
