@preconcurrency import CReadline
@preconcurrency import Glibc

/// Reads lines on a terminal through GNU readline: editing, history, Ctrl-R, Tab completion.
///
/// Readline runs through its callback interface inside a `poll` on the terminal and a
/// `SignalWatcher`, so signals never interrupt it and no handler runs in signal context:
/// - Ctrl-C throws the line away, shows `^C` and returns `.interrupted(hadText:)`;
/// - Ctrl-D on an empty line, SIGTERM, SIGHUP or a closed terminal return `.end`;
/// - a window resize is passed to readline; Ctrl-Z suspends with the terminal restored.
///
/// History lives in a file, bounded to `historyLimit` entries; each line is appended as it is
/// entered, so a killed session keeps what was typed. Empty lines and repeats of the line
/// before are not kept. Readline is one per process, so there is one editor at a time.
final class LineEditor: LineReader {
    /// The signals the editor needs to see.
    static let watchedSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGWINCH, SIGTSTP, SIGCONT]

    private let signals: SignalWatcher
    private let historyPath: String?
    private let historyLimit: Int
    private let usesColour: Bool
    /// The other lines of a multi-line paste, handed out one per call.
    private var queuedLines: [String] = []

    /// Sets readline up and loads the history from `historyPath` (none kept when `nil`).
    ///
    /// `signals` must watch `LineEditor.watchedSignals`. With `usesColour` the prompt is bold.
    init(signals: SignalWatcher, historyPath: String?, historyLimit: Int = 1000, usesColour: Bool) {
        self.signals = signals
        self.historyPath = historyPath
        self.historyLimit = historyLimit
        self.usesColour = usesColour
        Self.useUTF8Locale()
        rl_readline_name = UnsafePointer(strdup("infoview"))
        rl_catch_signals = 0
        rl_catch_sigwinch = 0
        rl_change_environment = 0
        rl_getc_function = { stream in LineEditor.readByte(from: stream) }
        rl_attempted_completion_function = { text, _, end in LineEditor.complete(text: text, end: end) }
        rl_initialize()
        if !usesColour {
            rl_variable_bind("enable-active-region", "off")  // no highlighting of pasted text either
        }
        using_history()
        stifle_history(Int32(historyLimit))
        if let historyPath {
            history_truncate_file(historyPath, Int32(historyLimit))
            read_history(historyPath)
        }
    }

    deinit {
        if let historyPath { history_truncate_file(historyPath, Int32(historyLimit)) }
    }

    func readLine(prompt: String) -> LineEvent {
        readLine(prompt: prompt, completions: { _, _ in [] })
    }

    func readLine(prompt: String, completions: (String, String) -> [String]) -> LineEvent {
        // Signals that came while the application was busy: a Ctrl-C then cancels what is left
        // of a paste, and otherwise nothing (no prompt had been shown).
        for signal in signals.pending() {
            switch signal {
            case SIGTERM, SIGHUP:
                queuedLines = []
                return .end
            case SIGINT where !queuedLines.isEmpty:
                queuedLines = []
                fputs("^C\n", stdout)
                fflush(stdout)
                return .interrupted(hadText: true)
            case SIGTSTP:
                fflush(stdout)
                kill(getpid(), SIGSTOP)
            default:
                break
            }
        }
        if !queuedLines.isEmpty {
            let line = queuedLines.removeFirst()
            fputs(TerminalText.sanitize(prompt) + TerminalText.sanitize(line) + "\n", stdout)
            remember(line)
            return .line(line)
        }
        fflush(stdout)
        rl_reset_screen_size()
        return withoutActuallyEscaping(completions) { completions in
            ReadlineBridge.completionSource = completions
            defer { ReadlineBridge.completionSource = nil }
            return runReadline(prompt: decorated(prompt))
        }
    }
}

/// State shared with readline's C callbacks, which cannot capture context (the C API requires
/// these to be global).
private enum ReadlineBridge {
    enum Outcome {
        case line(String)
        case end
    }

    nonisolated(unsafe) static var completionSource: ((String, String) -> [String])?
    nonisolated(unsafe) static var outcome: Outcome?
}

