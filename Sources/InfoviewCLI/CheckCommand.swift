import ArgumentParser
import Foundation
import InfoviewCore

/// `infoview check`: the coach as a linter.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Flag pitching-for-a-job mistakes in what you plan to say or write.",
        discussion: """
            Reads each FILE (or standard input when there is none, or for '-') and prints one \
            diagnostic a finding, FILE:LINE:COL: SEVERITY: MESSAGE [RULE-ID], followed by the quoted \
            words and a better thing to say. Exit status: 1 when a pitch was found, 0 when none, 2 on \
            a usage or input error.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var options: GlobalOptions

    @Option(help: "Where the text comes from: question, spoken, email or note (default: email for several lines, else spoken).")
    var channel: String?

    @Option(help: "text (diagnostics) or json (one document).")
    var format: Format = .text

    @Flag(help: "Read JSON lines {\"id\", \"text\", \"context\", \"channel\"} and answer each with a JSON line.")
    var jsonl = false

    @Flag(help: "Also show which pattern of which rule matched which words.")
    var explain = false

    @Option(help: "What the insider said just before (their last line), for a single text.")
    var context: String?

    @Argument(help: "Files to check ('-' for standard input).")
    var files: [String] = []

    func run() throws {
        try CheckRun(
            locations: options.locations, channel: channel, format: format, jsonl: jsonl, explain: explain, context: context,
            files: files
        ).run()
    }
}

/// A usage or input error of `check`: printed, exit status 2.
struct CheckFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

extension Error {
    /// Prints the error and turns it into exit status 2, the linter's "could not check".
    func exit() -> ExitCode {
        FileHandle.standardError.write(Data("infoview check: \(TerminalText.sanitize(String(describing: self)))\n".utf8))
        return ExitCode(2)
    }
}
