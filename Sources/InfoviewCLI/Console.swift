@preconcurrency import Glibc
import InfoviewCore

/// Where the console's text goes.
protocol ConsoleOutput: Sendable {
    /// Queues text; it need not reach its destination before `flush()`.
    func write(_ text: String)
    /// Sends everything queued.
    func flush()
}

/// Standard output through the C library's buffer, the same one readline writes its prompt to,
/// so replies and prompts never overtake each other.
struct StandardOutput: ConsoleOutput {
    func write(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            _ = fwrite(bytes.baseAddress, 1, bytes.count, stdout)
        }
    }

    func flush() {
        fflush(stdout)
    }
}

/// Renders replies for the person at the terminal: sanitised, coloured, wrapped.
///
/// On a terminal lines get colour (unless `NO_COLOR` or `TERM=dumb` says otherwise) and wrap
/// to its width; anywhere else they come out exactly as the host wrote them, minus control
/// characters, so transcripts can be compared as text.
struct Console: Sendable {
    /// Whether lines get ANSI colours.
    var usesColour: Bool
    /// The width to wrap to, asked before each reply (the window may have been resized); `nil`
    /// for no wrapping.
    var width: (@Sendable () -> Int)?
    /// Where the text goes.
    var output: any ConsoleOutput

    /// A console over standard output, set up for what standard output is.
    static func standard(environment: [String: String]) -> Console {
        let isTerminal = isatty(STDOUT_FILENO) == 1
        var width: (@Sendable () -> Int)?
        if isTerminal {
            width = { Console.terminalWidth(of: STDOUT_FILENO) }
        }
        return Console(
            usesColour: usesColour(isTerminal: isTerminal, environment: environment),
            width: width,
            output: StandardOutput())
    }

    /// Whether to colour: only on a terminal, only when `NO_COLOR` is unset or empty, and only
    /// when `TERM` names a terminal other than `dumb`.
    static func usesColour(isTerminal: Bool, environment: [String: String]) -> Bool {
        guard isTerminal else { return false }
        if let noColour = environment["NO_COLOR"], !noColour.isEmpty { return false }
        guard let term = environment["TERM"], !term.isEmpty, term != "dumb" else { return false }
        return true
    }

    /// How to draw pictures (the report's bars and tree): in blocks and box-drawing lines only on
    /// a terminal other than `TERM=dumb` whose locale says UTF-8 (`LC_ALL`, else `LC_CTYPE`, else
    /// `LANG`, the first one set); plain ASCII anywhere else, so piped output stays the same.
    static func drawing(isTerminal: Bool, environment: [String: String]) -> Drawing {
        guard isTerminal, let term = environment["TERM"], !term.isEmpty, term != "dumb" else { return .plain }
        let locale = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        let compact = locale.lowercased().replacingOccurrences(of: "-", with: "")
        return compact.contains("utf8") ? .blocks : .plain
    }

    /// The width of the terminal on a file descriptor, or 80 when it cannot be told.
    static func terminalWidth(of fileDescriptor: Int32) -> Int {
        var size = winsize()
        guard ioctl(fileDescriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }

    /// The text of a reply as it will be written, each line ending in a newline.
    ///
    /// A line's text may hold several lines separated by newlines; each is rendered on its own.
    func render(_ reply: Reply) -> String {
        let columns = width?()
        var text = ""
        for line in reply.lines {
            for piece in Self.physicalLines(of: line.text) {
                let clean = TerminalText.sanitize(String(piece))
                let rows = columns.map { TerminalText.wrap(clean, width: $0) } ?? [clean]
                for row in rows {
                    if usesColour, let code = Self.colourCode(for: line.style), !row.isEmpty {
                        text += "\u{1B}[\(code)m" + row + "\u{1B}[0m\n"
                    } else {
                        text += row + "\n"
                    }
                }
            }
        }
        return text
    }

    /// Writes a reply (buffered: see `flush()`).
    func show(_ reply: Reply) {
        guard !reply.lines.isEmpty else { return }
        output.write(render(reply))
    }

    /// Sends everything written so far; the loop calls it before each read.
    func flush() {
        output.flush()
    }

    /// The SGR parameters for a style, or `nil` for plain text.
    static func colourCode(for style: Reply.Style) -> String? {
        switch style {
        case .plain: return nil
        case .heading: return "1"
        case .dim: return "2"
        case .success: return "32"
        case .pitch: return "1;31"
        case .caution: return "33"
        case .tip: return "36"
        }
    }
}

private extension Console {
    /// Splits on `\n`, treating `\r\n` as one break. Works on UTF-8 bytes: `\r\n` is a single
    /// `Character`, which a split on `Character("\n")` would not see.
    static func physicalLines(of text: String) -> [Substring] {
        let bytes = text.utf8
        guard bytes.contains(10) else { return [text[...]] }
        var pieces: [Substring] = []
        var start = bytes.startIndex
        while let newline = bytes[start...].firstIndex(of: 10) {
            pieces.append(trimmingReturn(text[start..<newline]))
            start = bytes.index(after: newline)
        }
        pieces.append(text[start...])
        return pieces
    }

    static func trimmingReturn(_ piece: Substring) -> Substring {
        piece.utf8.last == 13 ? piece[..<piece.utf8.index(before: piece.utf8.endIndex)] : piece
    }
}
