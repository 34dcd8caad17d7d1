import Foundation
import InfoviewCore

/// The streaming side of `check --jsonl`: reads standard input in large blocks, answers each
/// line in order, and flushes before every read so that answers stream as lines arrive.
enum JSONLinesLoop {
    /// Runs to the end of input; returns whether any line was flagged as a pitch.
    static func run(coach: inout Coach, explain: Bool) throws -> Bool {
        var pending: [UInt8] = []
        var output: [UInt8] = []
        output.reserveCapacity(1 << 16)
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
        func answer(_ line: ArraySlice<UInt8>) {
            var bytes = line
            if bytes.last == 0x0D { bytes = bytes.dropLast() }
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return }
            let reply = CheckReport.answer(jsonLine: bytes, coach: &coach, explain: explain)
            if reply.contains("\"flagged\":true") { flagged = true }
            output.append(contentsOf: reply.utf8)
            output.append(0x0A)
        }
        while true {
            flush()
            let count = block.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw CheckFailure("cannot read standard input: \(String(cString: strerror(errno)))").exit()
            }
            if count == 0 { break }
            var start = 0
            for index in 0..<count where block[index] == 0x0A {
                if pending.isEmpty {
                    answer(block[start..<index])
                } else {
                    pending.append(contentsOf: block[start..<index])
                    answer(pending[...])
                    pending.removeAll(keepingCapacity: true)
                }
                start = index + 1
            }
            pending.append(contentsOf: block[start..<count])
        }
        if !pending.isEmpty { answer(pending[...]) }
        flush()
        return flagged
    }
}
