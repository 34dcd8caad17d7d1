/// The view across interviews (`/report`, `infoview report`): progress toward the goal, what
/// insiders agree on and what only one said, the expertise gaps ranked, the referral tree and the
/// pipeline by stage. Pure: built from an overview and the messages.
struct InsiderReport {
    /// One thing said in debriefs, and who said it.
    struct Mention: Equatable {
        /// The words as first written.
        var text: String
        /// The interviews it came up in, in the order they were added.
        var names: [String]
    }

    /// The debrief fields grouped by topic, and the field of the expertise gaps.
    static let topicFields = ["skills", "advice", "trends", "resources"]
    static let gapsField = "gaps-named"
    let overview: Overview
    let messages: MessageBook
    let labels: [String: String]

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

    /// The whole report.
    var reply: Reply {
        var reply = Reply()
        reply.add(messages.text("report-heading"), style: .heading)
        reply.lines += progress.lines
        let debriefed = overview.interviews.filter { interview in
            (Self.topicFields + [Self.gapsField]).contains { !(interview.answers[$0] ?? "").isEmpty }
        }
        if debriefed.isEmpty {
            reply.add(messages.text("report-no-debriefs"), style: .dim)
        } else {
            reply.lines += agreement(voices: debriefed.count).lines
            reply.lines += gaps.lines
        }
        reply.lines += referralTree.lines
        reply.lines += pipeline.lines
        return reply
    }

    var progress: Reply {
        let done = overview.interviews.filter { $0.stage == .done }.count
        let (minimum, maximum) = (messages.goalMinimum, messages.goalMaximum)
        var bar = ""
        for cell in 1...max(maximum, 1) {
            bar += cell <= done ? "#" : "."
            if cell == minimum && cell < maximum { bar += "|" }
        }
        var reply = Reply()
        let key = done >= maximum ? "report-progress-full" : done >= minimum ? "report-progress-enough" : "report-progress"
        reply.add(
            messages.text(
                key,
                ["bar": "[" + bar + "]", "done": String(done), "min": String(minimum), "max": String(maximum), "left": String(max(minimum - done, 0))]))
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
        let width = mentions.map(\.names.count).max() ?? 1
        for (index, mention) in mentions.enumerated() {
            let count = mention.names.count
            let bar = String(repeating: "#", count: count) + String(repeating: " ", count: width - count)
            reply.add(
                messages.text(
                    "report-gap",
                    ["rank": String(index + 1), "bar": bar, "count": String(count), "item": mention.text,
                     "names": mention.names.joined(separator: ", ")]))
        }
        return reply
    }

    var referralTree: Reply {
        var reply = Reply()
        let children = Dictionary(grouping: overview.interviews.filter { $0.referredBy != nil }) { $0.referredBy!.lowercased() }
        guard !children.isEmpty else { return reply }
        reply.add(messages.text("report-tree-heading"), style: .heading)
        var seen: Set<String> = []
        func walk(_ interview: Overview.Interview, depth: Int) {
            guard seen.insert(interview.name.lowercased()).inserted else { return }
            let indent = String(repeating: "   ", count: depth)
            let key = depth == 0 ? "report-tree-root" : "report-tree-branch"
            reply.add(messages.text(key, ["indent": indent, "name": interview.name, "stage": stageWord(interview.stage)]))
            for child in children[interview.name.lowercased()] ?? [] { walk(child, depth: depth + 1) }
        }
        let names = Set(overview.interviews.map { $0.name.lowercased() })
        for interview in overview.interviews where children[interview.name.lowercased()] != nil {
            let isRoot = interview.referredBy.map { !names.contains($0.lowercased()) } ?? true
            if isRoot { walk(interview, depth: 0) }
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
        let labels = Dictionary(library.fieldLabels.map { ($0.field, $0.label) }) { first, _ in first }
        return InsiderReport(overview: overview, messages: messages, labels: labels).reply
    }
}
