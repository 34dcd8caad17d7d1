import ArgumentParser
import Foundation
import InfoviewCore

/// `infoview report`: the view across interviews, as plain text.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Show progress, what insiders agree on, the expertise gaps, who led to whom, and where everyone is.")

    @OptionGroup var options: GlobalOptions

    func run() throws {
        let library = try options.promptLibrary()
        let store = try Store(path: options.databasePath())
        let reply = DialogueEngine(library: library).report(try store.overview())
        for line in reply.lines {
            print(TerminalText.sanitize(line.text))
        }
    }
}
