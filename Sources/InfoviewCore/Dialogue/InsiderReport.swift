/// The view across interviews (`/report`, `infoview report`): progress toward the goal, what
/// insiders agree on and what only one said, the expertise gaps ranked, the referral tree and the
/// pipeline by stage. Pure: built from an overview and the messages; the pictures are drawn in
/// the `Drawing` given. The data (mentions, gaps, the tree) also feeds the Markdown overview.
struct InsiderReport {
    /// One thing said in debriefs, and who said it.
    struct Mention: Equatable {
        /// The words as first written.
        var text: String
        /// The interviews it came up in, in the order they were added.
        var names: [String]
    }

    /// One person in the referral tree, in the order the tree is drawn.
    struct Branch: Equatable {
        var interview: Overview.Interview
        /// 0 for a person who led to others but was referred by no one on the list.
        var depth: Int
        /// For each level above this one (nearest the root first), whether more people follow
        /// at that level.
        var below: [Bool]
        /// Whether this is the last person at their level under their referrer.
        var isLast: Bool
    }

    /// The debrief fields grouped by topic, and the field of the expertise gaps.
    static let topicFields = ["skills", "advice", "trends", "resources"]
    static let gapsField = "gaps-named"
    let overview: Overview
    let messages: MessageBook
    let labels: [String: String]
    var drawing: Drawing = .plain

    /// The items of one field across the interviews, grouped by their normalised words, most
    /// mentioned first (then first seen).
    func mentions(of field: String) -> [Mention] {
        var order: [String] = []
        var byKey: [String: Mention] = [:]
        for interview in overview.interviews {
            let items = (interview.answers[field] ?? "").split(separator: "\n").map { $0.trimmingSpaces() }
            for item in items where !item.isEmpty {
                let key = Phrase.normalise(item)
                guard !key.isEmpty else { continue }
                if byKey[key] == nil {
                    order.append(key)
                    byKey[key] = Mention(text: item, names: [])
                }
                if !byKey[key]!.names.contains(interview.name) { byKey[key]!.names.append(interview.name) }
            }
        }
        let ranked = order.enumerated().sorted { a, b in
            let (left, right) = (byKey[a.element]!.names.count, byKey[b.element]!.names.count)
            return left != right ? left > right : a.offset < b.offset
        }
        return ranked.map { byKey[$0.element]! }
    }

    /// The interviews that have a debrief answer the report reads.
    var debriefed: [Overview.Interview] {
        overview.interviews.filter { interview in
            (Self.topicFields + [Self.gapsField]).contains { !(interview.answers[$0] ?? "").isEmpty }
        }
    }

    /// How many interviews are done.
    var doneCount: Int { overview.interviews.filter { $0.stage == .done }.count }

    /// The progress sentence's message and values, with the bar in the report's drawing.
    var progressValues: (message: String, values: [String: String]) {
        let done = doneCount
        let (minimum, maximum) = (messages.goalMinimum, messages.goalMaximum)
        let key = done >= maximum ? "report-progress-full" : done >= minimum ? "report-progress-enough" : "report-progress"
        let bar = drawing.progressBar(done: done, minimum: minimum, maximum: maximum)
        return (key, ["bar": bar, "done": String(done), "min": String(minimum), "max": String(maximum), "left": String(max(minimum - done, 0))])
    }

    /// The whole report.
    var reply: Reply {
        var reply = Reply()
        reply.add(messages.text("report-heading"), style: .heading)
        reply.lines += progress.lines
        let voices = debriefed.count
        if voices == 0 {
            reply.add(messages.text("report-no-debriefs"), style: .dim)
        } else {
            reply.lines += agreement(voices: voices).lines
            reply.lines += gaps.lines
        }
        reply.lines += referralTree.lines
        reply.lines += pipeline.lines
        return reply
    }

    var progress: Reply {
        let (key, values) = progressValues
        var reply = Reply()
        reply.add(messages.text(key, values))
        return reply
    }

