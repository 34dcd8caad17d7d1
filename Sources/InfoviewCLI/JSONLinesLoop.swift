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
            for reply in answers(to: lines, coaches: &coaches, explain: explain) {
                if reply.flagged { flagged = true }
                output.append(contentsOf: reply.line.utf8)
                output.append(0x0A)
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

    /// The answers to some lines, in order; blank lines get none.
    private static func answers(
        to lines: [ArraySlice<UInt8>], coaches: inout [Coach], explain: Bool
    ) -> [(line: String, flagged: Bool)] {
        let lines = lines.map { line -> ArraySlice<UInt8> in line.last == 0x0D ? line.dropLast() : line }
            .filter { !$0.allSatisfy { $0 == 0x20 || $0 == 0x09 } }
        var results = Array(repeating: (line: "", flagged: false), count: lines.count)
        let workers = lines.count < linesWorthSharing ? 1 : coaches.count
        results.withUnsafeMutableBufferPointer { results in
            coaches.withUnsafeMutableBufferPointer { coaches in
                let shared = Shared(results: results.baseAddress!, coaches: coaches.baseAddress!)
                let share = (lines.count + workers - 1) / max(1, workers)
                // Each worker has its own coach (its own scratch) and writes only its own slots.
                DispatchQueue.concurrentPerform(iterations: workers) { worker in
                    let range = min(lines.count, worker * share)..<min(lines.count, (worker + 1) * share)
                    for index in range {
                        shared.results[index] = CheckReport.answerFlagging(
                            jsonLine: lines[index], coach: &shared.coaches[worker], explain: explain)
                    }
                }
            }
        }
        return results
    }

    /// Pointers handed to the workers: each touches disjoint elements only.
    private struct Shared: @unchecked Sendable {
        let results: UnsafeMutablePointer<(line: String, flagged: Bool)>
        let coaches: UnsafeMutablePointer<Coach>
    }
}
