import Foundation

/// Rules compiled on another thread, so that the chat can greet the person while the coach gets
/// ready; the first use waits for them. The thread starts when `start()` is called (the chat calls
/// it once the greeting is out, so the two do not compete) or at the first use, whichever comes
/// first. Only for prompts known to be correct (the built-in ones, checked by the tests): a
/// mistake there is a bug, not something to report.
final class DeferredRuleBook: @unchecked Sendable {
    private let condition = NSCondition()
    private let files: [(name: String, text: String)]
    private var started = false
    private var book: RuleBook?

    init(files: [(name: String, text: String)]) {
        self.files = files
    }

    /// Starts compiling on another thread, unless that has begun already.
    func start() {
        condition.lock()
        defer { condition.unlock() }
        guard !started else { return }
        started = true
        let files = files
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
        start()
        condition.lock()
        defer { condition.unlock() }
        while book == nil { condition.wait() }
        return book!
    }
}
