/// A pattern compiled to a small backtracking program over token ids.
///
/// Immutable, and shared by reference: the coach reads hundreds of programs for every line, and a
/// reference is one count to keep where a value would be one for each of its arrays.
final class Program: Sendable {
    enum Instruction: Sendable, Equatable {
        case word(Int32)
        case set(Int32)  // index into the shared `WordSet` table
        /// The next word is in a set, which it does not consume: what a concept of several
        /// words begins with, so that a choice can drop it at once when its first word is absent.
        case peek(Int32)
        case anyWord
        case sentenceBreak(questionOnly: Bool)
        case clauseStart
        case clauseEnd
        case split(Int32, Int32)  // try the first, then the second
        case jump(Int32)
        case save(Int32)
        case match
    }

    let code: [Instruction]
    /// How many `*` captures the pattern has.
    let captureCount: Int
    /// The words a match can start with, or nil when it can start anywhere.
    let firstWords: WordSet?
    /// Sets of words of which every match contains one each, least common first.
    let requirements: [WordSet]
    /// The words one of which every match contains (the first requirement), or nil.
    var anchor: WordSet? { requirements.first }
    let literalCount: Int
    let wildcardCount: Int
    /// For `a & b`: the parts, each of which must match in the same sentence; `code` is empty.
    let parts: [Program]

    init(
        code: [Instruction], captureCount: Int, firstWords: WordSet?, requirements: [WordSet], literalCount: Int,
        wildcardCount: Int, parts: [Program]
    ) {
        self.code = code
        self.captureCount = captureCount
        self.firstWords = firstWords
        self.requirements = requirements
        self.literalCount = literalCount
        self.wildcardCount = wildcardCount
        self.parts = parts
    }

    /// Whether a text holds a word of every requirement but the first (the index entry, which
    /// found the program): if not, the program cannot match. `present` is the set of the text's words.
    func isPossible(present: WordSet) -> Bool {
        for requirement in requirements.dropFirst() where !requirement.intersects(present) {
            return false
        }
        return true
    }
}

/// A match of a program: token positions, and the captured spans.
struct PatternMatch: Sendable, Equatable {
    var start: Int
    var end: Int
    /// Token ranges of the `*` captures, in order; an empty range when a wildcard took no words.
    var captures: [Range<Int>]
}

/// Compiles pattern trees against the concepts and the vocabulary.
struct ProgramCompiler {
    var vocabulary: Vocabulary
    var sets: [WordSet] = []
    let concepts: [String: (node: PatternNode, location: SourceLocation)]
    private var conceptSets: [String: Int32] = [:]
    /// Each concept's code, compiled once and copied (with its jumps moved) wherever it is used.
    private var conceptCode: [String: [Program.Instruction]] = [:]
    private var conceptFirsts: [String: (words: WordSet?, nullable: Bool)] = [:]
    private var conceptPeeks: [String: Int32?] = [:]
    /// The one-word set of each word, made once and shared.
    private var wordFirsts: [Int32: WordSet] = [:]
    private lazy var commonIDs = WordSet(Self.commonWords.map { vocabulary.intern($0) })

    init(vocabulary: Vocabulary, concepts: [String: (node: PatternNode, location: SourceLocation)]) {
        self.vocabulary = vocabulary
        self.concepts = concepts
    }

    mutating func compile(_ node: PatternNode, at location: SourceLocation) throws(PromptError) -> Program {
        if case .allOf(let nodes) = node {
            var parts: [Program] = []
            for part in nodes { parts.append(try compile(part, at: location)) }
            var requirements: [WordSet] = []
            for part in parts where !part.requirements.isEmpty { requirements.append(contentsOf: part.requirements) }
            // The rarest part's anchor goes first: it is the index entry.
            let ordered = parts.compactMap(\.anchor).sorted { $0.count < $1.count }
            requirements.removeAll { set in ordered.contains(set) }
            return Program(
                code: [], captureCount: 0, firstWords: nil, requirements: ordered + requirements,
                literalCount: node.literalCount, wildcardCount: node.wildcardCount, parts: parts)
        }
        var code: [Program.Instruction] = []
        var captures: Int32 = 0
        var stack: [String] = []
        // A wildcard that ends the pattern takes the rest of the sentence ("prepare with *").
        var node = node
        if case .sequence(var nodes) = node, case .gap(let limit)? = nodes.last {
            nodes[nodes.count - 1] = .greedyGap(max: limit)
            node = .sequence(nodes)
        } else if case .gap(let limit) = node {
            node = .greedyGap(max: limit)
        }
        try emit(node, into: &code, captures: &captures, capturing: true, stack: &stack, location)
        code.append(.match)
        // The first words of each element, worked out once for both the words a match can start
        // with and the words every match contains.
        let elements: [PatternNode]
        if case .sequence(let nodes) = node { elements = nodes } else { elements = [node] }
        var starts: [(words: WordSet?, nullable: Bool)] = []
        for element in elements { starts.append(firsts(of: element, stack: [])) }
        let start = Self.sequenceFirsts(starts)
        return Program(
            code: code, captureCount: Int(captures), firstWords: start.nullable ? nil : start.words,
            requirements: requirements(from: starts), literalCount: node.literalCount, wildcardCount: node.wildcardCount,
            parts: [])
    }

