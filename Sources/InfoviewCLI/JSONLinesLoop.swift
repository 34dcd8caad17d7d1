import Foundation
import InfoviewCore

/// The streaming side of `check --jsonl`: reads standard input in large blocks, answers the
/// lines of a block (on every core when there are many), writes the answers in input order, and
/// flushes before every read so that answers stream as lines arrive.
enum JSONLinesLoop {
    /// How many lines one core answers at a time: few enough that the cores finish a block
    /// together, enough that handing out runs costs nothing.
    static let linesPerRun = 48

    /// Runs to the end of input; returns whether any line was flagged as a pitch.
    static func run(coach: Coach, explain: Bool) throws -> Bool {
        var writers: [JSONWriter] = []
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
            if answers(to: lines, coach: coach, writers: &writers, explain: explain) { flagged = true }
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

    /// Writes the answers to some lines, each ending in a line break, into `writers`: the lines
    /// are cut into runs of `linesPerRun`, which the cores take as they come free, each run into
    /// its own writer, so the writers read one after another keep the input's order. Blank lines
    /// get no answer. Returns whether any line was flagged as a pitch.
    private static func answers(
        to lines: [ArraySlice<UInt8>], coach: Coach, writers: inout [JSONWriter], explain: Bool
    ) -> Bool {
        let lines = lines.map { line -> ArraySlice<UInt8> in line.last == 0x0D ? line.dropLast() : line }
            .filter { !$0.allSatisfy { $0 == 0x20 || $0 == 0x09 } }
        let runs = (lines.count + linesPerRun - 1) / linesPerRun
        while writers.count < runs { writers.append(JSONWriter()) }
        var flags = Array(repeating: false, count: runs)
        flags.withUnsafeMutableBufferPointer { flags in
            writers.withUnsafeMutableBufferPointer { writers in
                let shared = Shared(flags: flags.baseAddress!, writers: writers.baseAddress!)
                // Each run has its own copy of the coach (its own scratch) and its own writer.
                DispatchQueue.concurrentPerform(iterations: runs) { run in
                    var coach = coach
                    for index in (run * linesPerRun)..<min(lines.count, (run + 1) * linesPerRun) {
                        if CheckReport.answer(jsonLine: lines[index], coach: &coach, explain: explain, into: &shared.writers[run]) {
                            shared.flags[run] = true
                        }
                        shared.writers[run].byte(0x0A)
                    }
                }
            }
        }
        return flags.contains(true)
    }

    /// Pointers handed to the workers: each run touches its own elements only.
    private struct Shared: @unchecked Sendable {
        let flags: UnsafeMutablePointer<Bool>
        let writers: UnsafeMutablePointer<JSONWriter>
    }
}
