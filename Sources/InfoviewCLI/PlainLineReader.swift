import Foundation

/// Reads lines from a file descriptor that is not a terminal: no prompt, no echo, no editing.
///
/// Lines may be of any length and any bytes: invalid UTF-8 becomes U+FFFD, a trailing `\r` is
/// dropped, and a last line without a newline still counts.
///
/// With a `SignalWatcher` for `watchedSignals`, SIGTERM or SIGHUP ends the input like the end of
/// the file (the lines not yet read are dropped), so a scripted session that is stopped still says
/// goodbye and exits with status 0 instead of dying by the signal.
struct PlainLineReader: LineReader {
    /// The signals that end a piped session cleanly.
    static let watchedSignals: [Int32] = [SIGTERM, SIGHUP]

    private let fileDescriptor: Int32
    private let chunkSize: Int
    private let signals: SignalWatcher?
    private var buffer: [UInt8] = []
    /// Where the next line starts in `buffer`.
    private var start = 0
    /// Where the search for the next newline resumes (everything before it has none).
    private var searched = 0
    private var reachedEnd = false

    /// Reads from `fileDescriptor` (standard input by default) in chunks of `chunkSize` bytes.
    /// `signals`, if given, must watch `PlainLineReader.watchedSignals`.
    init(fileDescriptor: Int32 = STDIN_FILENO, chunkSize: Int = 1 << 16, signals: SignalWatcher? = nil) {
        self.fileDescriptor = fileDescriptor
        self.chunkSize = max(chunkSize, 1)
        self.signals = signals
    }

    mutating func readLine(prompt: String) -> LineEvent {
        if isStopped() { return .end }
        while true {
            if let newline = nextNewline() {
                let line = Self.decode(buffer[start..<newline])
                start = newline + 1
                searched = start
                return .line(line)
            }
            searched = buffer.count
            if reachedEnd {
                guard start < buffer.count else { return .end }
                let line = Self.decode(buffer[start...])
                start = buffer.count
                return .line(line)
            }
            if !waitForInput() { return .end }
            readChunk()
        }
    }
}

private extension PlainLineReader {
    /// Whether SIGTERM or SIGHUP has come.
    func isStopped() -> Bool {
        guard let signals else { return false }
        return signals.pending().contains { Self.watchedSignals.contains($0) }
    }

    /// Waits until the input can be read (`true`) or a stop signal comes (`false`).
    func waitForInput() -> Bool {
        guard let signals else { return true }
        while true {
            var fds = [
                pollfd(fd: fileDescriptor, events: Int16(POLLIN), revents: 0),
                pollfd(fd: signals.fileDescriptor, events: Int16(POLLIN), revents: 0),
            ]
            if poll(&fds, 2, -1) < 0 {
                if errno == EINTR { continue }
                return true  // let read() report what is wrong
            }
            if fds[1].revents != 0, isStopped() { return false }
            if fds[0].revents != 0 { return true }
        }
    }

    func nextNewline() -> Int? {
        guard searched < buffer.count else { return nil }
        return buffer.withUnsafeBufferPointer { bytes -> Int? in
            guard let base = bytes.baseAddress,
                let found = memchr(base + searched, 10, bytes.count - searched)
            else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
    }

    mutating func readChunk() {
        if start > 0 {
            buffer.removeSubrange(0..<start)
            searched -= start
            start = 0
        }
        let oldCount = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: chunkSize))
        while true {
            let count = buffer.withUnsafeMutableBufferPointer { bytes in
                read(fileDescriptor, bytes.baseAddress! + oldCount, chunkSize)
            }
            if count < 0 && errno == EINTR { continue }
            buffer.removeSubrange((oldCount + max(count, 0))...)
            if count <= 0 { reachedEnd = true }
            return
        }
    }

    static func decode(_ bytes: ArraySlice<UInt8>) -> String {
        let line = bytes.last == 13 ? bytes.dropLast() : bytes
        return String(decoding: line, as: UTF8.self)
    }
}
