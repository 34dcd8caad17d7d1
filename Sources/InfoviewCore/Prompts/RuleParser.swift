import Foundation

/// A pattern as written, with its line, before it is parsed against the concepts.
struct PatternSource: Sendable, Hashable {
    var text: String
    var location: SourceLocation
}

/// The blocks of one `.rules` file, checked for unknown keys and bad values.
struct RuleFile: Sendable {
    struct ConceptSource: Sendable {
        var name: String
        var entries: [PatternSource]
        var location: SourceLocation
    }

    struct RuleSource: Sendable {
        var rule: Rule
        var when: [PatternSource]
        var unless: [PatternSource]
        var context: [PatternSource]
        var unlessContext: [PatternSource]
    }

    struct DoorSource: Sendable {
        var door: Door
        var when: [PatternSource]
        var unless: [PatternSource]
    }

    struct IntentSource: Sendable {
        var intent: Intent
        var when: [PatternSource]
        var unless: [PatternSource]
    }

    var concepts: [ConceptSource] = []
    var replacements: [(from: PatternSource, to: String)] = []
    var rules: [RuleSource] = []
    var doors: [DoorSource] = []
    var intents: [IntentSource] = []
    var lints: [(lint: LintRule, require: PatternSource?)] = []
}

/// Reads `.rules` files: `concept`, `replace`, `rule`, `door` and `intent` blocks.
public enum RuleParser {
    static let blockKinds = ["concept", "replace", "rule", "door", "intent", "lint"]
    static let ruleKeys = [
        "severity", "kind", "when", "unless", "context", "unless-context", "channel", "allowed-after",
        "longer-than", "weight", "why", "instead", "example", "not",
    ]

    /// Parses one file's text; `file` is the name used in messages.
    static func parse(_ text: String, file: String) throws(PromptError) -> RuleFile {
        var result = RuleFile()
        for block in try PromptDocument.parse(text, file: file) {
            switch block.kind {
            case "concept":
                try block.checkKeys(["is"])
                try requireName(block)
                let entries = block.entries("is").map { PatternSource(text: $0.value, location: $0.location) }
                guard !entries.isEmpty else {
                    throw PromptError(reason: .missingKey("is", block: "concept \(block.name)"), location: block.location)
                }
                result.concepts.append(.init(name: block.name, entries: entries, location: block.location))
            case "replace":
                try block.checkKeys(["from"])
                try requireName(block)
                for entry in block.entries("from") {
                    result.replacements.append((PatternSource(text: entry.value, location: entry.location), block.name))
                }
            case "rule":
                result.rules.append(try rule(from: block, order: result.rules.count))
            case "door":
                try block.checkKeys(["when", "unless", "example", "not"])
                try requireName(block)
                _ = try block.required("when")
                result.doors.append(
                    .init(
                        door: Door(
                            name: block.name, examples: try examples(block, "example"),
                            counterExamples: try examples(block, "not"), location: block.location),
                        when: sources(block, "when"), unless: sources(block, "unless")))
            case "intent":
                try block.checkKeys(["when", "unless", "do", "say", "weight", "example", "not"])
                try requireName(block)
                _ = try block.required("when")
                let intent = Intent(
                    name: block.name, action: block.value("do") ?? block.name, replies: block.values("say"),
                    weight: try integer(block, "weight") ?? 0, examples: try examples(block, "example"),
                    counterExamples: try examples(block, "not"), location: block.location, order: result.intents.count)
                result.intents.append(.init(intent: intent, when: sources(block, "when"), unless: sources(block, "unless")))
            case "lint":
                result.lints.append(try lint(from: block))
            default:
                throw PromptError(reason: .unknownBlock(block.kind, expected: blockKinds), location: block.location)
            }
        }
        return result
    }

    private static func rule(from block: PromptBlock, order: Int) throws(PromptError) -> RuleFile.RuleSource {
        try block.checkKeys(ruleKeys)
        try requireName(block)
        let severity = try severity(of: block)
        _ = try block.required("when")
        let channels = try channels(of: block)
        let rule = Rule(
            id: block.name, severity: severity, kind: block.value("kind"), channels: channels,
            why: try block.required("why").value, instead: block.value("instead"),
            weight: try integer(block, "weight") ?? 0, longerThan: try integer(block, "longer-than"),
            allowedAfter: block.values("allowed-after").flatMap { $0.split(separator: ",").map { $0.trimmingSpaces() } },
            examples: try examples(block, "example"), counterExamples: try examples(block, "not"),
            location: block.location, order: order)
        return RuleFile.RuleSource(
            rule: rule, when: sources(block, "when"), unless: sources(block, "unless"),
            context: sources(block, "context"), unlessContext: sources(block, "unless-context"))
    }

