import Foundation
import InfoviewCore

/// The streaming side of `check --jsonl`: reads standard input in large blocks, answers the
/// lines of a block (on every core when there are many), writes the answers in input order, and
/// flushes before every read so that answers stream as lines arrive.
enum JSONLinesLoop {
    /// Below this many lines in a block, one core answers them all.
    static let linesWorthSharing = 64

    /// Runs to the end of input; returns whether any line was flagged as a pitch.
    static func run(coach: Coach, explain: Bool) throws -> Bool {
        let workers = max(1, min(4, ProcessInfo.processInfo.activeProcessorCount))
        var coaches = Array(repeating: coach, count: workers)
        var writers = Array(repeating: JSONWriter(), count: workers)
        var pending: [UInt8] = []
        var output: [UInt8] = []
        output.reserveCapacity(1 << 17)
        var block = [UInt8](repeating: 0, count: 1 << 16)
        var flagged = false
        func flush() {
            var offset = 0
            while offset < output.count {
                let written = output[offset...].withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
                if written < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += written
            }
            output.removeAll(keepingCapacity: true)
        }
        func answer(_ lines: [ArraySlice<UInt8>]) {
            if answers(to: lines, coaches: &coaches, writers: &writers, explain: explain) { flagged = true }
            for index in writers.indices {
                output.append(contentsOf: writers[index].bytes)
                writers[index].removeAll()
            }
        }
        while true {
            flush()
            let count = block.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw CheckFailure("cannot read standard input: \(String(cString: strerror(errno)))").exit()
            }
            if count == 0 { break }
            var lines: [ArraySlice<UInt8>] = []
            var start = 0
            for index in 0..<count where block[index] == 0x0A {
                if pending.isEmpty {
                    lines.append(block[start..<index])
                } else {
                    pending.append(contentsOf: block[start..<index])
                    lines.append(pending[...])
                    pending = []
                }
                start = index + 1
            }
            pending.append(contentsOf: block[start..<count])
            answer(lines)
        }
        if !pending.isEmpty { answer([pending[...]]) }
        flush()
        return flagged
    }

    /// Writes the answers to some lines, each ending in a line break, into the workers' writers:
    /// worker N answers the N-th share of the lines in order, so the writers read one after
    /// another keep the input's order. Blank lines get no answer. Returns whether any line was
    /// flagged as a pitch.
    private static func answers(
        to lines: [ArraySlice<UInt8>], coaches: inout [Coach], writers: inout [JSONWriter], explain: Bool
    ) -> Bool {
        let lines = lines.map { line -> ArraySlice<UInt8> in line.last == 0x0D ? line.dropLast() : line }
            .filter { !$0.allSatisfy { $0 == 0x20 || $0 == 0x09 } }
        let workers = lines.count < linesWorthSharing ? 1 : coaches.count
        var flags = Array(repeating: false, count: workers)
        flags.withUnsafeMutableBufferPointer { flags in
            writers.withUnsafeMutableBufferPointer { writers in
                coaches.withUnsafeMutableBufferPointer { coaches in
                    let shared = Shared(flags: flags.baseAddress!, writers: writers.baseAddress!, coaches: coaches.baseAddress!)
                    let share = (lines.count + workers - 1) / max(1, workers)
                    // Each worker has its own coach (its own scratch) and writer, and touches only those.
                    DispatchQueue.concurrentPerform(iterations: workers) { worker in
                        let range = min(lines.count, worker * share)..<min(lines.count, (worker + 1) * share)
                        for index in range {
                            if CheckReport.answer(
                                jsonLine: lines[index], coach: &shared.coaches[worker], explain: explain,
                                into: &shared.writers[worker])
                            {
                                shared.flags[worker] = true
                            }
                            shared.writers[worker].byte(0x0A)
                        }
                    }
                }
            }
        }
        return flags.contains(true)
    }

    /// Pointers handed to the workers: each touches its own elements only.
    private struct Shared: @unchecked Sendable {
        let flags: UnsafeMutablePointer<Bool>
        let writers: UnsafeMutablePointer<JSONWriter>
        let coaches: UnsafeMutablePointer<Coach>
    }
}
