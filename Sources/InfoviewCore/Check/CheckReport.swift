/// The `infoview check` output formats: diagnostics, one JSON document, or JSON lines.
public enum CheckReport {
    /// Answers one line of `check --jsonl` input: `{"id", "text", "context", "channel"}` in,
    /// `{"id", "flagged", "flags": [...]}` out. A line that is not such an object gets
    /// `{"id": null, "error": "..."}` so that the stream keeps its order.
    public static func answer(jsonLine bytes: some Collection<UInt8>, coach: inout Coach, explain: Bool = false) -> String {
        let request: JSONValue
        do {
            request = try JSONValue.parse(bytes)
        } catch {
            return errorLine(id: .null, "not a JSON object: \(error.description)")
        }
        guard case .object = request else { return errorLine(id: .null, "each line must be a JSON object") }
        let id = request["id"] ?? .null
        guard let text = request["text"]?.string else { return errorLine(id: id, "the object has no \"text\" string") }
        var channel = Channel.guess(for: text)
        if let name = request["channel"]?.string {
            guard let given = Channel(rawValue: name) else {
                return errorLine(id: id, "unknown channel '\(name)' (expected question, spoken, email or note)")
            }
            channel = given
        }
        let findings = coach.check(text, context: request["context"]?.string, channel: channel)
        var output = "{\"id\":"
        id.encode(into: &output)
        output += ",\"flagged\":"
        output += findings.contains { $0.severity == .pitch } ? "true" : "false"
        output += ",\"flags\":["
        for (index, finding) in findings.enumerated() {
            if index > 0 { output += "," }
            append(finding, explain: explain, to: &output)
        }
        output += "]}"
        return output
    }

    /// One finding as a JSON object.
    public static func append(_ finding: Finding, explain: Bool, to output: inout String) {
        output += "{\"rule\":"
        JSONValue.appendString(finding.rule, to: &output)
        output += ",\"severity\":\"\(finding.severity.rawValue)\",\"start\":\(finding.start),\"end\":\(finding.end),\"quote\":"
        JSONValue.appendString(finding.quote, to: &output)
        output += ",\"why\":"
        JSONValue.appendString(finding.why, to: &output)
        output += ",\"instead\":"
        if let instead = finding.instead { JSONValue.appendString(instead, to: &output) } else { output += "null" }
        if let kind = finding.kind {
            output += ",\"kind\":"
            JSONValue.appendString(kind, to: &output)
        }
        if explain {
            output += ",\"pattern\":"
            JSONValue.appendString(finding.pattern, to: &output)
            output += ",\"matched\":"
            JSONValue.appendString(finding.matched, to: &output)
            output += ",\"defined\":"
            JSONValue.appendString(finding.location, to: &output)
        }
        output += "}"
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
