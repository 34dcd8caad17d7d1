/// The name an interview goes by: the person's name as the user typed it, tidied.
enum InterviewName {
    /// The field a flow saves the name to; answering it starts the interview.
    static let field = "name"
    /// Names longer than this are refused, so lists stay readable.
    static let maximumLength = 60

    /// The name without control characters and runs of spaces; `nil` when nothing is left or it
    /// is too long.
    static func clean(_ text: some StringProtocol) -> String? {
        guard text.count <= maximumLength * 4 else { return nil }
        let words = text.split { $0.isWhitespace || $0.unicodeScalars.allSatisfy { $0.properties.generalCategory == .control || $0.properties.generalCategory == .format } }
        let name = words.joined(separator: " ")
        guard !name.isEmpty, name.count <= maximumLength else { return nil }
        return name
    }

    /// The words of `capture` as they were spelt in `input` (capitals kept), or `capture` itself.
    static func spelling(of capture: String, in input: String) -> String {
        let wanted = Array(capture.lowercased())
        let original = Array(input)
        guard !wanted.isEmpty, original.count <= 2_000 else { return capture }
        let lowered = original.map { Array($0.lowercased()) }
        guard lowered.allSatisfy({ $0.count == 1 }) else { return capture }
        let flat = lowered.map { $0[0] }
        guard flat.count >= wanted.count else { return capture }
        for start in 0...(flat.count - wanted.count) where Array(flat[start..<(start + wanted.count)]) == wanted {
            return String(original[start..<(start + wanted.count)])
        }
        return capture
    }
}
