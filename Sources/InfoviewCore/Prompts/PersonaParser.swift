/// A persona file read, with the patterns of its rejoinders still as written.
struct PersonaSource: Sendable {
    struct RejoinderPatterns: Sendable {
        var when: [PatternSource]
        var unless: [PatternSource]
        var heard: [PatternSource]
    }

    var persona: Persona
    /// One entry a rejoinder, in the persona's order.
    var rejoinders: [RejoinderPatterns]
}

/// Reads a persona (`prompts/personas/NAME.persona`): a `persona NAME` block naming the file,
/// then `answer TOPIC`, `react REACTION`, `rejoinder NAME` and `offer` blocks. The format is
/// described at the top of `prompts/personas/maya.persona`.
enum PersonaParser {
    static let blockKinds = ["persona", "answer", "react", "rejoinder", "offer"]
    static let personaKeys = ["name", "role", "organisation", "field", "temperament", "story", "opinion", "offers"]

    /// Parses one persona; its id is the file's name without the folder and `.persona`.
    static func parse(_ text: String, file: String) throws(PromptError) -> PersonaSource {
        let id = personaID(file: file)
        let blocks = try PromptDocument.parse(text, file: file)
        guard let head = blocks.first, head.kind == "persona" else {
            throw PromptError(
                reason: .unreadable("a persona file starts with a 'persona \(id)' block (expected it before any other)"),
                location: blocks.first?.location ?? SourceLocation(file: file, line: 1))
        }
        guard head.name == id else {
            throw PromptError(
                reason: .badValue(key: "persona", value: head.name, expected: "the file's name, \(id)"), location: head.location)
        }
        var persona = try self.persona(head, id: id)
        var rejoinders: [PersonaSource.RejoinderPatterns] = []
        var seen: [String: SourceLocation] = [:]
        for block in blocks.dropFirst() {
            guard blockKinds.contains(block.kind), block.kind != "persona" else {
                throw PromptError(
                    reason: .unknownBlock(block.kind, expected: blockKinds.filter { $0 != "persona" }), location: block.location)
            }
            let key = "\(block.kind) \(block.name)"
            if block.kind != "offer", let earlier = seen[key] {
                throw PromptError(reason: .duplicateName(key, firstSeen: earlier), location: block.location)
            }
            seen[key] = block.location
            switch block.kind {
            case "answer":
                try block.checkKeys(["say", "short"])
                try PromptText.checkName(block)
                let warm = block.values("say")
                guard !warm.isEmpty else { throw PromptError(reason: .missingKey("say", block: key), location: block.location) }
                persona.answers[block.name] = Persona.Answer(warm: warm, short: block.values("short"), location: block.location)
            case "react":
                try block.checkKeys(["say"])
                guard let reaction = Persona.Reaction(rawValue: block.name) else {
                    throw PromptError(
                        reason: .badValue(key: "react", value: block.name, expected: Persona.Reaction.allCases.map(\.rawValue).joined(separator: ", ")),
                        location: block.location)
                }
                let says = try PromptText.templates(block, "say", allowed: reaction.placeholders)
                guard !says.isEmpty else { throw PromptError(reason: .missingKey("say", block: key), location: block.location) }
                persona.reactions[reaction] = says
                persona.reactionLocations[reaction] = block.location
            case "rejoinder":
                let (rejoinder, patterns) = try self.rejoinder(block)
                persona.rejoinders.append(rejoinder)
                rejoinders.append(patterns)
            default:
                try block.checkKeys(["say", "details"])
                guard block.name.isEmpty else {
                    throw PromptError(
                        reason: .badValue(key: "offer", value: block.name, expected: "'offer' alone on its line, with 'say:' and 'details:' lines below"),
                        location: block.location)
                }
                let says = block.values("say")
                guard !says.isEmpty else { throw PromptError(reason: .missingKey("say", block: "offer"), location: block.location) }
                let details = block.values("details")
                guard !details.isEmpty else { throw PromptError(reason: .missingKey("details", block: "offer"), location: block.location) }
                persona.offers.append(Persona.Offer(says: says, details: details, location: block.location))
            }
        }
        if let missing = Persona.Reaction.allCases.first(where: { persona.reactions[$0] == nil }) {
            throw PromptError(
                reason: .unreadable(
                    "persona \(id) has no 'react \(missing.rawValue)' block (every persona says something for each of "
                        + Persona.Reaction.allCases.map(\.rawValue).joined(separator: ", ") + ")"),
                location: head.location)
        }
        if persona.offerChance > 0 && persona.offers.isEmpty {
            throw PromptError(
                reason: .missingKey("say", block: "offer (persona \(id) has 'offers: \(persona.offerChance)')"), location: head.location)
        }
        return PersonaSource(persona: persona, rejoinders: rejoinders)
    }

