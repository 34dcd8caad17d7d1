/// Small readers shared by the prompt parsers.
enum PromptText {
    /// Block names are lowercase letters, digits and `-`.
    static func checkName(_ block: PromptBlock) throws(PromptError) {
        guard !block.name.isEmpty, block.name.allSatisfy(isNameCharacter) else {
            throw PromptError(
                reason: .badValue(key: block.kind, value: block.name, expected: "a name of lowercase letters, digits and '-'"),
                location: block.location)
        }
    }

    static func isNameCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLowercase || character.isNumber || character == "-")
    }

    static func patterns(_ block: PromptBlock, _ key: String) -> [PatternSource] {
        block.entries(key).map { PatternSource(text: $0.value, location: $0.location) }
    }

    static func number(_ block: PromptBlock, _ key: String, allowNegative: Bool = false) throws(PromptError) -> Int? {
        guard let entry = block.entries(key).last else { return nil }
        guard let value = Int(entry.value), allowNegative || value >= 0 else {
            throw PromptError(
                reason: .badValue(key: key, value: entry.value, expected: allowNegative ? "a whole number" : "a whole number, 0 or more"),
                location: entry.location)
        }
        return value
    }

    /// A TIARA category, by its name.
    static func category(_ entry: PromptEntry) throws(PromptError) -> TiaraCategory {
        guard let category = TiaraCategory(rawValue: entry.value) else {
            throw PromptError(
                reason: .badValue(key: entry.key, value: entry.value, expected: TiaraCategory.allCases.map(\.rawValue).joined(separator: ", ")),
                location: entry.location)
        }
        return category
    }

    static func flag(_ block: PromptBlock, _ key: String) throws(PromptError) -> Bool {
        guard let entry = block.entries(key).last else { return false }
        switch entry.value.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            throw PromptError(reason: .badValue(key: key, value: entry.value, expected: "true or false"), location: entry.location)
        }
    }

    /// `example: TEXT` or `example: TEXT << WHAT THE INSIDER SAID`.
    static func examples(_ block: PromptBlock, _ key: String) -> [Rule.Example] {
        block.entries(key).map { entry in
            guard let marker = entry.value.firstRange(of: " << ") else {
                return Rule.Example(text: entry.value, context: nil, location: entry.location)
            }
            return Rule.Example(
                text: entry.value[..<marker.lowerBound].trimmingSpaces(), context: entry.value[marker.upperBound...].trimmingSpaces(),
                location: entry.location)
        }
    }

    /// Text templates, each checked for closed braces and for the placeholders it may use.
    static func templates(_ block: PromptBlock, _ key: String, allowed: Set<String>) throws(PromptError) -> [TextTemplate] {
        var result: [TextTemplate] = []
        for entry in block.entries(key) {
            guard let template = TextTemplate(entry.value) else {
                throw PromptError(
                    reason: .badValue(key: key, value: entry.value, expected: "text whose {placeholders} and [optional parts] are closed"),
                    location: entry.location)
            }
            if let unknown = template.fields.first(where: { !allowed.contains($0) }) {
                let names = allowed.sorted().map { "{\($0)}" }.joined(separator: ", ")
                throw PromptError(
                    reason: .badValue(
                        key: key, value: entry.value,
                        expected: allowed.isEmpty ? "no placeholders here, but found {\(unknown)}" : "only \(names) here, but found {\(unknown)}"),
                    location: entry.location)
            }
            result.append(template)
        }
        return result
    }
}
