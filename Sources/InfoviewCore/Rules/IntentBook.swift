/// What the person asked for at the home prompt, with the words the pattern captured.
public struct IntentMatch: Sendable, Equatable {
    /// The intent's name.
    public var intent: String
    /// The `do:` action with `{1}`… filled in.
    public var action: String
    /// The captured words, as written.
    public var captures: [String]
    /// The `say:` replies with `{1}`… filled in.
    public var replies: [String]
}

/// The intents of `prompts/chat/*.rules`: routes plain sentences typed at the home prompt.
public struct IntentBook: Sendable {
    let book: RuleBook

    /// Every intent, in file order.
    public var intents: [Intent] { book.allIntents }

    /// The best intent for a line, or nil when none matches. The most specific match wins.
    public func match(_ text: String) -> IntentMatch? {
        var matcher = Matcher()
        return best(text, matcher: &matcher)?.result
    }

    func best(_ text: String, matcher: inout Matcher) -> (result: IntentMatch, all: [String])? {
        let tokens = book.normaliser.tokens(of: text)
        var marks: [UInt64] = []
        let candidates = book.intentIndex.candidates(for: tokens, scratch: &marks)
        var best: (specificity: Specificity, reference: (intent: Int, pattern: Int), match: PatternMatch)?
        var all: [String] = []
        for candidate in candidates {
            let reference = book.intentPrograms[Int(candidate)]
            let compiled = book.intents[reference.intent]
            let program = compiled.when[reference.pattern].program
            guard let match = matcher.firstMatch(of: program, in: tokens, sets: book.sets) else { continue }
            if compiled.unless.contains(where: { matcher.firstMatch(of: $0, in: tokens, sets: book.sets) != nil }) { continue }
            all.append(compiled.intent.name)
            let specificity = Specificity(
                weight: compiled.intent.weight, literalWords: program.literalCount, wildcards: program.wildcardCount,
                order: compiled.intent.order)
            if best == nil || specificity > best!.specificity { best = (specificity, reference, match) }
        }
        guard let best else { return nil }
        let captures = best.match.captures.map { range -> String in
            guard !range.isEmpty else { return "" }
            return Coach.text(text, Int(tokens[range.lowerBound].start)..<Int(tokens[range.upperBound - 1].end))
        }
        let intent = book.intents[best.reference.intent].intent
        return (
            IntentMatch(
                intent: intent.name, action: Template.fill(intent.action, with: captures), captures: captures,
                replies: intent.replies.map { Template.fill($0, with: captures) }),
            all
        )
    }
}
