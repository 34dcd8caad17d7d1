import Foundation
import InfoviewCore

/// Measurements of a child process or of the coach in this process.
enum Bench {
    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// Wall time of a run with a file on standard input and output thrown away.
    static func time(_ binary: URL, _ arguments: [String], stdin: URL) -> Double {
        let start = now()
        guard let child = ChildProcess([binary.path] + arguments, stdin: .file(stdin.path)) else { return .nan }
        child.finish()
        return now() - start
    }

    /// Time from start until the first byte of output.
    static func firstOutput(_ binary: URL, _ arguments: [String], stdin: URL) -> Double {
        let start = now()
        guard let child = ChildProcess([binary.path] + arguments, stdin: .file(stdin.path), stdout: .pipe) else { return .nan }
        _ = child.read { !$0.isEmpty }
        let elapsed = now() - start
        child.finish()
        return elapsed
    }

    /// Time from start until the answer to one line of `check --jsonl` arrives.
    static func firstVerdict(_ binary: URL, _ extra: [String]) -> Double {
        let start = now()
        guard let child = ChildProcess([binary.path, "check", "--jsonl"] + extra, stdin: .pipe, stdout: .pipe) else { return .nan }
        child.write(Array(#"{"id":1,"text":"Are you hiring?"}"#.utf8) + [0x0A])
        _ = child.read { $0.contains(0x0A) }
        let elapsed = now() - start
        child.closeInput()
        child.finish()
        return elapsed
    }

    /// Peak resident memory of one run, as GNU time reports it (`/usr/bin/time -f %M`). The
    /// kernel's figure for a child started from this process would include this process's own
    /// memory (a spawned child inherits its parent's high-water mark until it execs).
    static func peakMemory(_ binary: URL, _ arguments: [String], stdin: URL) -> Double? {
        let time = URL(fileURLWithPath: "/usr/bin/time")
        guard FileManager.default.isExecutableFile(atPath: time.path) else { return nil }
        let report = FileManager.default.temporaryDirectory.appendingPathComponent("infoview-bench-rss-\(getpid())")
        defer { try? FileManager.default.removeItem(at: report) }
        _ = Bench.time(time, ["-f", "%M", "-o", report.path, binary.path] + arguments, stdin: stdin)
        guard let text = try? String(contentsOf: report, encoding: .utf8),
            let kilobytes = text.split(separator: "\n").last.flatMap({ Double($0.trimmingCharacters(in: .whitespaces)) })
        else { return nil }
        return kilobytes / 1024
    }

    /// Per-line latency of the coach in this process, in microseconds.
    static func perLine(library: PromptLibrary, corpus: URL) -> (median: Double, p99: Double) {
        guard let text = try? String(contentsOf: corpus, encoding: .utf8) else { return (.nan, .nan) }
        var coach = library.coach()
        var samples: [Double] = []
        samples.reserveCapacity(100_000)
        for line in text.split(separator: "\n") {
            let bytes = Array(line.utf8)
            let start = now()
            _ = CheckReport.answer(jsonLine: bytes, coach: &coach)
            samples.append((now() - start) * 1e6)
        }
        samples.sort()
        return (samples[samples.count / 2], samples[min(samples.count - 1, samples.count * 99 / 100)])
    }
}

/// A small deterministic generator, so that every run measures the same corpus.
struct BenchRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
