import Foundation

/// The built-in question banks, parsed the first time something needs them (the question list,
/// a rehearsal, live notes), so that the chat opens without reading them.
final class LazyQuestionBanks: @unchecked Sendable {
    private let lock = NSLock()
    private let files: PromptFiles
    private var banks: [QuestionBank]?

    init(files: PromptFiles) {
        self.files = files
    }

    /// Every `questions/*.questions` file of a prompts folder, parsed.
    static func parse(_ files: PromptFiles) throws(PromptError) -> [QuestionBank] {
        try QuestionBankParser.parse(files.files(in: "questions", ending: ".questions").map { ($0.text, $0.displayName) })
    }

    /// The banks, parsing them on the first call.
    var value: [QuestionBank] {
        lock.lock()
        defer { lock.unlock() }
        if let banks { return banks }
        do {
            let parsed = try Self.parse(files)
            banks = parsed
            return parsed
        } catch {
            fatalError("the built-in question banks do not parse: \(error)")
        }
    }
}
