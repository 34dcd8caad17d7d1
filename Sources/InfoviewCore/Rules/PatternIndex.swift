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
        for token in tokens where token.id >= 0 && Int(token.id) < byWord.count {
            for program in byWord[Int(token.id)] where marks[Int(program)] != generation {
                marks[Int(program)] = generation
                result.append(program)
            }
        }
        result.sort()
        return result
    }
}
