/// Runs compiled programs over tokens, by backtracking with a step budget so that no input can
/// make a match run long.
struct Matcher {
    /// The most instructions one attempt may run before it counts as no match.
    static let stepBudget = 20_000

    /// The backtracking frames, used as a fixed-size stack: a run that fills it is run again with
    /// one twice the size (a run is deterministic, so it finds the same match).
    private var stack: [(pc: Int32, pos: Int32)] = Array(repeating: (0, 0), count: 64)
    private var slots: [Int32] = []

    init() {}

    /// The leftmost match of a program at or after a token position.
    mutating func firstMatch(
        of program: Program, in tokens: [Token], sets: WordSetTable, from lowerBound: Int = 0, upTo upperBound: Int? = nil
    ) -> PatternMatch? {
        let end = upperBound ?? tokens.count
        if !program.parts.isEmpty {
            return sentenceMatches(of: program.parts, in: tokens, sets: sets, from: lowerBound, upTo: end).first
        }
        var start = lowerBound
        guard let first = program.firstWords else {
            while start <= end {
                if let match = run(program, tokens, sets, start, end) { return match }
                start += 1
            }
            return nil
        }
        // Only where one of the words a match can start with is.
        while start < end {
            if first.contains(tokens[start].id), let match = run(program, tokens, sets, start, end) { return match }
            start += 1
        }
        return nil
    }

    /// Every non-overlapping match, leftmost first.
    mutating func allMatches(of program: Program, in tokens: [Token], sets: WordSetTable) -> [PatternMatch] {
        if !program.parts.isEmpty { return sentenceMatches(of: program.parts, in: tokens, sets: sets) }
        var matches: [PatternMatch] = []
        var start = 0
        while start <= tokens.count, let match = firstMatch(of: program, in: tokens, sets: sets, from: start) {
            matches.append(match)
            start = max(match.end, match.start + 1)
        }
        return matches
    }

    /// `a & b`: the sentences in which every part matches, each as one match over the parts.
    mutating func sentenceMatches(
        of parts: [Program], in tokens: [Token], sets: WordSetTable, from start: Int = 0, upTo end: Int? = nil
    ) -> [PatternMatch] {
        let end = end ?? tokens.count
        var matches: [PatternMatch] = []
        var lower = start
        while lower < end {
            var upper = lower
            while upper < end, !tokens[upper].isBreak { upper += 1 }
            if upper > lower {
                var span: (start: Int, end: Int)?
                for part in parts {
                    guard let match = firstMatch(of: part, in: tokens, sets: sets, from: lower, upTo: upper) else {
                        span = nil
                        break
                    }
                    span = (min(span?.start ?? match.start, match.start), max(span?.end ?? match.end, match.end))
                }
                if let span { matches.append(PatternMatch(start: span.start, end: span.end, captures: [])) }
            }
            lower = upper + 1
        }
        return matches
    }

    private mutating func run(
        _ program: Program, _ tokens: [Token], _ sets: WordSetTable, _ start: Int, _ end: Int
    ) -> PatternMatch? {
        let slotCount = program.captureCount * 2
        if slots.count < slotCount { slots = Array(repeating: -1, count: slotCount) }
        while true {
            switch attempt(program, tokens, sets, start, end) {
            case .matched(let match): return match
            case .noMatch: return nil
            case .stackFull: stack = Array(repeating: (0, 0), count: stack.count * 2)
            }
        }
    }

    private enum Attempt {
        case matched(PatternMatch)
        case noMatch
        case stackFull
    }

    /// One run with the stack as it is.
    private mutating func attempt(
        _ program: Program, _ tokens: [Token], _ sets: WordSetTable, _ start: Int, _ end: Int
    ) -> Attempt {
        let captureCount = program.captureCount
        return stack.withUnsafeMutableBufferPointer { stack in
            slots.withUnsafeMutableBufferPointer { slots in
                program.code.withUnsafeBufferPointer { code in
                    tokens.withUnsafeBufferPointer { tokens in
                        sets.withView { sets in
                            for index in 0..<captureCount * 2 { slots[index] = -1 }
                            stack[0] = (0, Int32(start))
                            var depth = 1
                            var steps = 0
                            while depth > 0 {
                                depth -= 1
                                let frame = stack[depth]
                                if frame.pc < 0 {
                                    slots[Int(-frame.pc - 1)] = frame.pos
                                    continue
                                }
                                var pc = Int(frame.pc)
                                var pos = Int(frame.pos)
                                thread: while true {
                                    steps += 1
                                    if steps > Self.stepBudget { return .noMatch }
                                    switch code[pc] {
                                    case .word(let id):
                                        guard pos < end, tokens[pos].id == id else { break thread }
                                        pos += 1
                                        pc += 1
                                    case .set(let index):
                                        guard pos < end, sets.contains(tokens[pos].id, inSet: Int(index)) else { break thread }
                                        pos += 1
                                        pc += 1
                                    case .peek(let index):
                                        guard pos < end, sets.contains(tokens[pos].id, inSet: Int(index)) else { break thread }
                                        pc += 1
                                    case .anyWord:
                                        guard pos < end, !tokens[pos].isBreak else { break thread }
                                        pos += 1
                                        pc += 1
                                    case .sentenceBreak(let questionOnly):
                                        guard pos < end, tokens[pos].isBreak, !questionOnly || tokens[pos].id == Token.questionBreak
                                        else { break thread }
                                        pos += 1
                                        pc += 1
                                    case .clauseStart:
                                        guard pos < end, !tokens[pos].isBreak, tokens[pos].startsClause else { break thread }
                                        pc += 1
                                    case .clauseEnd:
                                        guard pos > 0, !tokens[pos - 1].isBreak, tokens[pos - 1].endsClause || pos == tokens.count
                                        else { break thread }
                                        pc += 1
                                    case .split(let first, let second):
                                        // A branch whose first word is not the next one fails at once: it is
                                        // neither tried nor kept for later (alternatives are mostly such).
                                        func failsAtOnce(_ target: Int32) -> Bool {
                                            switch code[Int(target)] {
                                            case .word(let id): return pos >= end || tokens[pos].id != id
                                            case .set(let index), .peek(let index):
                                                return pos >= end || !sets.contains(tokens[pos].id, inSet: Int(index))
                                            default: return false
                                            }
                                        }
                                        if failsAtOnce(first) {
                                            pc = Int(second)
                                            continue thread
                                        }
                                        if !failsAtOnce(second) {
                                            guard depth < stack.count else { return .stackFull }
                                            stack[depth] = (second, Int32(pos))
                                            depth += 1
                                        }
                                        pc = Int(first)
                                    case .jump(let target):
                                        pc = Int(target)
                                    case .save(let slot):
                                        guard depth < stack.count else { return .stackFull }
                                        stack[depth] = (-slot - 1, slots[Int(slot)])
                                        depth += 1
                                        slots[Int(slot)] = Int32(pos)
                                        pc += 1
                                    case .match:
                                        var captures: [Range<Int>] = []
                                        captures.reserveCapacity(captureCount)
                                        for index in 0..<captureCount {
                                            let lower = Int(slots[index * 2])
                                            let upper = Int(slots[index * 2 + 1])
                                            captures.append(lower >= 0 && upper >= lower ? lower..<upper : pos..<pos)
                                        }
                                        return .matched(PatternMatch(start: start, end: pos, captures: captures))
                                    }
                                }
                            }
                            return .noMatch
                        }
                    }
                }
            }
        }
    }
}
