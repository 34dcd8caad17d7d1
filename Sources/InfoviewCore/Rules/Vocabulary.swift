/// The words the rules mention, each with a small integer id, so that matching compares integers.
struct Vocabulary: Sendable {
    private(set) var ids: [String: Int32] = [:]
    private(set) var words: [String] = []

    /// The id of a word, adding it if new.
    mutating func intern(_ word: String) -> Int32 {
        if let id = ids[word] { return id }
        let id = Int32(words.count)
        ids[word] = id
        words.append(word)
        return id
    }

    /// The id of a known word, or `Token.unknownWord`.
    func id(of word: String) -> Int32 {
        ids[word] ?? Token.unknownWord
    }

    /// The word with an id, for messages.
    func word(_ id: Int32) -> String {
        switch id {
        case Token.statementBreak: return "."
        case Token.questionBreak: return "?"
        case 0..<Int32(words.count): return words[Int(id)]
        default: return "?"
        }
    }

    var count: Int { words.count }
}
