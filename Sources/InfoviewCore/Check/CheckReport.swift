/// The `infoview check` output formats: diagnostics, one JSON document, or JSON lines.
public enum CheckReport {
    /// Answers one line of `check --jsonl` input: `{"id", "text", "context", "channel"}` in,
    /// `{"id", "flagged", "flags": [...]}` out. A line that is not such an object gets
    /// `{"id": null, "error": "..."}` so that the stream keeps its order.
    public static func answer(jsonLine bytes: some Collection<UInt8>, coach: inout Coach, explain: Bool = false) -> String {
        var output = JSONWriter()
        _ = answer(jsonLine: bytes, coach: &coach, explain: explain, into: &output)
        return output.text
    }

    /// Appends the answer to one line to `output` (without a line break); returns whether the
    /// line was flagged as a pitch.
    public static func answer(
        jsonLine bytes: some Collection<UInt8>, coach: inout Coach, explain: Bool = false, into output: inout JSONWriter
    ) -> Bool {
        let request: JSONValue
        do {
            request = try JSONValue.parse(bytes)
        } catch {
            output.raw(errorLine(id: .null, "not a JSON object: \(error.description)"))
            return false
        }
        guard case .object = request else {
            output.raw(errorLine(id: .null, "each line must be a JSON object"))
            return false
        }
        let id = request["id"] ?? .null
        guard let text = request["text"]?.string else {
            output.raw(errorLine(id: id, "the object has no \"text\" string"))
            return false
        }
        let channel: Channel
        if let name = request["channel"]?.string {
            guard let given = Channel(rawValue: name) else {
                output.raw(errorLine(id: id, "unknown channel '\(name)' (expected question, spoken, email or note)"))
                return false
            }
            channel = given
        } else {
            channel = Channel.guess(for: text)
        }
        let findings = coach.check(text, context: request["context"]?.string, channel: channel)
        let flagged = findings.contains { $0.severity == .pitch }
        output.raw("{\"id\":")
        id.encode(into: &output)
        output.raw(flagged ? ",\"flagged\":true,\"flags\":[" : ",\"flagged\":false,\"flags\":[")
        for (index, finding) in findings.enumerated() {
            if index > 0 { output.raw(",") }
            append(finding, explain: explain, to: &output)
        }
        output.raw("]}")
        return flagged
    }

    /// One finding as a JSON object.
    public static func append(_ finding: Finding, explain: Bool, to output: inout String) {
        var writer = JSONWriter()
        append(finding, explain: explain, to: &writer)
        output += writer.text
    }

    /// One finding as a JSON object.
    public static func append(_ finding: Finding, explain: Bool, to output: inout JSONWriter) {
        output.raw("{\"rule\":")
        output.string(finding.rule)
        output.raw(",\"severity\":")
        output.string(finding.severity.rawValue)
        output.raw(",\"start\":")
        output.number(finding.start)
        output.raw(",\"end\":")
        output.number(finding.end)
        output.raw(",\"quote\":")
        output.string(finding.quote)
        output.raw(",\"why\":")
        output.string(finding.why)
        output.raw(",\"instead\":")
        if let instead = finding.instead { output.string(instead) } else { output.raw("null") }
        if let kind = finding.kind {
            output.raw(",\"kind\":")
            output.string(kind)
        }
        if explain {
            output.raw(",\"pattern\":")
            output.string(finding.pattern)
            output.raw(",\"matched\":")
            output.string(finding.matched)
            output.raw(",\"defined\":")
            output.string(finding.location)
        }
        output.raw("}")
    }

    private static func errorLine(id: JSONValue, _ message: String) -> String {
        var output = "{\"id\":"
        id.encode(into: &output)
        output += ",\"flagged\":false,\"flags\":[],\"error\":"
        JSONValue.appendString(message, to: &output)
        output += "}"
        return output
    }

    /// `FILE:LINE:COL: SEVERITY: MESSAGE [RULE-ID]` and the rewrite, for each finding in a text.
    public static func diagnostics(for findings: [Finding], in text: String, file: String, explain: Bool = false) -> [String] {
        let positions = LinePositions(text)
        var lines: [String] = []
        for finding in findings {
            let (line, column) = positions.lineAndColumn(ofScalar: finding.start)
            lines.append("\(file):\(line):\(column): \(finding.severity.rawValue): \(finding.why) [\(finding.rule)]")
            lines.append("    \"\(finding.quote)\"")
            if let instead = finding.instead { lines.append("    instead: \(instead)") }
            if explain {
                lines.append("    rule \(finding.rule) at \(finding.location): when: \(finding.pattern)")
                lines.append("    matched the words: \(finding.matched)")
            }
        }
        return lines
    }
}

/// Maps scalar offsets to 1-based line and column numbers.
struct LinePositions {
    private var lineStarts: [Int] = [0]

    init(_ text: String) {
        for (offset, scalar) in text.unicodeScalars.enumerated() where scalar == "\n" {
            lineStarts.append(offset + 1)
        }
    }

    func lineAndColumn(ofScalar offset: Int) -> (line: Int, column: Int) {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return (low + 1, offset - lineStarts[low] + 1)
    }
}
