import InfoviewCore

/// What the REPL loop talks to: the application behind the prompt.
///
/// The loop owns the terminal (reading lines, Ctrl-C, Ctrl-D, colour, wrapping); the host owns
/// what the lines mean. Everything the host does with the store happens inside these calls.
protocol ReplHost {
    /// The prompt to show before the next line, such as `> ` or `prepare › `.
    var prompt: String { get }
    /// Whether the host has asked to leave (after `/quit`).
    var isFinished: Bool { get }
    /// What to show when the REPL opens.
    mutating func greeting() -> Reply
    /// Answers one line the user typed.
    mutating func handle(_ line: String) -> Reply
    /// Ctrl-C on an empty line: cancels the current step or flow; answers already given stay saved.
    mutating func interrupt() -> Reply
    /// Ctrl-D or the end of input: says goodbye after saving.
    mutating func endOfInput() -> Reply
    /// Completions for the word being typed (`text`), given the whole line so far.
    func completions(for text: String, in line: String) -> [String]
    /// Called once, when the first reply is on the screen and the first line is about to be read:
    /// work that the first reply did not need starts here.
    mutating func firstReplyShown()
}

extension ReplHost {
    mutating func firstReplyShown() {}
}
