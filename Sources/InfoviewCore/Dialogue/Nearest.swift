/// The closest of a few words to a misspelt one, for "did you mean …?".
enum Nearest {
    /// The candidate that `word` starts, or the one within a small edit distance; `nil` when none is close.
    static func word(to word: String, among candidates: [String]) -> String? {
        let typed = word.lowercased()
        guard !typed.isEmpty, typed.count <= 64 else { return nil }
        let starting = candidates.filter { $0.lowercased().hasPrefix(typed) }
        if starting.count == 1 { return starting[0] }
        let scored = candidates.map { ($0, distance(typed, $0.lowercased())) }.filter { $0.1 <= max(1, typed.count / 3) }
        return scored.min { $0.1 < $1.1 }?.0
    }

    /// The edit distance between two short strings, where swapping two neighbours counts as one
    /// edit (`lsit` is one edit from `list`).
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}
