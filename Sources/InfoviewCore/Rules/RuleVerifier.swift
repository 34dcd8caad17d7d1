/// Checks that every rule, door and intent behaves as its own examples say: each `example:` fires
/// it (and no other rule takes the example from it), each `not:` leaves it silent.
public enum RuleVerifier {
    /// Every broken example, as `file:line: message`, in file order.
    public static func verify(_ book: RuleBook) -> [PromptError] {
        var problems: [PromptError] = []
        var coach = Coach(book: book)
        for compiled in book.rules {
            let rule = compiled.rule
            let channel = rule.channels.first ?? .spoken
            for example in rule.examples {
                let findings = coach.check(example.text, context: example.context, channel: channel)
                if findings.contains(where: { $0.rule == rule.id }) { continue }
                let tokens = book.normaliser.tokens(of: example.text)
                let matched = coach.candidateMatches(in: tokens, context: example.context, channel: channel)
                    .contains { book.rules[$0.rule].rule.id == rule.id }
                let winner = findings.first { $0.severity == rule.severity }?.rule
                let message: String
                if matched, let winner {
                    message = "rule \(rule.id): this example is taken by rule \(winner), which wins on specificity"
                } else {
                    message = "rule \(rule.id) does not fire on its example \"\(example.text)\""
                }
                problems.append(PromptError(reason: .example(message), location: example.location))
            }
            for example in rule.counterExamples {
                let tokens = book.normaliser.tokens(of: example.text)
                let fired = coach.candidateMatches(in: tokens, context: example.context, channel: channel)
                    .contains { book.rules[$0.rule].rule.id == rule.id }
                if fired {
                    problems.append(
                        PromptError(
                            reason: .example("rule \(rule.id) fires on \"\(example.text)\", which its 'not:' says it must not"),
                            location: example.location))
                }
            }
        }
        for door in book.doors {
            for example in door.door.examples where !coach.openDoors(after: example.text).contains(door.door.name) {
                problems.append(
                    PromptError(
                        reason: .example("door \(door.door.name) does not open on its example \"\(example.text)\""),
                        location: example.location))
            }
            for example in door.door.counterExamples where coach.openDoors(after: example.text).contains(door.door.name) {
                problems.append(
                    PromptError(
                        reason: .example("door \(door.door.name) opens on \"\(example.text)\", which its 'not:' says it must not"),
                        location: example.location))
            }
        }
        for lint in book.lints.map(\.lint) {
            let channel = lint.channels.first ?? .email
            for example in lint.examples where !coach.check(example.text, channel: channel).contains(where: { $0.rule == lint.id }) {
                problems.append(
                    PromptError(
                        reason: .example("lint \(lint.id) does not fire on its example \"\(example.text)\""), location: example.location))
            }
            for example in lint.counterExamples where coach.check(example.text, channel: channel).contains(where: { $0.rule == lint.id }) {
                problems.append(
                    PromptError(
                        reason: .example("lint \(lint.id) fires on \"\(example.text)\", which its 'not:' says it must not"),
                        location: example.location))
            }
        }
        let intents = IntentBook(book: book)
        var matcher = Matcher()
        for compiled in book.intents {
            let intent = compiled.intent
            for example in intent.examples {
                let best = intents.best(example.text, matcher: &matcher)
                guard best?.result.intent != intent.name else { continue }
                let message =
                    if let other = best?.result.intent, best?.all.contains(intent.name) == true {
                        "intent \(intent.name): this example is taken by intent \(other), which wins on specificity"
                    } else if let other = best?.result.intent {
                        "intent \(intent.name) does not match its example \"\(example.text)\" (intent \(other) does)"
                    } else {
                        "intent \(intent.name) does not match its example \"\(example.text)\""
                    }
                problems.append(PromptError(reason: .example(message), location: example.location))
            }
            for example in intent.counterExamples where intents.best(example.text, matcher: &matcher)?.all.contains(intent.name) == true {
                problems.append(
                    PromptError(
                        reason: .example("intent \(intent.name) matches \"\(example.text)\", which its 'not:' says it must not"),
                        location: example.location))
            }
        }
        return problems
    }
}
