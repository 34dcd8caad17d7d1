import Foundation

/// Turns signals into bytes on a file descriptor (Linux `signalfd`), so that one `poll` can wait
/// for a key press and a signal together, and no signal handler ever runs.
///
/// The signals are blocked for the calling thread, and for every thread it starts later: create
/// the watcher before anything starts a thread, or a signal may reach a thread that does not
/// block it and take its default action there.
final class SignalWatcher {
    /// Readable whenever a watched signal is pending.
    let fileDescriptor: Int32
    private var previousMask = sigset_t()

    /// Blocks `signals` and starts watching them.
    init(signals: [Int32]) throws(SignalWatcherError) {
        var mask = sigset_t()
        sigemptyset(&mask)
        for signal in signals { sigaddset(&mask, signal) }
        let status = pthread_sigmask(SIG_BLOCK, &mask, &previousMask)
        guard status == 0 else { throw SignalWatcherError(call: "pthread_sigmask", code: status) }
        guard let create = Self.signalfd else {
            pthread_sigmask(SIG_SETMASK, &previousMask, nil)
            throw SignalWatcherError(call: "signalfd (not found in the C library)", code: ENOSYS)
        }
        let descriptor = create(-1, &mask, O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            let code = errno
            pthread_sigmask(SIG_SETMASK, &previousMask, nil)
            throw SignalWatcherError(call: "signalfd", code: code)
        }
        fileDescriptor = descriptor
    }

    /// The signals that arrived since the last call, oldest first (each kind at most once per
    /// batch: the kernel does not queue repeats of a pending signal).
    func pending() -> [Int32] {
        var signals: [Int32] = []
        var info = [UInt8](repeating: 0, count: Self.infoSize)
        while true {
            let count = info.withUnsafeMutableBytes { read(fileDescriptor, $0.baseAddress, Self.infoSize) }
            if count < 0 && errno == EINTR { continue }
            guard count == Self.infoSize else { return signals }
            // `struct signalfd_siginfo` begins with `uint32_t ssi_signo`.
            let number = info.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: 0, as: UInt32.self) }
            signals.append(Int32(bitPattern: number))
        }
    }

    deinit {
        _ = pending()  // drop what is pending, so unblocking does not deliver it with its default action
        close(fileDescriptor)
        pthread_sigmask(SIG_SETMASK, &previousMask, nil)
    }
}

/// Why signals cannot be watched.
struct SignalWatcherError: Error, CustomStringConvertible, Sendable {
    /// The system call that failed.
    var call: String
    /// Its `errno`.
    var code: Int32

    var description: String {
        "cannot watch for Ctrl-C and window changes: \(call) failed: \(String(cString: strerror(code)))"
    }
}

private extension SignalWatcher {
    typealias SignalFDFunction = @convention(c) (Int32, UnsafePointer<sigset_t>?, Int32) -> Int32

    /// `sizeof(struct signalfd_siginfo)`, fixed by the Linux ABI.
    static let infoSize = 128

    /// glibc's `signalfd`, looked up at run time because the `Glibc` module does not include
    /// `<sys/signalfd.h>`.
    static let signalfd: SignalFDFunction? = {
        guard let symbol = dlsym(nil, "signalfd") else { return nil }
        return unsafeBitCast(symbol, to: SignalFDFunction.self)
    }()
}
