import ArgumentParser
import Foundation
import InfoviewCore

/// `infoview list`: the interviews with their stage, as plain text.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List your informational interviews and where each one is.")

    @OptionGroup var options: GlobalOptions

    func run() throws {
        let library = try PromptLibrary.load(try options.promptFiles())
        let store = try Store(path: options.databasePath())
        let reply = DialogueEngine(library: library).listing(try store.overview())
        for line in reply.lines {
            print(Terminal.visible(line.text))
        }
    }
}

extension GlobalOptions {
    /// The database file: `--db`, else `$INFOVIEW_DB`, else `infoview.sqlite` in
    /// `$XDG_DATA_HOME/infoview` (or `~/.local/share/infoview`).
    func databasePath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let db, !db.isEmpty { return db }
        if let db = environment["INFOVIEW_DB"], !db.isEmpty { return db }
        let data = environment["XDG_DATA_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share"
        return data + "/infoview/infoview.sqlite"
    }
}