private extension LineEditor {
    func runReadline(prompt: String) -> LineEvent {
        ReadlineBridge.outcome = nil
        rl_callback_handler_install(prompt) { line in
            if let line {
                ReadlineBridge.outcome = .line(String(cString: line))
                free(line)
            } else {
                ReadlineBridge.outcome = .end
            }
            rl_callback_handler_remove()  // stops readline from prompting again by itself
        }
        while true {
            var fds = [
                pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                pollfd(fd: signals.fileDescriptor, events: Int16(POLLIN), revents: 0),
            ]
            if poll(&fds, 2, -1) < 0 {
                if errno == EINTR { continue }
                return abandonLine()
            }
            if fds[1].revents != 0, let event = handleSignals() {
                return event
            }
            let input = fds[0].revents
            if input & Int16(POLLIN) != 0 {
                rl_callback_read_char()
                if let outcome = ReadlineBridge.outcome {
                    return finish(outcome)
                }
            } else if input & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 {
                return abandonLine()
            }
        }
    }

    /// Deals with every pending signal; returns what `readLine` should return, if anything.
    func handleSignals() -> LineEvent? {
        for signal in signals.pending() {
            switch signal {
            case SIGINT:
                return cancelLine()
            case SIGTERM, SIGHUP:
                return abandonLine()
            case SIGWINCH:
                rl_resize_terminal()
            case SIGTSTP:
                fputs("^Z", stdout)
                fflush(stdout)
                rl_deprep_terminal()
                kill(getpid(), SIGSTOP)
            case SIGCONT:
                // Whoever stopped us may have changed the terminal: set it up again and redraw.
                rl_deprep_terminal()
                rl_prep_terminal(1)
                rl_reset_screen_size()
                fputs("\n", stdout)
                rl_on_new_line()
                rl_redisplay()
            default:
                break
            }
        }
        return nil
    }

    /// Ctrl-C: throws the line away, leaving `^C` after it on the screen.
    func cancelLine() -> LineEvent {
        let searching = rl_readline_state & UInt(RL_STATE_ISEARCH | RL_STATE_NSEARCH) != 0
        let hadText = rl_end > 0 || searching
        if !searching {
            rl_point = rl_end
            rl_redisplay()
        }
        fputs("^C\n", stdout)
        clearLine()
        return .interrupted(hadText: hadText)
    }

    /// SIGTERM, SIGHUP or a closed terminal: gives the terminal back and ends the input.
    func abandonLine() -> LineEvent {
        fputs("\n", stdout)
        clearLine()
        return .end
    }

    func clearLine() {
        rl_free_line_state()
        rl_callback_sigcleanup()
        rl_replace_line("", 1)
        rl_point = 0
        rl_mark = 0
        rl_callback_handler_remove()
        fflush(stdout)
    }

    func finish(_ outcome: ReadlineBridge.Outcome) -> LineEvent {
        switch outcome {
        case .end:
            fputs("\n", stdout)
            fflush(stdout)
            return .end
        case .line(let text):
            // A bracketed paste of several lines arrives as one; hand the lines out one by one.
            var lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
                .map(String.init)
            if lines.count > 1 && lines.last == "" { lines.removeLast() }
            let first = lines.first ?? ""
            queuedLines = Array(lines.dropFirst())
            remember(first)
            return .line(first)
        }
    }

    /// The prompt for readline: sanitised, and bold on a colour terminal with the escape codes
    /// marked invisible (`\001`…`\002`) so readline can measure the prompt.
    func decorated(_ prompt: String) -> String {
        let clean = TerminalText.sanitize(prompt)
        guard usesColour, !clean.isEmpty else { return clean }
        return "\u{1}\u{1B}[1m\u{2}" + clean + "\u{1}\u{1B}[0m\u{2}"
    }

    /// Adds a line to the history and appends it to the history file.
    func remember(_ line: String) {
        guard line.contains(where: { !$0.isWhitespace }) else { return }
        if history_length > 0, let last = history_get(history_base + history_length - 1),
            let text = last.pointee.line, String(cString: text) == line
        {
            return
        }
        add_history(line)
        guard let historyPath else { return }
        let descriptor = open(historyPath, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return }  // history is a convenience: never fail a line for it
        close(descriptor)
        append_history(1, historyPath)
    }

