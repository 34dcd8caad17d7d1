import Foundation
import InfoviewCore

extension GlobalOptions {
    /// The prompts folder chosen with `--prompts` or `INFOVIEW_PROMPTS`, if any.
    var promptsFolder: String? {
        if let prompts, !prompts.isEmpty { return prompts }
        if let folder = ProcessInfo.processInfo.environment["INFOVIEW_PROMPTS"], !folder.isEmpty { return folder }
        return nil
    }

    /// The prompt files: the chosen folder's, or the built-in ones.
    func promptFiles() throws(PromptError) -> PromptFiles {
        guard let folder = promptsFolder else { return .builtIn }
        return try PromptFiles.read(from: folder)
    }

    /// The parsed prompts; a mistake in them is an error naming its `file:line`.
    func library() throws -> PromptLibrary {
        try PromptLibrary.load(try promptFiles())
    }
}
