/// One `key: value` line inside a block of a prompt file.
public struct PromptEntry: Sendable, Equatable {
    /// The key, lower case, before the colon.
    public var key: String
    /// The value after the colon, trimmed.
    public var value: String
    /// Where the line is.
    public var location: SourceLocation
}

/// A block of a prompt file: a header at column 0 (`rule NAME`) and its indented entries.
public struct PromptBlock: Sendable, Equatable {
    /// The header's first word: `rule`, `concept`, `step` …
    public var kind: String
    /// The rest of the header, trimmed.
    public var name: String
    /// Where the header is.
    public var location: SourceLocation
    /// The entries, in file order.
    public var entries: [PromptEntry]

    /// The values of every entry with this key, in order.
    public func values(_ key: String) -> [String] {
        entries.filter { $0.key == key }.map(\.value)
    }

    /// The entries with this key, in order.
    public func entries(_ key: String) -> [PromptEntry] {
        entries.filter { $0.key == key }
    }

    /// The value of the last entry with this key, if any.
    public func value(_ key: String) -> String? {
        entries.last { $0.key == key }?.value
    }

    /// Throws for the first entry whose key is not one of `allowed`.
    public func checkKeys(_ allowed: [String]) throws(PromptError) {
        for entry in entries where !allowed.contains(entry.key) {
            throw PromptError(reason: .unknownKey(entry.key, expected: allowed), location: entry.location)
        }
    }

    /// The value of a key the block must have.
    public func required(_ key: String) throws(PromptError) -> PromptEntry {
        guard let entry = entries.last(where: { $0.key == key }) else {
            throw PromptError(reason: .missingKey(key, block: "\(kind) \(name)"), location: location)
        }
        return entry
    }
}

/// The common shape of every prompt file: blocks of `key: value` lines.
///
/// A header starts at column 0; entries are indented; `#` at the start of a line (after any
/// indentation) begins a comment; blank lines separate blocks.
public enum PromptDocument {
    /// Splits a prompt file into blocks, naming the file and line of any malformed line.
    public static func parse(_ text: String, file: String) throws(PromptError) -> [PromptBlock] {
        var blocks: [PromptBlock] = []
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            let trimmed = line.trimmingSpaces()
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let location = SourceLocation(file: file, line: lineNumber)
            if let first = line.first, first != " " && first != "\t" {
                let words = trimmed.split(separator: " ", maxSplits: 1)
                let kind = String(words[0])
                let name = words.count > 1 ? String(words[1]).trimmingSpaces() : ""
                blocks.append(PromptBlock(kind: kind, name: name, location: location, entries: []))
                continue
            }
            guard let colon = trimmed.firstIndex(of: ":"), !blocks.isEmpty else {
                throw PromptError(reason: .malformedLine(trimmed), location: location)
            }
            let key = trimmed[..<colon].trimmingSpaces().lowercased()
            guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else {
                throw PromptError(reason: .malformedLine(trimmed), location: location)
            }
            let value = trimmed[trimmed.index(after: colon)...].trimmingSpaces()
            blocks[blocks.count - 1].entries.append(PromptEntry(key: key, value: value, location: location))
        }
        return blocks
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        var start = startIndex
        var end = endIndex
        while start < end, self[start] == " " || self[start] == "\t" { start = index(after: start) }
        while end > start, self[index(before: end)] == " " || self[index(before: end)] == "\t" {
            end = index(before: end)
        }
        return String(self[start..<end])
    }
}
