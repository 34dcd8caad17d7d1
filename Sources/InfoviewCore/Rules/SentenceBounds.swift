/// Where the sentences of a token list begin and end, and how many breaks come before each
/// position, found in one pass: asking for the sentence around a match is then constant time, so
/// a long paste without full stops costs the coach time in proportion to its length, not its
/// square.
struct SentenceBounds {
    /// For each position `0...count`: the position just after the last break before it, else 0.
    private var starts: [Int32]
    /// For each position `0...count`: the first break at or after it, else `count`.
    private var ends: [Int32]
    /// For each position `0...count`: the number of breaks before it.
    private var breaksBefore: [Int32]

    /// Finds the bounds of every sentence of `tokens`.
    init(_ tokens: [Token]) {
        let count = tokens.count
        starts = Array(repeating: 0, count: count + 1)
        ends = Array(repeating: Int32(count), count: count + 1)
        breaksBefore = Array(repeating: 0, count: count + 1)
        for index in 0..<count {
            let isBreak = tokens[index].isBreak
            starts[index + 1] = isBreak ? Int32(index + 1) : starts[index]
            breaksBefore[index + 1] = breaksBefore[index] + (isBreak ? 1 : 0)
        }
        for index in stride(from: count - 1, through: 0, by: -1) {
            ends[index] = tokens[index].isBreak ? Int32(index) : ends[index + 1]
        }
    }

    /// The token range of the sentence (or sentences) a match lies in.
    func sentence(around match: PatternMatch, in tokens: [Token]) -> Range<Int> {
        // A match may begin or end on a break (`... ?`): the sentence is the one its words are in.
        var lower = match.start
        while lower < match.end - 1, tokens[lower].isBreak { lower += 1 }
        lower = Int(starts[lower])
        var upper = max(match.end, match.start)
        while upper > lower + 1, tokens[upper - 1].isBreak { upper -= 1 }
        upper = Int(ends[upper])
        return lower..<upper
    }

    /// The number of breaks in a range of positions.
    func breaks(in range: Range<Int>) -> Int {
        Int(breaksBefore[range.upperBound] - breaksBefore[range.lowerBound])
    }
}

/// A rule's `unless:` verdict for one sentence, remembered while one text is checked.
struct SentenceVerdictKey: Hashable {
    var rule: Int
    var sentence: Range<Int>
}

/// The scalar offsets covered by the findings kept so far: whether a new span overlaps one costs
/// time in proportion to the span, not to the number of findings (a pasted text can hold
/// thousands). Empty spans overlap nothing, as with `Range.overlaps`.
struct CoveredSpans {
    private var bits: [UInt64] = []

    /// Whether any offset of `span` is covered already.
    func overlaps(_ span: Range<Int>) -> Bool {
        for offset in span where offset >= 0 {
            let word = offset >> 6
            guard word < bits.count else { return false }
            if bits[word] & (1 << UInt64(offset & 63)) != 0 { return true }
        }
        return false
    }

    /// Marks every offset of `span` as covered.
    mutating func insert(_ span: Range<Int>) {
        guard let last = span.last, last >= 0 else { return }
        if bits.count <= last >> 6 { bits += Array(repeating: 0, count: (last >> 6) + 1 - bits.count) }
        for offset in span where offset >= 0 { bits[offset >> 6] |= 1 << UInt64(offset & 63) }
    }
}

/// Cuts a text at offsets counted in Unicode scalars, walking from the last place cut rather than
/// from the start: findings come in text order, so quoting each costs the distance from the one
/// before, not from the beginning of a long paste.
struct ScalarCursor {
    private let scalars: String.UnicodeScalarView
    private var offset = 0
    private var index: String.Index

    /// A cursor at the start of `text`.
    init(_ text: String) {
        scalars = text.unicodeScalars
        index = scalars.startIndex
    }

    /// The part of the text between two scalar offsets (clamped to the text), as `Coach.text`.
    mutating func text(_ range: Range<Int>) -> String {
        let lower = move(to: max(0, range.lowerBound))
        let upper = scalars.index(lower, offsetBy: max(0, range.count), limitedBy: scalars.endIndex) ?? scalars.endIndex
        return String(scalars[lower..<upper])
    }

    private mutating func move(to target: Int) -> String.Index {
        let limit = target >= offset ? scalars.endIndex : scalars.startIndex
        if let moved = scalars.index(index, offsetBy: target - offset, limitedBy: limit) {
            index = moved
            offset = target
        } else {
            index = scalars.endIndex
            offset = scalars.count
        }
        return index
    }
}
