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
            RehearseCommand.self,
            LiveCommand.self,
        ]
    )

    @OptionGroup var options: GlobalOptions

    @OptionGroup var replay: ReplayOptions

    /// Runs the command line as swift-argument-parser does, except that a mistake in a prompt
    /// file or a database error is printed with its control characters made visible: either can
    /// quote text from a file (or a file's name) that must never reach the terminal raw.
    static func main() {
        do {
            // Plain `infoview`, the way most people start the chat: its options (all defaults) are
            // parsed alone, without describing every subcommand first.
            if CommandLine.arguments.count == 1 {
                try chat(locations: Locations(), seed: nil, opening: nil)
                return
            }
            // `infoview check …`, the command scripts run: its usual arguments are read directly;
            // anything else (help, a mistake) goes through the whole description below, so that
            // what is printed names `infoview check`.
            let arguments = Array(CommandLine.arguments.dropFirst())
            if arguments.first == "check", let check = CheckRun.parse(Array(arguments.dropFirst())) {
                try check.run()
                return
            }
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            // A bare status (a pitch found, a usage error already printed): no message to build.
            Foundation.exit(code.rawValue)
        } catch let error as PromptError {
            exit(withError: TerminalSafeError(error))
        } catch let error as StoreError {
            exit(withError: TerminalSafeError(error))
        } catch {
            exit(withError: error)
        }
    }

    func run() throws {
        try Self.chat(locations: options.locations, seed: replay.seed, opening: nil)
    }

    /// Runs the chat until the person leaves; `opening` is answered first, in place of the
    /// greeting (`infoview prepare NAME` opens on `/prepare NAME`). With `endsWithOpening`, the
    /// chat ends as soon as the rehearsal or checklist the opening started is over (`infoview
    /// rehearse NAME`). Returns whether the opening started one.
    @discardableResult
    static func chat(locations options: Locations, seed: UInt64?, opening: String?, endsWithOpening: Bool = false) throws -> Bool {
        // The line editor is for a person at a terminal: both ends must be one.
        let interactive = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
        // Before anything can start a thread: threads inherit the blocked signals.
        let signals = try SignalWatcher(signals: interactive ? LineEditor.watchedSignals : PlainLineReader.watchedSignals)
        let environment = ProcessInfo.processInfo.environment
        let library = try Self.promptLibrary(options)
        let drawing = Console.drawing(isTerminal: isatty(STDOUT_FILENO) == 1, environment: environment)
        var host = try AppHost(
            library: library, storePath: options.databasePath(), seed: seed, endsWithOpening: endsWithOpening, drawing: drawing)
        let console = Console.standard(environment: environment)
        if interactive {
            var editor = LineEditor(
                signals: signals, historyPath: Self.historyPath(), usesColour: console.usesColour)
            Repl.run(host: &host, reader: &editor, console: console, opening: opening)
        } else {
            var reader = PlainLineReader(signals: signals)
            Repl.run(host: &host, reader: &reader, console: console, opening: opening)
        }
        return host.openingStarted
    }

    /// The prompts for the chat. A mistake in an edited copy (`--prompts`) must not keep the
    /// person from their interviews: it is shown, with its `file:line`, and the chat starts with the
    /// built-in prompts. (`check`, `list` and `prompts verify` fail on it instead.) A folder that
    /// is not there at all is a mistyped option, and stays an error.
    static func promptLibrary(_ options: Locations) throws -> PromptLibrary {
        do {
            return try options.chatLibrary()
        } catch {
            var isFolder: ObjCBool = false
            guard let folder = options.promptsFolder(),
                FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue
            else { throw error }
            let notice = """
                infoview: \(TerminalText.sanitize(error.description))
                infoview: the prompts in \(TerminalText.sanitize(folder)) were not used because of this mistake; \
                this chat uses the built-in prompts (infoview prompts verify --prompts \(TerminalText.sanitize(folder)) checks the copy)

                """
            FileHandle.standardError.write(Data(notice.utf8))
            return try PromptLibrary.load(.builtIn, rulesInBackground: true)
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

/// An error whose message quotes text from outside the program, shown with its control
/// characters made visible.
struct TerminalSafeError: Error, CustomStringConvertible {
    var description: String

    init(_ error: any Error & CustomStringConvertible) {
        description = TerminalText.sanitize(error.description)
    }
}
