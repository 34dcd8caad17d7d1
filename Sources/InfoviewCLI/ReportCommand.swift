import ArgumentParser
import Foundation
import InfoviewCore

/// `infoview report`: the view across interviews; its pictures in blocks and box-drawing lines on
/// a UTF-8 terminal, in plain ASCII anywhere else.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Show progress, what insiders agree on, the expertise gaps, who led to whom, and where everyone is.")

    @OptionGroup var options: GlobalOptions

    func run() throws {
        let library = try options.locations.promptLibrary()
        let store = try Store(path: options.locations.databasePath())
        let drawing = Console.drawing(isTerminal: isatty(STDOUT_FILENO) == 1, environment: ProcessInfo.processInfo.environment)
        let reply = DialogueEngine(library: library, drawing: drawing).report(try store.overview())
        for line in reply.lines {
            print(TerminalText.sanitize(line.text))
        }
    }
}
