extension Coach {
    /// Checks a whole file: a list of questions or spoken lines is checked one line at a time (a
    /// question never runs into the next), an email or a note as one text. Offsets are the file's.
    public mutating func checkDocument(_ text: String, context: String? = nil, channel: Channel) -> [Finding] {
        guard channel == .question || channel == .spoken, text.containsByte(0x0A) else {
            return check(text, context: context, channel: channel)
        }
        var findings: [Finding] = []
        var offset = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let lineText = String(line)
            for var finding in check(lineText, context: context, channel: channel) {
                finding.start += offset
                finding.end += offset
                findings.append(finding)
            }
            offset += lineText.unicodeScalars.count + 1
        }
        return findings
    }
}
