import InfoviewCore

/// The read-answer loop between a line reader and the application.
enum Repl {
    /// Greets (or answers `opening` instead), then answers line after line until the host
    /// finishes or the input ends.
    ///
    /// Ctrl-C on a line with text only throws that text away; on an empty line it goes to the
    /// host (which cancels the current step). Output is flushed before every read, so the person
    /// sees each answer before being asked for more.
    static func run<Host: ReplHost, Reader: LineReader>(
        host: inout Host, reader: inout Reader, console: Console, opening: String? = nil
    ) {
        if let opening {
            console.show(host.handle(opening))
        } else {
            console.show(host.greeting())
        }
        var firstRead = true
        while !host.isFinished {
            console.flush()
            if firstRead {
                firstRead = false
                host.firstReplyShown()
            }
            let prompt = host.prompt
            let event = reader.readLine(prompt: prompt) { word, line in host.completions(for: word, in: line) }
            switch event {
            case .line(let line):
                console.show(host.handle(line))
            case .interrupted(hadText: true):
                continue
            case .interrupted(hadText: false):
                console.show(host.interrupt())
            case .end:
                console.show(host.endOfInput())
                console.flush()
                return
            }
        }
        console.flush()
    }
}
