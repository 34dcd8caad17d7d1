/// A line of prompt text with `{field}` placeholders and `[optional segments]`.
///
/// A placeholder takes the value of its field. A segment in square brackets disappears when any
/// placeholder inside it has no value, so `[- Role: {role}]` vanishes when no role was given.
/// A placeholder outside brackets with no value renders as nothing.
public struct TextTemplate: Sendable, Equatable {
    enum Part: Sendable, Equatable {
        case text(String)
        case field(String)
        case optional([Part])
    }

    let parts: [Part]
    /// The text as written in the prompt file.
    public let source: String

    /// Parses a template; `nil` when a brace or bracket is not closed or is nested wrongly.
    public init?(_ source: String) {
        var parser = TextTemplateScanner(characters: Array(source.unicodeScalars))
        guard let parts = parser.parts(insideBrackets: false), parser.isAtEnd else { return nil }
        self.parts = parts
        self.source = source
    }

    /// Every field the template names, in order of appearance.
    public var fields: [String] {
        func collect(_ parts: [Part]) -> [String] {
            parts.flatMap { part -> [String] in
                switch part {
                case .text: return []
                case .field(let name): return [name]
                case .optional(let inner): return collect(inner)
                }
            }
        }
        return collect(parts)
    }

    /// The text with every placeholder filled from `values`.
    public func render(_ values: [String: String]) -> String {
        Self.render(parts, values).text
    }

    private static func render(_ parts: [Part], _ values: [String: String]) -> (text: String, isComplete: Bool) {
        var text = ""
        var isComplete = true
        for part in parts {
            switch part {
            case .text(let literal):
                text += literal
            case .field(let name):
                if let value = values[name], !value.isEmpty {
                    text += value
                } else {
                    isComplete = false
                }
            case .optional(let inner):
                let rendered = render(inner, values)
                if rendered.isComplete { text += rendered.text }
            }
        }
        return (text, isComplete)
    }
}

/// Reads the characters of a template into parts.
private struct TextTemplateScanner {
    let characters: [Unicode.Scalar]
    var index = 0

    var isAtEnd: Bool { index == characters.count }

    mutating func parts(insideBrackets: Bool) -> [TextTemplate.Part]? {
        var parts: [TextTemplate.Part] = []
        var literal = String.UnicodeScalarView()
        func flush() {
            if !literal.isEmpty { parts.append(.text(String(literal))) }
            literal = String.UnicodeScalarView()
        }
        while index < characters.count {
            let character = characters[index]
            switch character {
            case "{":
                guard let close = characters[index...].firstIndex(of: "}") else { return nil }
                var nameScalars = String.UnicodeScalarView()
                nameScalars.append(contentsOf: characters[(index + 1)..<close])
                let name = String(nameScalars)
                guard !name.isEmpty,
                    nameScalars.allSatisfy({ $0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "-" })
                else { return nil }
                flush()
                parts.append(.field(name))
                index = close + 1
            case "}":
                return nil
            case "[":
                flush()
                index += 1
                guard let inner = self.parts(insideBrackets: true), index < characters.count,
                    characters[index] == "]"
                else { return nil }
                index += 1
                parts.append(.optional(inner))
            case "]":
                guard insideBrackets else { return nil }
                flush()
                return parts
            default:
                literal.append(character)
                index += 1
            }
        }
        flush()
        return insideBrackets ? nil : parts
    }
}
