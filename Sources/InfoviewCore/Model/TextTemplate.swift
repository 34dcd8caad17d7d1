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
        var source = source
        let parsed: [Part]? = source.withUTF8 { bytes in
            var parser = TextTemplateScanner(bytes: bytes)
            guard let parts = parser.parts(insideBrackets: false), parser.isAtEnd else { return nil }
            return parts
        }
        guard let parts = parsed else { return nil }
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

/// Reads the UTF-8 of a template into parts: the braces and brackets are ASCII, so the text
/// between them is copied a run of bytes at a time.
private struct TextTemplateScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    var isAtEnd: Bool { index == bytes.count }

    mutating func parts(insideBrackets: Bool) -> [TextTemplate.Part]? {
        var parts: [TextTemplate.Part] = []
        var literalStart = index
        func flush(upTo end: Int) {
            if end > literalStart { parts.append(.text(String(decoding: bytes[literalStart..<end], as: UTF8.self))) }
        }
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "{"):
                guard let close = bytes[index...].firstIndex(of: UInt8(ascii: "}")) else { return nil }
                let name = String(decoding: bytes[(index + 1)..<close], as: UTF8.self)
                guard !name.isEmpty,
                    name.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "-" })
                else { return nil }
                flush(upTo: index)
                parts.append(.field(name))
                index = close + 1
                literalStart = index
            case UInt8(ascii: "}"):
                return nil
            case UInt8(ascii: "["):
                flush(upTo: index)
                index += 1
                guard let inner = self.parts(insideBrackets: true), index < bytes.count, bytes[index] == UInt8(ascii: "]")
                else { return nil }
                index += 1
                parts.append(.optional(inner))
                literalStart = index
            case UInt8(ascii: "]"):
                guard insideBrackets else { return nil }
                flush(upTo: index)
                return parts
            default:
                index += 1
            }
        }
        flush(upTo: index)
        return insideBrackets ? nil : parts
    }
}