    private mutating func emit(
        _ node: PatternNode, into code: inout [Program.Instruction], captures: inout Int32, capturing: Bool,
        stack: inout [String], _ location: SourceLocation
    ) throws(PromptError) {
        switch node {
        case .word(let word):
            code.append(.word(vocabulary.intern(word)))
        case .concept(let name):
            guard let concept = concepts[name] else {
                throw PromptError(reason: .unknownConcept(name), location: location)
            }
            if stack.contains(name) {
                throw PromptError(
                    reason: .badPattern("concept '~\(name)' refers to itself through \(stack.map { "~" + $0 }.joined(separator: " -> "))"),
                    location: concept.location)
            }
            if let set = try conceptSet(name) {
                code.append(.set(set))
            } else {
                if conceptCode[name] == nil {
                    stack.append(name)
                    var fragment: [Program.Instruction] = []
                    var none: Int32 = 0
                    try emit(concept.node, into: &fragment, captures: &none, capturing: false, stack: &stack, location)
                    stack.removeLast()
                    conceptCode[name] = fragment
                }
                if let peek = conceptPeek(name) { code.append(.peek(peek)) }
                let base = Int32(code.count)
                for instruction in conceptCode[name]! {
                    switch instruction {
                    case .split(let first, let second): code.append(.split(first + base, second + base))
                    case .jump(let target): code.append(.jump(target + base))
                    default: code.append(instruction)
                    }
                }
            }
        case .sequence(let nodes):
            for child in nodes {
                try emit(child, into: &code, captures: &captures, capturing: capturing, stack: &stack, location)
            }
        case .alternatives(let options):
            if let words = Self.singleWords(options) {
                sets.append(WordSet(words.map { vocabulary.intern($0) }))
                code.append(.set(Int32(sets.count - 1)))
                return
            }
            var exits: [Int] = []
            for (index, option) in options.enumerated() {
                if index < options.count - 1 {
                    let split = code.count
                    code.append(.split(0, 0))
                    try emit(option, into: &code, captures: &captures, capturing: capturing, stack: &stack, location)
                    exits.append(code.count)
                    code.append(.jump(0))
                    code[split] = .split(Int32(split + 1), Int32(code.count))
                } else {
                    try emit(option, into: &code, captures: &captures, capturing: capturing, stack: &stack, location)
                }
            }
            for exit in exits { code[exit] = .jump(Int32(code.count)) }
        case .optional(let inner):
            let split = code.count
            code.append(.split(0, 0))
            try emit(inner, into: &code, captures: &captures, capturing: capturing, stack: &stack, location)
            code[split] = .split(Int32(split + 1), Int32(code.count))
        case .gap(let limit), .greedyGap(let limit):
            let slot = captures
            if capturing {
                captures += 1
                code.append(.save(slot * 2))
            }
            // Lazy: each step first tries to stop, then to take one more word; greedy the reverse.
            let greedy = if case .greedyGap = node { true } else { false }
            var splits: [Int] = []
            for _ in 0..<limit {
                splits.append(code.count)
                code.append(.split(0, 0))
                code.append(.anyWord)
            }
            let end = Int32(code.count)
            for split in splits {
                code[split] = greedy ? .split(Int32(split + 1), end) : .split(end, Int32(split + 1))
            }
            if capturing { code.append(.save(slot * 2 + 1)) }
        case .allOf:
            throw PromptError(
                reason: .badPattern("'&' joins whole patterns: it cannot stand inside a concept"), location: location)
        case .clauseStart:
            code.append(.clauseStart)
        case .clauseEnd:
            code.append(.clauseEnd)
        case .sentenceBreak(let questionOnly):
            code.append(.sentenceBreak(questionOnly: questionOnly))
        }
    }

