import Foundation
import InfoviewCore

// Prints the figures the issues ask for: `swift build -c release && .build/release/InfoviewBench`.
// Every timing is a median over repeated runs of the release binary next to this one.

let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("infoview")
guard FileManager.default.isExecutableFile(atPath: binary.path) else {
    printFlushed("no infoview next to \(CommandLine.arguments[0]); run `swift build -c release` first")
    exit(2)
}
let work = FileManager.default.temporaryDirectory.appendingPathComponent("infoview-bench-\(getpid())")
try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: work) }

var random = BenchRandom(seed: 2026)
let corpus = work.appendingPathComponent("corpus.jsonl")
try BenchCorpus.lines(count: 100_000, random: &random).joined().write(to: corpus, atomically: true, encoding: .utf8)
// `InfoviewBench --corpus FILE` writes the corpus there and stops, for profiling `check --jsonl` on it.
if CommandLine.arguments.count == 3, CommandLine.arguments[1] == "--corpus" {
    try FileManager.default.copyItem(at: corpus, to: URL(fileURLWithPath: CommandLine.arguments[2]))
    try? FileManager.default.removeItem(at: work)
    exit(0)
}

// A prompts folder with 5,000 generated rules beside the shipped ones.
let bigPrompts = work.appendingPathComponent("prompts")
for file in PromptFiles.builtIn.files {
    let url = bigPrompts.appendingPathComponent(file.path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try file.text.write(to: url, atomically: true, encoding: .utf8)
}
try BenchCorpus.rules(count: 5_000, random: &random).write(
    to: bigPrompts.appendingPathComponent("rules/generated.rules"), atomically: true, encoding: .utf8)

printFlushed("infoview benchmarks (\(binary.path))")
let loads = (0..<15).map { _ -> Double in
    let start = Bench.now()
    _ = try? PromptLibrary.load(.builtIn)
    return Bench.now() - start
}
printFlushed(String(format: "loading and compiling the built-in prompts in the process: %.1f ms", median(loads) * 1000))
printFlushed("corpus: 100,000 generated lines; medians of repeated runs\n")
for (label, prompts) in [("shipped rules", nil), ("5,000 extra rules", bigPrompts.path)] as [(String, String?)] {
    let extra = prompts.map { ["--prompts", $0] } ?? []
    let library = try PromptLibrary.load(prompts.map { try PromptFiles.read(from: $0) } ?? .builtIn)
    printFlushed("\(label): \(library.rules.allRules.count) rules")
    // Five runs: the median, and the best (what the machine gives when nothing else is running).
    let runs = (0..<5).map { _ in Bench.time(binary, ["check", "--jsonl"] + extra, stdin: corpus) }
    let seconds = median(runs)
    printFlushed(
        String(
            format: "  check --jsonl through a pipe: %.0f lines/s (%.2f s for 100,000 lines; best of 5 runs: %.0f lines/s)",
            100_000 / seconds, seconds, 100_000 / (runs.min() ?? seconds)))
    let latencies = Bench.perLine(library: library, corpus: corpus)
    printFlushed(String(format: "  per line in the process: median %.1f µs, p99 %.1f µs", latencies.median, latencies.p99))
    let startup = median((0..<15).map { _ in Bench.firstVerdict(binary, extra) })
    printFlushed(String(format: "  start-up to the first verdict: %.1f ms", startup * 1000))
    if let peak = Bench.peakMemory(binary, ["check", "--jsonl"] + extra, stdin: corpus) {
        printFlushed(String(format: "  peak memory: %.1f MiB\n", peak))
    } else {
        printFlushed("  peak memory: not measured (needs GNU time at /usr/bin/time: apt-get install time)\n")
    }
}

let quit = work.appendingPathComponent("quit.txt")
try "/quit\n".write(to: quit, atomically: true, encoding: .utf8)
let database = work.appendingPathComponent("bench.sqlite").path
_ = Bench.time(binary, ["--db", database], stdin: quit)
let toExit = median((0..<21).map { _ in Bench.time(binary, ["--db", database], stdin: quit) })
let toOutput = median((0..<21).map { _ in Bench.firstOutput(binary, ["--db", database], stdin: quit) })
printFlushed("REPL, printf '/quit\\n' | infoview:")
printFlushed(String(format: "  start to first output (the greeting, before the first read): %.1f ms", toOutput * 1000))
printFlushed(String(format: "  start to exit: %.1f ms", toExit * 1000))

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted[sorted.count / 2]
}

func printFlushed(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
