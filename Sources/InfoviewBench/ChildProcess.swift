import Glibc

/// A program started with `posix_spawn` and waited for with `waitpid`, so that what is timed is
/// the program: nothing polls for its end, and no run loop sits between its exit and the clock.
struct ChildProcess {
    /// Where one of the child's standard streams comes from or goes to.
    enum Stream {
        /// A file, opened read-only for input or truncated for output.
        case file(String)
        /// `/dev/null`.
        case null
        /// A new pipe; this side's end is in `ChildProcess.pipes`.
        case pipe
    }

    let pid: pid_t
    /// This side's ends of the `.pipe` streams, by the child's descriptor (0 to write, 1 and 2 to read).
    let pipes: [Int32: Int32]

    /// Starts `arguments[0]` with the streams given for descriptors 0, 1 and 2, or `nil` if it
    /// could not be started.
    init?(_ arguments: [String], stdin: Stream = .null, stdout: Stream = .null, stderr: Stream = .null) {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var ours: [Int32: Int32] = [:]
        var theirs: [Int32] = []
        for (descriptor, stream) in [(Int32(0), stdin), (1, stdout), (2, stderr)] {
            switch stream {
            case .null:
                posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY, 0)
            case .file(let path):
                let flags = descriptor == 0 ? O_RDONLY : O_WRONLY | O_CREAT | O_TRUNC
                posix_spawn_file_actions_addopen(&actions, descriptor, path, flags, 0o600)
            case .pipe:
                var ends: [Int32] = [0, 0]
                guard pipe(&ends) == 0 else { return nil }
                ends.forEach { _ = fcntl($0, F_SETFD, FD_CLOEXEC) }  // only the dup2 copies reach the child
                let (child, parent) = descriptor == 0 ? (ends[0], ends[1]) : (ends[1], ends[0])
                posix_spawn_file_actions_adddup2(&actions, child, descriptor)
                ours[descriptor] = parent
                theirs.append(child)
            }
        }
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let started = posix_spawn(&pid, arguments[0], &actions, nil, &argv, environ)
        theirs.forEach { close($0) }
        guard started == 0 else {
            ours.values.forEach { close($0) }
            return nil
        }
        self.pid = pid
        self.pipes = ours
    }

    /// Writes all of `bytes` to the child's standard input pipe.
    func write(_ bytes: [UInt8]) {
        guard let descriptor = pipes[0] else { return }
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written <= 0 { return }
            offset += written
        }
    }

    /// Closes this side of the child's standard input, so that it reads the end.
    func closeInput() {
        if let descriptor = pipes[0] { close(descriptor) }
    }

    /// Reads from the child's standard output until `enough` holds for what arrived, or it ends.
    func read(until enough: ([UInt8]) -> Bool) -> [UInt8] {
        guard let descriptor = pipes[1] else { return [] }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while !enough(received) {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            received += buffer[0..<count]
        }
        return received
    }

    /// Reads and discards the rest of the output, waits for the child to end, and closes the pipes.
    func finish() {
        _ = read { _ in false }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        pipes.values.forEach { close($0) }
    }
}
