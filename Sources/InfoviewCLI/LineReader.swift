/// What reading a line produced.
enum LineEvent: Equatable, Sendable {
    /// A line, without its line ending.
    case line(String)
    /// Ctrl-C: the line being typed was thrown away (`hadText`) or was empty.
    case interrupted(hadText: Bool)
    /// Ctrl-D on an empty line, the end of the input, or a request to leave (SIGTERM, SIGHUP).
    case end
}

/// A source of lines: the line editor on a terminal, plain reading otherwise.
protocol LineReader {
    /// Reads the next line, showing `prompt` where there is someone to see it.
    mutating func readLine(prompt: String) -> LineEvent

    /// Reads the next line, offering Tab completion where the reader supports it.
    ///
    /// `completions` takes the word being typed and the line up to the cursor; it is called only
    /// during this call.
    mutating func readLine(prompt: String, completions: (String, String) -> [String]) -> LineEvent
}

extension LineReader {
    /// Readers without completion ignore it.
    mutating func readLine(prompt: String, completions: (String, String) -> [String]) -> LineEvent {
        readLine(prompt: prompt)
    }
}
