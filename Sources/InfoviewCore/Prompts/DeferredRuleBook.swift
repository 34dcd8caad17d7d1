import Foundation

/// Rules being compiled on another thread, so that the chat can greet the person while the
/// coach gets ready; the first use waits for them. Only for prompts known to be correct (the
/// built-in ones, checked by the tests): a mistake there is a bug, not something to report.
final class DeferredRuleBook: @unchecked Sendable {
    private let condition = NSCondition()
    private var book: RuleBook?

    init(files: [(name: String, text: String)]) {
        let condition = self.condition
        Thread.detachNewThread { [self] in
            let compiled: RuleBook
            do {
                compiled = try RuleBook.compile(files)
            } catch {
                fatalError("the built-in rules do not compile: \(error)")
            }
            condition.lock()
            book = compiled
            condition.broadcast()
            condition.unlock()
        }
    }

    /// The compiled rules, waiting for them if need be.
    var value: RuleBook {
        condition.lock()
        defer { condition.unlock() }
        while book == nil { condition.wait() }
        return book!
    }
}
