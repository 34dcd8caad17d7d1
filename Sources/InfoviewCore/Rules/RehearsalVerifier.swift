/// Checks that the rehearsal's prompts behave as written: every topic, question form and
/// rejoinder fires on its examples and not on its `not:` lines; every persona answers every topic;
/// every rejoinder follows something its persona says; every offer opens one of the coach's doors
/// (so that taking it up is not a pitch) and no other line of a persona opens one.
public enum RehearsalVerifier {
    /// Every problem, as `file:line: message`, in file order.
    public static func verify(_ book: RehearsalBook, against rules: RuleBook) -> [PromptError] {
        var problems: [PromptError] = []
        func problem(_ message: String, at location: SourceLocation) {
            problems.append(PromptError(reason: .example(message), location: location))
        }
        for topic in book.topics {
            for example in topic.examples {
                let found = book.topics(of: example.text, offerOpen: topic.afterOffer)
                guard found.first?.name != topic.name else { continue }
                let message =
                    if let other = found.first, found.contains(where: { $0.name == topic.name }) {
                        "topic \(topic.name): this example is taken by topic \(other.name), which wins on weight or specificity"
                    } else if let other = found.first {
                        "topic \(topic.name) does not match its example \"\(example.text)\" (topic \(other.name) does)"
                    } else {
                        "topic \(topic.name) does not match its example \"\(example.text)\""
                    }
                problem(message, at: example.location)
            }
            for example in topic.counterExamples where book.topics(of: example.text, offerOpen: true).contains(where: { $0.name == topic.name }) {
                problem("topic \(topic.name) matches \"\(example.text)\", which its 'not:' says it must not", at: example.location)
            }
        }
        for form in book.forms {
            for example in form.examples where book.form(of: example.text) != form.form {
                problem("form \(form.form.rawValue) does not match its example \"\(example.text)\"", at: example.location)
            }
            for example in form.counterExamples where book.form(of: example.text) == form.form {
                problem("form \(form.form.rawValue) matches \"\(example.text)\", which its 'not:' says it must not", at: example.location)
            }
        }
        var coach = Coach(book: rules)
        for persona in book.personas {
            for topic in book.topics where topic.needsAnswer && persona.answers[topic.name] == nil {
                problem(
                    "persona \(persona.id) has no 'answer \(topic.name)' block (every persona answers every topic that takes an answer)",
                    at: persona.location)
            }
            let ownLines = lines(of: persona)
            for rejoinder in persona.rejoinders {
                for example in rejoinder.examples
                where book.rejoinder(for: example.text, persona: persona, heard: example.context ?? "")?.name != rejoinder.name {
                    problem("rejoinder \(rejoinder.name) does not answer its example \"\(example.text)\"", at: example.location)
                }
                for example in rejoinder.counterExamples
                where book.rejoinder(for: example.text, persona: persona, heard: example.context ?? "")?.name == rejoinder.name {
                    problem("rejoinder \(rejoinder.name) answers \"\(example.text)\", which its 'not:' says it must not", at: example.location)
                }
                let follows = ownLines.contains { line in
                    book.matches(in: line.text) { entry in
                        if case .heard(let owner, let number) = entry {
                            return book.personas[owner].id == persona.id && persona.rejoinders[number].name == rejoinder.name
                        }
                        return false
                    }.isEmpty == false
                }
                if !follows {
                    problem(
                        "rejoinder \(rejoinder.name): its 'heard:' matches nothing \(persona.firstName) says, so it can never be asked",
                        at: rejoinder.location)
                }
            }
            for offer in persona.offers {
                for text in offer.says where coach.openDoors(after: text).isEmpty {
                    problem(
                        "persona \(persona.id): the offer \"\(text)\" opens none of the coach's doors (prompts/rules/doors.rules), so taking it up would be flagged as a pitch",
                        at: offer.location)
                }
            }
            for line in ownLines where line.mayOpenDoor == false {
                let doors = coach.openDoors(after: line.text)
                if let door = doors.first {
                    problem(
                        "persona \(persona.id): \"\(line.text)\" opens the coach's door \(door) though it offers nothing (\(line.origin)); reword it, or make it an offer",
                        at: line.location)
                }
            }
        }
        return problems
    }

    /// A line a persona may say, where it comes from, and whether it may open a door.
    private struct OwnLine {
        var text: String
        var origin: String
        var location: SourceLocation
        var mayOpenDoor: Bool
    }

    private static func lines(of persona: Persona) -> [OwnLine] {
        var lines: [OwnLine] = []
        for (topic, answer) in persona.answers.sorted(by: { $0.key < $1.key }) {
            for text in answer.warm + answer.short {
                lines.append(OwnLine(text: text, origin: "answer \(topic)", location: answer.location, mayOpenDoor: false))
            }
        }
        for rejoinder in persona.rejoinders {
            for text in rejoinder.says {
                lines.append(OwnLine(text: text, origin: "rejoinder \(rejoinder.name)", location: rejoinder.location, mayOpenDoor: false))
            }
        }
        for reaction in Persona.Reaction.allCases {
            for template in persona.reactions[reaction] ?? [] {
                lines.append(
                    OwnLine(
                        text: template.render(["minutes": "20", "left": "4"]), origin: "react \(reaction.rawValue)",
                        location: persona.reactionLocations[reaction] ?? persona.location,
                        mayOpenDoor: false))
            }
        }
        for offer in persona.offers {
            for text in offer.details {
                lines.append(OwnLine(text: text, origin: "offer details", location: offer.location, mayOpenDoor: true))
            }
        }
        return lines
    }
}
