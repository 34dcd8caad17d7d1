/// A set of word ids as a bit set: membership is one shift and one mask.
struct WordSet: Sendable, Equatable {
    private var bits: [UInt64] = []

    init() {}

    /// The bits, 64 words to an element (word id N is bit N % 64 of element N / 64).
    var storage: [UInt64] { bits }

    init(_ ids: [Int32]) {
        for id in ids { insert(id) }
    }

    mutating func insert(_ id: Int32) {
        guard id >= 0 else { return }
        let word = Int(id) >> 6
        if word >= bits.count { bits.append(contentsOf: repeatElement(0, count: word - bits.count + 1)) }
        bits[word] |= 1 << UInt64(id & 63)
    }

    mutating func formUnion(_ other: WordSet) {
        if other.bits.count > bits.count { bits.append(contentsOf: repeatElement(0, count: other.bits.count - bits.count)) }
        for index in other.bits.indices { bits[index] |= other.bits[index] }
    }

    @inline(__always) func contains(_ id: Int32) -> Bool {
        let word = Int(id) >> 6
        return id >= 0 && word < bits.count && bits[word] & (1 << UInt64(id & 63)) != 0
    }

    /// The words of some tokens (breaks and unknown words left out).
    init(words tokens: [Token]) {
        for token in tokens { insert(token.id) }
    }

    /// Whether the two sets share a word.
    func intersects(_ other: WordSet) -> Bool {
        bits.withUnsafeBufferPointer { mine in
            other.bits.withUnsafeBufferPointer { theirs in
                for index in 0..<min(mine.count, theirs.count) where mine[index] & theirs[index] != 0 { return true }
                return false
            }
        }
    }

    /// Empties the set, keeping its storage.
    mutating func removeAll() {
        for index in bits.indices { bits[index] = 0 }
    }

    /// How many words the two sets share.
    func intersectionCount(with other: WordSet) -> Int {
        var total = 0
        for index in 0..<min(bits.count, other.bits.count) { total += (bits[index] & other.bits[index]).nonzeroBitCount }
        return total
    }

    var isEmpty: Bool { bits.allSatisfy { $0 == 0 } }
    var count: Int { bits.reduce(0) { $0 + $1.nonzeroBitCount } }

    var members: [Int32] {
        var result: [Int32] = []
        for (index, word) in bits.enumerated() where word != 0 {
            for bit in 0..<64 where word & (1 << UInt64(bit)) != 0 { result.append(Int32(index * 64 + bit)) }
        }
        return result
    }
}