    private static func lint(from block: PromptBlock) throws(PromptError) -> (lint: LintRule, require: PatternSource?) {
        try block.checkKeys(["severity", "kind", "channel", "measure", "require", "why", "instead", "example", "not"])
        try requireName(block)
        let severity = try severity(of: block)
        let measureEntry = try block.required("measure")
        let words = measureEntry.value.split(separator: " ").map(String.init)
        let expected = "words-over N, no-question, missing-in-opening N (with require:) or self-over-other"
        let measure: LintRule.Measure
        switch (words.first, words.count) {
        case ("words-over", 2) where Int(words[1]) != nil: measure = .wordsOver(Int(words[1])!)
        case ("no-question", 1): measure = .noQuestion
        case ("missing-in-opening", 2) where Int(words[1]) != nil: measure = .missingInOpening(within: Int(words[1])!)
        case ("self-over-other", 1): measure = .selfOverOther
        default:
            throw PromptError(
                reason: .badValue(key: "measure", value: measureEntry.value, expected: expected), location: measureEntry.location)
        }
        let require = block.entries("require").last.map { PatternSource(text: $0.value, location: $0.location) }
        if case .missingInOpening = measure, require == nil {
            throw PromptError(reason: .missingKey("require", block: "lint \(block.name)"), location: block.location)
        }
        let channels = try channels(of: block)
        let lint = LintRule(
            id: block.name, severity: severity, kind: block.value("kind"), channels: channels, measure: measure,
            why: try block.required("why").value, instead: block.value("instead"), examples: try examples(block, "example"),
            counterExamples: try examples(block, "not"), location: block.location)
        return (lint, require)
    }

    private static func severity(of block: PromptBlock) throws(PromptError) -> Severity {
        let entry = try block.required("severity")
        guard let severity = Severity(rawValue: entry.value) else {
            throw PromptError(
                reason: .badValue(key: "severity", value: entry.value, expected: "pitch, caution or tip"), location: entry.location)
        }
        return severity
    }

    /// `channel: question, spoken` (the key may repeat).
    private static func channels(of block: PromptBlock) throws(PromptError) -> [Channel] {
        var channels: [Channel] = []
        for entry in block.entries("channel") {
            for name in entry.value.split(separator: ",").map({ $0.trimmingSpaces() }) {
                guard let channel = Channel(rawValue: name) else {
                    throw PromptError(
                        reason: .badValue(key: "channel", value: name, expected: "question, spoken, email or note"),
                        location: entry.location)
                }
                channels.append(channel)
            }
        }
        return channels
    }

    private static func requireName(_ block: PromptBlock) throws(PromptError) {
        guard !block.name.isEmpty, !block.name.contains(" ") || block.kind == "replace" else {
            throw PromptError(
                reason: .badValue(key: block.kind, value: block.name, expected: "one name without spaces after '\(block.kind)'"),
                location: block.location)
        }
    }

    private static func sources(_ block: PromptBlock, _ key: String) -> [PatternSource] {
        block.entries(key).map { PatternSource(text: $0.value, location: $0.location) }
    }

    private static func integer(_ block: PromptBlock, _ key: String) throws(PromptError) -> Int? {
        guard let entry = block.entries(key).last else { return nil }
        guard let value = Int(entry.value) else {
            throw PromptError(reason: .badValue(key: key, value: entry.value, expected: "a whole number"), location: entry.location)
        }
        return value
    }

    /// `example: TEXT` or `example: TEXT << WHAT THE INSIDER SAID`.
    private static func examples(_ block: PromptBlock, _ key: String) throws(PromptError) -> [Rule.Example] {
        block.entries(key).map { entry in
            let bytes = Array(entry.value.utf8)
            let marker = Array(" << ".utf8)
            var split: Int?
            if bytes.count >= marker.count {
                for index in 0...(bytes.count - marker.count) where bytes[index..<index + marker.count].elementsEqual(marker) {
                    split = index
                    break
                }
            }
            guard let split else { return Rule.Example(text: entry.value, context: nil, location: entry.location) }
            let text = String(decoding: bytes[..<split], as: UTF8.self).trimmingSpaces()
            let context = String(decoding: bytes[(split + marker.count)...], as: UTF8.self).trimmingSpaces()
            return Rule.Example(text: text, context: context, location: entry.location)
        }
    }
}
