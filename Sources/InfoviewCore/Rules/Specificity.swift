/// Which of two overlapping matches wins, all in one comparable value: a higher `weight:`, then
/// more literal words, then fewer wildcards, then the rule that comes first in the files.
public struct Specificity: Comparable, Sendable, Hashable {
    public var weight: Int
    public var literalWords: Int
    public var wildcards: Int
    public var order: Int

    /// Greater means more specific: it wins.
    public static func < (lhs: Specificity, rhs: Specificity) -> Bool {
        if lhs.weight != rhs.weight { return lhs.weight < rhs.weight }
        if lhs.literalWords != rhs.literalWords { return lhs.literalWords < rhs.literalWords }
        if lhs.wildcards != rhs.wildcards { return lhs.wildcards > rhs.wildcards }
        return lhs.order > rhs.order
    }
}
