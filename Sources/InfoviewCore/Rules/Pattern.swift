/// A parsed pattern, before compiling: what a `when:` line says.
///
/// ```
/// word            a literal word (after normalisation: `I'm` is `i am`)
/// ~name           any entry of a concept
/// (a | b c)       alternatives
/// [a b]           optional words
/// *  *N           any 0–8 (or 0–N) words within the sentence, captured as {1}, {2} …
/// ^  $            start or end of a clause (sentence start, or after a comma, colon or dash)
/// /               a sentence break;  ?  a break after a question mark
/// ```
enum PatternNode: Sendable, Equatable {
    case word(String)
    case concept(String)
    case sequence([PatternNode])
    case alternatives([PatternNode])
    indirect case optional(PatternNode)
    case gap(max: Int)
    /// A wildcard that ends a pattern: it takes as many words as the sentence has.
    case greedyGap(max: Int)
    case clauseStart
    case clauseEnd
    case sentenceBreak(questionOnly: Bool)
    /// `a & b`: every part somewhere in one sentence, in any order (top level only).
    case allOf([PatternNode])
}

extension PatternNode {
    /// How many literal words a match needs at least: more is more specific.
    var literalCount: Int {
        switch self {
        case .word: return 1
        case .concept: return 1
        case .sequence(let nodes), .allOf(let nodes): return nodes.reduce(0) { $0 + $1.literalCount }
        case .alternatives(let nodes): return nodes.map(\.literalCount).min() ?? 0
        case .optional, .gap, .greedyGap, .clauseStart, .clauseEnd, .sentenceBreak: return 0
        }
    }

    /// How many wildcards the pattern has: fewer is more specific.
    var wildcardCount: Int {
        switch self {
        case .gap, .greedyGap: return 1
        case .sequence(let nodes), .allOf(let nodes): return nodes.reduce(0) { $0 + $1.wildcardCount }
        case .alternatives(let nodes): return nodes.map(\.wildcardCount).max() ?? 0
        case .optional(let node): return node.wildcardCount
        default: return 0
        }
    }

    /// The concepts the pattern names, for checking that each exists.
    var conceptNames: [String] {
        switch self {
        case .concept(let name): return [name]
        case .sequence(let nodes), .alternatives(let nodes), .allOf(let nodes): return nodes.flatMap(\.conceptNames)
        case .optional(let node): return node.conceptNames
        default: return []
        }
    }
}
