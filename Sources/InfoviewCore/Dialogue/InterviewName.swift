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
}
