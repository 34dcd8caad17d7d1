import ArgumentParser
import InfoviewCore

/// `infoview`: the REPL, and subcommands for scripts.
@main
struct InfoviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "infoview",
        abstract: "Prepare, rehearse and debrief informational interviews.",
        version: "0.1.0",
        subcommands: [CheckCommand.self, PromptsCommand.self]
    )

    func run() throws {
        print("infoview: \(PromptFiles.builtIn.files.count) prompt files")
    }
}
