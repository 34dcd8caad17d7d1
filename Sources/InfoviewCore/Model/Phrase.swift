/// Short answers compared the way people type them: case, punctuation, apostrophes and extra
/// spaces do not matter.
enum Phrase {
    /// Lower case, apostrophes dropped (`don't` -> `dont`), other punctuation as spaces, single spaces.
    static func normalise(_ text: some StringProtocol) -> String {
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.lowercased().unicodeScalars {
            let isWord =
                scalar.isASCII
                ? (0x61...0x7A).contains(scalar.value) || (0x30...0x39).contains(scalar.value)
                : scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            if isWord {
                if pendingSpace && !result.isEmpty { result.append(" ") }
                pendingSpace = false
                result.append(scalar)
            } else if scalar != "'" && scalar != "\u{2019}" {
                pendingSpace = true
            }
        }
        return String(result)
    }

    /// Whether normalised `text` is `phrase` or starts with it as whole words.
    static func normalised(_ text: String, startsWith phrase: String) -> Bool {
        text == phrase || text.hasPrefix(phrase + " ")
    }
}