    /// Each topic's mentions; with a single voice so far nothing can be an outlier yet.
    func agreement(voices: Int) -> Reply {
        var reply = Reply()
        for field in Self.topicFields {
            let mentions = mentions(of: field)
            guard !mentions.isEmpty else { continue }
            reply.add(messages.text("report-topic", ["topic": labels[field] ?? field]), style: .heading)
            for mention in mentions {
                let names = mention.names.joined(separator: ", ")
                if mention.names.count > 1 {
                    reply.add(messages.text("report-shared", ["item": mention.text, "names": names, "count": String(mention.names.count)]))
                } else if voices < 2 {
                    reply.add(messages.text("report-one-voice", ["item": mention.text, "names": names]))
                } else {
                    reply.add(messages.text("report-single", ["item": mention.text, "names": names]), style: .dim)
                }
            }
        }
        return reply
    }

    var gaps: Reply {
        var reply = Reply()
        let mentions = mentions(of: Self.gapsField)
        guard !mentions.isEmpty else { return reply }
        reply.add(messages.text("report-gaps-heading"), style: .heading)
        let largest = mentions.map(\.names.count).max() ?? 1
        let width = drawing == .plain ? largest : Self.chartColumns
        for (index, mention) in mentions.enumerated() {
            let count = mention.names.count
            let bar = drawing.bar(count, of: largest, width: width)
            reply.add(
                messages.text(
                    "report-gap",
                    ["rank": String(index + 1), "bar": bar, "count": String(count), "item": mention.text,
                     "names": mention.names.joined(separator: ", ")]))
        }
        return reply
    }

    /// The columns of a gap bar drawn in blocks (in plain, one `#` a mention).
    static let chartColumns = 16

    /// Who led to whom, in drawing order: each person who led to others and was referred by no
    /// one on the list, then the people they led to, depth first, in the order they were added.
    var branches: [Branch] {
        let children = Dictionary(grouping: overview.interviews.filter { $0.referredBy != nil }) { $0.referredBy!.lowercased() }
        guard !children.isEmpty else { return [] }
        var branches: [Branch] = []
        var seen: Set<String> = []
        func walk(_ interview: Overview.Interview, below: [Bool], isLast: Bool, depth: Int) {
            guard seen.insert(interview.name.lowercased()).inserted else { return }
            branches.append(Branch(interview: interview, depth: depth, below: below, isLast: isLast))
            let next = children[interview.name.lowercased()]?.filter { !seen.contains($0.name.lowercased()) } ?? []
            let levels = depth == 0 ? [] : below + [!isLast]
            for (index, child) in next.enumerated() {
                walk(child, below: levels, isLast: index == next.count - 1, depth: depth + 1)
            }
        }
        let names = Set(overview.interviews.map { $0.name.lowercased() })
        for interview in overview.interviews where children[interview.name.lowercased()] != nil {
            let isRoot = interview.referredBy.map { !names.contains($0.lowercased()) } ?? true
            if isRoot { walk(interview, below: [], isLast: true, depth: 0) }
        }
        return branches
    }

    var referralTree: Reply {
        var reply = Reply()
        let branches = branches
        guard !branches.isEmpty else { return reply }
        reply.add(messages.text("report-tree-heading"), style: .heading)
        for branch in branches {
            let values = ["name": branch.interview.name, "stage": stageWord(branch.interview.stage)]
            if branch.depth == 0 {
                reply.add(messages.text("report-tree-root", values))
            } else {
                let line = drawing.branch(below: branch.below, isLast: branch.isLast)
                reply.add(messages.text("report-tree-branch", values.merging(["branch": line]) { _, new in new }))
            }
        }
        return reply
    }

    var pipeline: Reply {
        var reply = Reply()
        guard !overview.interviews.isEmpty else { return reply }
        reply.add(messages.text("report-pipeline-heading"), style: .heading)
        for stage in Stage.allCases {
            let names = overview.interviews.filter { $0.stage == stage }.map(\.name)
            guard !names.isEmpty else { continue }
            reply.add(
                messages.text(
                    "report-pipeline-line", ["stage": stageWord(stage), "count": String(names.count), "names": names.joined(separator: ", ")]))
        }
        return reply
    }

    func stageWord(_ stage: Stage) -> String {
        messages.text("stage-\(stage.rawValue)")
    }
}

extension DialogueEngine {
    /// What `/report` and `infoview report` show: the view across every interview.
    public func report(_ overview: Overview) -> Reply {
        insiderReport(overview).reply
    }

    func insiderReport(_ overview: Overview) -> InsiderReport {
        let labels = Dictionary(library.fieldLabels.map { ($0.field, $0.label) }) { first, _ in first }
        return InsiderReport(overview: overview, messages: messages, labels: labels, drawing: drawing)
    }
}
