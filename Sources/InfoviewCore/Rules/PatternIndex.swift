/// Finds which of many programs could match a text, from the words the text contains, so that
/// the cost of a line does not grow with the number of patterns that cannot match it.
struct PatternIndex: Sendable {
    private var byWord: [[Int32]] = []
    private var unanchored: [Int32] = []
    let count: Int

    init(programs: [Program], vocabularySize: Int) {
        count = programs.count
        byWord = Array(repeating: [], count: vocabularySize)
        for (index, program) in programs.enumerated() {
            if let anchor = program.anchor {
                for id in anchor.members where Int(id) < vocabularySize { byWord[Int(id)].append(Int32(index)) }
            } else {
                unanchored.append(Int32(index))
            }
        }
    }

    /// The programs that may match, in ascending order, each once. `scratch` is a bit set over
    /// the programs, all clear between calls (keep one per caller to spare its allocation): the
    /// programs are marked in it, then read back in order, which leaves it clear again.
    func candidates(for tokens: [Token], scratch: inout [UInt64]) -> [Int32] {
        let words = (count + 63) / 64
        if scratch.count < words { scratch = Array(repeating: 0, count: words) }
        var result = unanchored
        var marked = false
        scratch.withUnsafeMutableBufferPointer { bits in
            tokens.withUnsafeBufferPointer { tokens in
                for index in tokens.indices {
                    let id = Int(tokens[index].id)
                    guard id >= 0, id < byWord.count else { continue }
                    byWord[id].withUnsafeBufferPointer { programs in
                        for program in programs {
                            bits[Int(program) >> 6] |= 1 << UInt64(program & 63)
                            marked = true
                        }
                    }
                }
            }
            guard marked else { return }
            var found: [Int32] = []
            for word in 0..<words where bits[word] != 0 {
                var bitsLeft = bits[word]
                bits[word] = 0
                while bitsLeft != 0 {
                    found.append(Int32(word * 64 + bitsLeft.trailingZeroBitCount))
                    bitsLeft &= bitsLeft - 1
                }
            }
            result = Self.merge(result, found)
        }
        return result
    }

    /// Two ascending lists as one.
    private static func merge(_ first: [Int32], _ second: [Int32]) -> [Int32] {
        if first.isEmpty { return second }
        var merged: [Int32] = []
        merged.reserveCapacity(first.count + second.count)
        var (i, j) = (0, 0)
        while i < first.count || j < second.count {
            if j == second.count || (i < first.count && first[i] < second[j]) {
                merged.append(first[i])
                i += 1
            } else {
                merged.append(second[j])
                j += 1
            }
        }
        return merged
    }
}
