import ArgumentParser
import Foundation
import InfoviewCore

/// `infoview`: the REPL, and subcommands for scripts.
@main
struct InfoviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "infoview",
        abstract: "Prepare, rehearse and debrief informational interviews.",
        discussion: """
            Without a subcommand, opens the chat. On a terminal: Tab completes, Up and Ctrl-R \
            search the history, Ctrl-C cancels the line or the step, Ctrl-D leaves. With input \
            from a pipe or a file, reads plain lines, so a whole session can be scripted.
            """,
        version: "0.1.0",
        subcommands: [
            CheckCommand.self,
            ListCommand.self,
            ExportCommand.self,
            PrepareCommand.self,
            DebriefCommand.self,
            ReportCommand.self,
            PromptsCommand.self,
        ]
    )

    @OptionGroup var options: GlobalOptions

    @Option(help: "Seed for the chat's random choices, to replay a session exactly.")
    var seed: UInt64?

    func run() throws {
        try Self.chat(options: options, seed: seed, opening: nil)
    }

    /// Runs the chat until the person leaves; `opening` is answered first, in place of the
    /// greeting (`infoview prepare NAME` opens on `/prepare NAME`).
    static func chat(options: GlobalOptions, seed: UInt64?, opening: String?) throws {
        // The line editor is for a person at a terminal: both ends must be one.
        let interactive = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
        // Before anything can start a thread: threads inherit the blocked signals.
        let signals = interactive ? try SignalWatcher(signals: LineEditor.watchedSignals) : nil
        let environment = ProcessInfo.processInfo.environment
        let library = try options.promptLibrary()
        var host = try AppHost(library: library, storePath: options.databasePath(), seed: seed)
        let console = Console.standard(environment: environment)
        if let signals {
            var editor = LineEditor(
                signals: signals, historyPath: Self.historyPath(), usesColour: console.usesColour)
            Repl.run(host: &host, reader: &editor, console: console, opening: opening)
        } else {
            var reader = PlainLineReader()
            Repl.run(host: &host, reader: &reader, console: console, opening: opening)
        }
    }

    /// The history file, its folder created; `nil` (with a warning) if the folder cannot be.
    static func historyPath() -> String? {
        let paths = Paths.current()
        do {
            try Paths.makeDirectory(paths.stateDirectory)
            return paths.historyPath
        } catch {
            FileHandle.standardError.write(Data("infoview: the line history will not be kept: \(error)\n".utf8))
            return nil
        }
    }
}