    /// `prompts/personas/maya.persona` -> `maya`.
    static func personaID(file: String) -> String {
        let last = file.split(separator: "/").last.map(String.init) ?? file
        return last.hasSuffix(".persona") ? String(last.dropLast(8)) : last
    }
}

private extension PersonaParser {
    static func persona(_ block: PromptBlock, id: String) throws(PromptError) -> Persona {
        try block.checkKeys(personaKeys)
        try PromptText.checkName(block)
        func single(_ key: String) throws(PromptError) -> String {
            let entries = block.entries(key)
            if entries.count > 1 {
                throw PromptError(
                    reason: .badValue(key: key, value: entries[1].value, expected: "one '\(key):' line per persona"), location: entries[1].location)
            }
            let entry = try block.required(key)
            guard !entry.value.isEmpty else {
                throw PromptError(reason: .badValue(key: key, value: "", expected: "some text"), location: entry.location)
            }
            return entry.value
        }
        let chance = try PromptText.number(block, "offers") ?? 0
        if chance > 100, let entry = block.entries("offers").last {
            throw PromptError(reason: .badValue(key: "offers", value: entry.value, expected: "a percentage from 0 to 100"), location: entry.location)
        }
        return Persona(
            id: id, name: try single("name"), role: try single("role"), organisation: try single("organisation"),
            field: try single("field"), temperament: try single("temperament"), story: block.values("story"),
            opinions: block.values("opinion"), offerChance: chance, answers: [:], reactions: [:], reactionLocations: [:],
            rejoinders: [], offers: [], location: block.location)
    }

    static func rejoinder(_ block: PromptBlock) throws(PromptError) -> (Persona.Rejoinder, PersonaSource.RejoinderPatterns) {
        try block.checkKeys(["heard", "when", "unless", "category", "say", "example", "not"])
        try PromptText.checkName(block)
        _ = try block.required("heard")
        _ = try block.required("when")
        let says = block.values("say")
        guard !says.isEmpty else { throw PromptError(reason: .missingKey("say", block: "rejoinder \(block.name)"), location: block.location) }
        let category = try block.entries("category").last.map { entry throws(PromptError) in try PromptText.category(entry) } ?? .insights
        let examples = PromptText.examples(block, "example") + PromptText.examples(block, "not")
        if let bare = examples.first(where: { $0.context == nil }) {
            throw PromptError(
                reason: .badValue(
                    key: "example", value: bare.text,
                    expected: "'TEXT << WHAT THE INSIDER SAID': a rejoinder answers only after the insider said something it follows"),
                location: bare.location)
        }
        let rejoinder = Persona.Rejoinder(
            name: block.name, category: category, says: says, examples: PromptText.examples(block, "example"),
            counterExamples: PromptText.examples(block, "not"), location: block.location)
        return (
            rejoinder,
            PersonaSource.RejoinderPatterns(
                when: PromptText.patterns(block, "when"), unless: PromptText.patterns(block, "unless"),
                heard: PromptText.patterns(block, "heard"))
        )
    }
}
