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

    /// The programs that may match, in ascending order, each once.
    func candidates(for tokens: [Token], marks: inout [UInt32], generation: UInt32) -> [Int32] {
        if marks.count < count { marks = Array(repeating: 0, count: count) }
        var result = unanchored
        tokens.withUnsafeBufferPointer { tokens in
            for index in tokens.indices {
                let id = Int(tokens[index].id)
                guard id >= 0, id < byWord.count else { continue }
                byWord[id].withUnsafeBufferPointer { programs in
                    for program in programs.indices where marks[Int(programs[program])] != generation {
                        marks[Int(programs[program])] = generation
                        result.append(programs[program])
                    }
                }
            }
        }
        result.sort()
        return result
    }
}
