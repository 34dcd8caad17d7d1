/// Short answers compared the way people type them: case, punctuation, apostrophes and extra
/// spaces do not matter.
enum Phrase {
    /// Lower case, apostrophes dropped (`don't` -> `dont`), other punctuation as spaces, single spaces.
    static func normalise(_ text: some StringProtocol) -> String {
        var words: [String] = []
        var current = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if character == "'" || character == "\u{2019}" {
                continue
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words.joined(separator: " ")
    }

    /// Whether normalised `text` is `phrase` or starts with it as whole words.
    static func normalised(_ text: String, startsWith phrase: String) -> Bool {
        text == phrase || text.hasPrefix(phrase + " ")
    }
}
