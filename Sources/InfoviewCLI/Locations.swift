import Foundation
import InfoviewCore

/// Where the database and the prompts are, from `--db` and `--prompts` (nil when not given) and
/// the environment.
struct Locations: Sendable {
    var db: String?
    var prompts: String?

    /// The database file: `--db`, else `$INFOVIEW_DB`, else the one in the data folder.
    func databasePath() -> String {
        databasePath(environment: ProcessInfo.processInfo.environment, paths: .current())
    }

    /// The database file for a given environment (tests pass their own).
    func databasePath(environment: [String: String], paths: Paths) -> String {
        if let db, !db.isEmpty { return db }
        if let db = environment["INFOVIEW_DB"], !db.isEmpty { return db }
        return paths.databasePath
    }

    /// The prompts folder to read instead of the built-in prompts, if any: `--prompts`, else
    /// `$INFOVIEW_PROMPTS`.
    func promptsFolder(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let prompts, !prompts.isEmpty { return prompts }
        if let prompts = environment["INFOVIEW_PROMPTS"], !prompts.isEmpty { return prompts }
        return nil
    }

    /// The prompt files: the folder chosen, else the ones built into the program.
    func promptFiles() throws(PromptError) -> PromptFiles {
        guard let folder = promptsFolder() else { return .builtIn }
        return try PromptFiles.read(from: folder)
    }

    /// The prompt files, parsed and checked.
    func promptLibrary() throws(PromptError) -> PromptLibrary {
        try PromptLibrary.load(promptFiles())
    }

    /// The prompts for the chat: the built-in rules compile on another thread while the chat
    /// opens (an edited folder is checked whole first, so its mistakes are reported at once).
    func chatLibrary() throws(PromptError) -> PromptLibrary {
        try PromptLibrary.load(promptFiles(), rulesInBackground: promptsFolder() == nil)
    }
}
