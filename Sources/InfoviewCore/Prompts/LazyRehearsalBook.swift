import Foundation

/// The rehearsal's personas and topics, compiled the first time a rehearsal needs them, so that
/// the chat opens without paying for them. Only for prompts known to be correct (the built-in
/// ones, checked by the tests): a mistake there is a bug, not something to report.
final class LazyRehearsalBook: @unchecked Sendable {
    private let lock = NSLock()
    private let files: PromptFiles
    private let banks: LazyQuestionBanks
    private var book: RehearsalBook?

    init(files: PromptFiles, banks: LazyQuestionBanks) {
        self.files = files
        self.banks = banks
    }

    /// The compiled book, compiling it on the first call.
    var value: RehearsalBook {
        lock.lock()
        defer { lock.unlock() }
        if let book { return book }
        do {
            let compiled = try RehearsalBook.load(files, ruleFiles: try RehearsalBook.ruleFiles(files), banks: banks.value)
            book = compiled
            return compiled
        } catch {
            fatalError("the built-in personas and topics do not compile: \(error)")
        }
    }
}
