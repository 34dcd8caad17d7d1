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
        try parse(Array(text.utf8), file: file)
    }

    private static func parse(_ bytes: [UInt8], file: String) throws(PromptError) -> [PromptBlock] {
        let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), colon = UInt8(ascii: ":")
        func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        func trimmed(_ range: Range<Int>) -> Range<Int> {
            var lower = range.lowerBound, upper = range.upperBound
            while lower < upper, bytes[lower] == space || bytes[lower] == tab { lower += 1 }
            while upper > lower, [space, tab, UInt8(ascii: "\r")].contains(bytes[upper - 1]) { upper -= 1 }
            return lower..<upper
        }
        var blocks: [PromptBlock] = []
        var lineNumber = 0
        var start = 0
        while start <= bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            lineNumber += 1
            defer { start = end + 1 }
            let line = trimmed(start..<end)
            if line.isEmpty || bytes[line.lowerBound] == UInt8(ascii: "#") { continue }
            let location = SourceLocation(file: file, line: lineNumber)
            if bytes[start] != space && bytes[start] != tab {
                var split = line.lowerBound
                while split < line.upperBound, bytes[split] != space { split += 1 }
                let name = trimmed(split..<line.upperBound)
                blocks.append(PromptBlock(kind: string(line.lowerBound..<split), name: string(name), location: location, entries: []))
                continue
            }
            var colonIndex = line.lowerBound
            while colonIndex < line.upperBound, bytes[colonIndex] != colon { colonIndex += 1 }
            let keyRange = trimmed(line.lowerBound..<colonIndex)
            let keyIsValid = !keyRange.isEmpty && keyRange.allSatisfy { index in
                let byte = bytes[index]
                return (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte) || (0x30...0x39).contains(byte)
                    || byte == UInt8(ascii: "-")
            }
            guard colonIndex < line.upperBound, !blocks.isEmpty, keyIsValid else {
                throw PromptError(reason: .malformedLine(string(line)), location: location)
            }
            let value = trimmed(colonIndex + 1..<line.upperBound)
            blocks[blocks.count - 1].entries.append(
                PromptEntry(key: string(keyRange).lowercased(), value: string(value), location: location))
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