    /// The set of words a concept's match must begin with, when it must begin with a word.
    private mutating func conceptPeek(_ name: String) -> Int32? {
        if let cached = conceptPeeks[name] { return cached }
        var peek: Int32?
        let first = firsts(of: .concept(name), stack: [])
        if let words = first.words, !first.nullable, !words.isEmpty {
            sets.append(words)
            peek = Int32(sets.count - 1)
        }
        conceptPeeks[name] = peek
        return peek
    }

    /// A concept made only of single words compiles to one set lookup.
    private mutating func conceptSet(_ name: String) throws(PromptError) -> Int32? {
        if let cached = conceptSets[name] { return cached }
        guard let concept = concepts[name] else { return nil }
        let options: [PatternNode]
        if case .alternatives(let list) = concept.node { options = list } else { options = [concept.node] }
        guard let words = Self.singleWords(options) else { return nil }
        sets.append(WordSet(words.map { vocabulary.intern($0) }))
        let index = Int32(sets.count - 1)
        conceptSets[name] = index
        return index
    }

    private static func singleWords(_ options: [PatternNode]) -> [String]? {
        var words: [String] = []
        for option in options {
            switch option {
            case .word(let word): words.append(word)
            case .sequence(let nodes) where nodes.count == 1:
                guard case .word(let word) = nodes[0] else { return nil }
                words.append(word)
            default: return nil
            }
        }
        return words
    }

    // MARK: - What a match must contain

    /// First words of a node: nil when it can begin with anything, `nullable` when it can match nothing.
    private mutating func firsts(of node: PatternNode, stack: [String]) -> (words: WordSet?, nullable: Bool) {
        switch node {
        case .word(let word):
            let id = vocabulary.intern(word)
            if let cached = wordFirsts[id] { return (cached, false) }
            let words = WordSet([id])
            wordFirsts[id] = words
            return (words, false)
        case .concept(let name):
            if let cached = conceptFirsts[name] { return cached }
            guard let concept = concepts[name], !stack.contains(name) else { return (nil, false) }
            let result = firsts(of: concept.node, stack: stack + [name])
            conceptFirsts[name] = result
            return result
        case .sequence(let nodes):
            var words = WordSet()
            for child in nodes {
                let result = firsts(of: child, stack: stack)
                guard let childWords = result.words else { return (nil, false) }
                words.formUnion(childWords)
                if !result.nullable { return (words, false) }
            }
            return (words, true)
        case .alternatives(let options):
            if let single = Self.singleWords(options) { return (WordSet(single.map { vocabulary.intern($0) }), false) }
            var words = WordSet()
            var nullable = false
            for option in options {
                let result = firsts(of: option, stack: stack)
                guard let optionWords = result.words else { return (nil, false) }
                words.formUnion(optionWords)
                nullable = nullable || result.nullable
            }
            return (words, nullable)
        case .optional(let inner):
            let result = firsts(of: inner, stack: stack)
            return (result.words, true)
        case .gap, .greedyGap:
            return (nil, true)
        case .allOf:
            return (nil, false)
        case .clauseStart, .clauseEnd:
            return (WordSet(), true)
        case .sentenceBreak:
            return (nil, false)
        }
    }

    /// The first words of a sequence, from those of its elements (as `firsts` of a `.sequence`).
    private static func sequenceFirsts(_ elements: [(words: WordSet?, nullable: Bool)]) -> (words: WordSet?, nullable: Bool) {
        guard elements.count > 1 else { return elements.first ?? (WordSet(), true) }
        var words = WordSet()
        for result in elements {
            guard let childWords = result.words else { return (nil, false) }
            words.formUnion(childWords)
            if !result.nullable { return (words, false) }
        }
        return (words, true)
    }

    /// Sets of words of which a match must contain one each (one set per element every match
    /// needs), least common first: the first is the index anchor, the rest a cheap pre-check.
    private mutating func requirements(from elements: [(words: WordSet?, nullable: Bool)]) -> [WordSet] {
        var found: [(set: WordSet, cost: Int)] = []
        for result in elements {
            guard !result.nullable, let words = result.words, !words.isEmpty else { continue }
            let cost = words.count + 99 * commonIDs.intersectionCount(with: words)
            if !found.contains(where: { $0.set == words }) { found.append((words, cost)) }
        }
        return found.sorted { $0.cost < $1.cost }.map(\.set)
    }

    /// Words that occur in most sentences: a poor choice of anchor.
    private static let commonWords: Set<String> = [
        "i", "you", "me", "my", "your", "we", "a", "an", "the", "to", "of", "in", "on", "at", "for", "is", "are",
        "am", "be", "do", "does", "did", "can", "could", "would", "will", "it", "that", "this", "and", "or",
        "have", "has", "with", "what", "how", "not", "any", "so", "if", "there", "'s", "about", "as",
    ]
}