    /// Readline's key reader: one byte, waiting as long as needed.
    ///
    /// Readline's own reader waits in `pselect` with the signal mask it saved when it installs
    /// its handlers; with `rl_catch_signals = 0` that mask is empty, which would let a pending
    /// Ctrl-C through with its default action (ending the program). This one keeps the mask.
    ///
    /// It also replaces C1 controls and bidirectional overrides with U+FFFD: readline would echo
    /// them raw while the line is edited. The rest of a multi-byte character is handed back to
    /// readline with `rl_stuff_char`, which readline reads before asking for more.
    static func readByte(from stream: UnsafeMutablePointer<FILE>?) -> Int32 {
        let descriptor = stream.map { fileno($0) } ?? STDIN_FILENO
        guard let lead = readRawByte(from: descriptor) else { return EOF }
        let length: Int
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return Int32(lead)
        }
        var bytes = [lead]
        while bytes.count < length, let next = readRawByte(from: descriptor) {
            bytes.append(next)
            if next & 0xC0 != 0x80 { break }
        }
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        if bytes.count == length, case .scalarValue(let scalar) = decoder.decode(&iterator),
            TerminalText.isHiddenControl(scalar)
        {
            bytes = Array("\u{FFFD}".utf8)
        }
        for byte in bytes.dropFirst() { rl_stuff_char(Int32(byte)) }
        return Int32(bytes[0])
    }

    /// One byte from the terminal, or `nil` at the end of the input or on an error.
    static func readRawByte(from descriptor: Int32) -> UInt8? {
        var byte: UInt8 = 0
        while true {
            let count = read(descriptor, &byte, 1)
            if count == 1 { return byte }
            if count == 0 { return nil }
            switch errno {
            case EINTR:
                continue
            case EAGAIN, EWOULDBLOCK:
                var fds = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)]
                _ = poll(&fds, 1, -1)
            default:
                return nil
            }
        }
    }

    /// Readline's completion hook: asks the completion source and builds readline's array
    /// (the common prefix first, then the matches; every string from `malloc`, as readline frees
    /// them).
    static func complete(text: UnsafePointer<CChar>?, end: Int32) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
        rl_attempted_completion_over = 1  // no file-name completion when nothing matches
        guard let source = ReadlineBridge.completionSource, let text else { return nil }
        let word = String(cString: text)
        let lineSoFar: String = {
            guard let buffer = rl_line_buffer else { return "" }
            let count = max(0, min(Int(end), Int(rl_end)))
            let bytes = UnsafeRawBufferPointer(start: buffer, count: count)
            return String(decoding: bytes, as: UTF8.self)
        }()
        var seen = Set<String>()
        let matches = source(word, lineSoFar).filter { candidate in
            !candidate.isEmpty && TerminalText.sanitize(candidate) == candidate && !candidate.contains("\n")
                && seen.insert(candidate).inserted
        }
        guard !matches.isEmpty else { return nil }
        let common = matches.count == 1 ? matches[0] : commonPrefix(matches, atLeast: word)
        let entries = matches.count == 1 ? [common] : [common] + matches
        let size = (entries.count + 1) * MemoryLayout<UnsafeMutablePointer<CChar>?>.stride
        guard let raw = malloc(size) else { return nil }  // readline releases it with free()
        let result = raw.bindMemory(to: UnsafeMutablePointer<CChar>?.self, capacity: entries.count + 1)
        for (index, entry) in entries.enumerated() { result[index] = strdup(entry) }
        result[entries.count] = nil
        return result
    }

    /// The longest common prefix of the matches, or `word` if that is longer (a source may match
    /// without regard to case, and readline must not delete what was typed).
    static func commonPrefix(_ matches: [String], atLeast word: String) -> String {
        var prefix = Array(matches[0])
        for match in matches.dropFirst() {
            let characters = Array(match)
            var count = 0
            while count < min(prefix.count, characters.count), prefix[count] == characters[count] { count += 1 }
            prefix.removeSubrange(count...)
        }
        return prefix.count >= word.count ? String(prefix) : word
    }

    /// Readline decodes keys in the C library's locale, and Swift does not set one: take the
    /// user's, or a UTF-8 one if theirs is not UTF-8 (infoview reads and writes UTF-8).
    static func useUTF8Locale() {
        setlocale(LC_CTYPE, "")
        let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
        if codeset.uppercased().filter({ $0 != "-" }) != "UTF8" {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
    }
}
