import ArgumentParser
import Foundation
import InfoviewCore

/// `infoview list`: the interviews with their stage, as plain text.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List your informational interviews and where each one is.")

    @OptionGroup var options: GlobalOptions

    func run() throws {
        let library = try options.locations.promptLibrary()
        let store = try Store(path: options.locations.databasePath())
        let reply = DialogueEngine(library: library).listing(try store.overview())
        for line in reply.lines {
            print(TerminalText.sanitize(line.text))
        }
    }
}
