/// How the report draws its pictures: the progress bar, the bars of the gap chart and the
/// branches of the referral tree. `plain` is ASCII, for pipes, files and terminals that cannot
/// show more; `blocks` uses block elements (with eighth blocks for a fraction of a cell) and
/// box-drawing lines, for a terminal whose locale is UTF-8. The caller, which knows where the
/// text goes, picks one; the pictures themselves are plain values.
public enum Drawing: String, Sendable, Equatable, CaseIterable {
    /// `#`, `.`, `|` and `->`: the same text on any output.
    case plain
    /// `█▉▊▋▌▍▎▏`, `░`, `├──`, `└──` and `│`.
    case blocks

    /// The progress toward the goal, a cell per interview up to `maximum`, with a mark where
    /// `minimum` is reached: `[###..|..........]`, or `▕███░░│░░░░░░░░░░▏`.
    public func progressBar(done: Int, minimum: Int, maximum: Int) -> String {
        let (full, empty, mark, open, close) =
            self == .plain ? ("#", ".", "|", "[", "]") : ("█", "░", "│", "▕", "▏")
        var bar = open
        for cell in 1...max(maximum, 1) {
            bar += cell <= done ? full : empty
            if cell == minimum && cell < maximum { bar += mark }
        }
        return bar + close
    }

    /// A bar of a chart, always `width` columns wide (padded with spaces): `value` out of
    /// `scale` fills that share of it. Plain: a `#` per whole column, rounded. Blocks: full
    /// blocks, then an eighth block for what is left, to the nearest eighth.
    public func bar(_ value: Int, of scale: Int, width: Int) -> String {
        let width = max(width, 0)
        guard scale > 0, value > 0, width > 0 else { return String(repeating: " ", count: width) }
        let share = Double(min(value, scale)) / Double(scale)
        switch self {
        case .plain:
            let columns = min(width, max(1, Int((share * Double(width)).rounded())))
            return String(repeating: "#", count: columns) + String(repeating: " ", count: width - columns)
        case .blocks:
            let eighths = max(1, Int((share * Double(width * 8)).rounded()))
            let whole = eighths / 8
            let part = eighths % 8
            var bar = String(repeating: "█", count: whole)
            if part > 0 { bar.append(Self.eighthBlocks[part - 1]) }
            return bar + String(repeating: " ", count: width - whole - (part > 0 ? 1 : 0))
        }
    }

    /// The start of a line of the referral tree: nothing for a root; for a person further down,
    /// `below` says, for each level above theirs (nearest the root first), whether more people
    /// follow at that level, and `isLast` whether they are the last at their own. Plain:
    /// three spaces a level, then `-> `. Blocks: `│   ` or four spaces a level, then `├── ` or
    /// `└── `.
    public func branch(below: [Bool], isLast: Bool) -> String {
        switch self {
        case .plain:
            return String(repeating: "   ", count: below.count + 1) + "-> "
        case .blocks:
            return below.map { $0 ? "│   " : "    " }.joined() + (isLast ? "└── " : "├── ")
        }
    }

    /// The left eighths of a cell, one eighth to seven.
    static let eighthBlocks: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]
}
