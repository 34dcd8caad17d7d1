import Foundation

/// Every interview as Markdown, for a folder: one file per interview (its prep sheet, the notes
/// of the meeting and the debrief) and an overview, `README.md`: progress toward the goal, a
/// table of the interviews linking their files, what insiders agree on and what only one said,
/// the expertise gaps ranked, who led to whom, and the open follow-ups. Pure: the caller writes
/// the files. Every text from the user is escaped where Markdown would read it as structure.
public struct MarkdownExport: Sendable {
    /// One file to write, by its name in the folder.
    public struct File: Sendable, Equatable {
        /// The file's name, such as `sam-lee.md`.
        public var name: String
        /// Its whole text, ending with a newline.
        public var text: String
    }

    /// The overview's file name.
    public static let overviewName = "README.md"
    /// The first line of every file written, by which a later export knows the file is its own
    /// to replace.
    public static let signature = "<!-- written by infoview export --format md: it is replaced on the next export -->"

    /// The prompts the text is written with.
    public let library: PromptLibrary
    /// The interviews, answers, live notes and follow-ups.
    public let overview: Overview

    /// An export of an overview.
    public init(library: PromptLibrary, overview: Overview) {
        self.library = library
        self.overview = overview
    }

    /// The interviews' files, in the order they were added, then the overview.
    public func files() -> [File] {
        let names = Self.fileNames(for: overview.interviews.map(\.name))
        var files = zip(overview.interviews, names).map { interview, name in
            File(name: name, text: Self.signature + "\n\n" + markdown(for: interview))
        }
        files.append(File(name: Self.overviewName, text: Self.signature + "\n\n" + overviewMarkdown(files: names)))
        return files
    }

    /// The overview; with `files` (one name per interview, in order) its table links them.
    public func overviewMarkdown(files: [String]? = nil) -> String {
        let report = DialogueEngine(library: library).insiderReport(overview)
        var lines = [say("md-overview-title"), ""]
        var (_, progress) = report.progressValues
        if progress["left"] == "0" { progress["left"] = "" }
        lines += [say("md-progress", progress), ""]
        lines += table(files: files)
        lines += agreement(report)
        lines += tree(report)
        lines += followUps()
        return lines.joined(separator: "\n") + "\n"
    }

    /// One interview: its prep sheet, then the notes of its meeting and its debrief, if any.
    public func markdown(for interview: Overview.Interview) -> String {
        var text = PrepSheet(library: library).markdown(for: interview)
        var extra = liveNotes(interview) + debrief(interview)
        while extra.last == "" { extra.removeLast() }
        if !extra.isEmpty { text += "\n" + extra.joined(separator: "\n") + "\n" }
        return text
    }

    /// Safe file names for interviews, `<slug>.md` in the same order: lower-case ASCII letters,
    /// digits and `-` (accents dropped, anything else a `-`); a name that slugs like an earlier
    /// one, or like the overview, gets `-2`, `-3`….
    public static func fileNames(for names: [String]) -> [String] {
        var taken: Set<String> = [String(overviewName.dropLast(3)).lowercased()]
        return names.map { name in
            let base = slug(name)
            var candidate = base
            var number = 2
            while !taken.insert(candidate).inserted {
                candidate = "\(base)-\(number)"
                number += 1
            }
            return candidate + ".md"
        }
    }

    /// A name as a file name's stem: `Raúl O'Brien` → `raul-o-brien`; `interview` when nothing
    /// is left.
    static func slug(_ name: String) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: Locale(identifier: "en_US_POSIX"))
        var slug = ""
        for scalar in folded.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty, !slug.hasSuffix("-") {
                slug += "-"
            }
        }
        slug = String(slug.prefix(60)).lowercased()
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug.isEmpty ? "interview" : slug
    }

    /// Text in a table cell: on one line, its `|` and formatting escaped.
    static func cell(_ text: String) -> String {
        PrepSheet.inline(text)
    }

    /// Text that starts a list item: also escaped where Markdown would read a heading or a list.
    static func item(_ text: String) -> String {
        PrepSheet.paragraph(PrepSheet.inline(text))
    }
}

private extension MarkdownExport {
    var messages: MessageBook { library.messages }

    func say(_ message: String, _ values: [String: String] = [:]) -> String {
        messages.text(message, values)
    }

    func stageWord(_ stage: Stage) -> String {
        say("stage-\(stage.rawValue)")
    }

    func table(files: [String]?) -> [String] {
        var lines = [say("md-interviews-heading"), ""]
        guard !overview.interviews.isEmpty else { return lines + [say("md-no-interviews"), ""] }
        var columns = say("md-table-columns").split(separator: "|").map { $0.trimmingSpaces() }
        if files != nil { columns.append(say("md-table-file-column")) }
        lines.append(Self.row(columns))
        lines.append(Self.row(columns.map { _ in "---" }))
        for (index, interview) in overview.interviews.enumerated() {
            var cells = [interview.name, interview.answers["role"] ?? "", interview.answers["organisation"] ?? ""].map(Self.cell)
            cells += [stageWord(interview.stage), interview.referredBy.map(Self.cell) ?? ""]
            if let files { cells.append("[\(files[index])](\(files[index]))") }
            lines.append(Self.row(Array(cells.prefix(columns.count))))
        }
        return lines + [""]
    }

    static func row(_ cells: [String]) -> String {
        "| " + cells.joined(separator: " | ") + " |"
    }

    func agreement(_ report: InsiderReport) -> [String] {
        var lines = [say("md-agreement-heading"), ""]
        let voices = report.debriefed.count
        guard voices > 0 else { return lines + [say("md-no-debriefs"), ""] }
        for field in InsiderReport.topicFields {
            let mentions = report.mentions(of: field)
            guard !mentions.isEmpty else { continue }
            lines += [say("md-topic-heading", ["topic": Self.cell(report.labels[field] ?? field)]), ""]
            for mention in mentions {
                let values = ["item": Self.item(mention.text), "names": mention.names.map(Self.cell).joined(separator: ", "), "count": String(mention.names.count)]
                lines.append(say(mention.names.count > 1 ? "md-shared" : voices < 2 ? "md-one-voice" : "md-single", values))
            }
            lines.append("")
        }
        let gaps = report.mentions(of: InsiderReport.gapsField)
        guard !gaps.isEmpty else { return lines }
        lines += [say("md-gaps-heading"), ""]
        for (index, gap) in gaps.enumerated() {
            lines.append(
                say(
                    "md-gap",
                    ["rank": String(index + 1), "item": Self.item(gap.text), "count": String(gap.names.count),
                     "names": gap.names.map(Self.cell).joined(separator: ", ")]))
        }
        return lines + [""]
    }

    func tree(_ report: InsiderReport) -> [String] {
        let branches = report.branches
        guard !branches.isEmpty else { return [] }
        var lines = [say("md-tree-heading"), ""]
        for branch in branches {
            let line = say("md-tree-line", ["name": Self.item(branch.interview.name), "stage": stageWord(branch.interview.stage)])
            lines.append(String(repeating: "  ", count: branch.depth) + line)
        }
        return lines + [""]
    }

    func followUps() -> [String] {
        var lines = [say("md-follow-ups-heading"), ""]
        guard !overview.followUps.isEmpty else { return lines + [say("md-no-follow-ups")] }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = overview.calendar.calendar.timeZone
        formatter.dateFormat = "yyyy-MM-dd"
        for followUp in overview.followUps {
            lines.append(
                say("md-follow-up", ["text": Self.item(followUp.text), "name": Self.cell(followUp.interview), "due": formatter.string(from: followUp.due)]))
        }
        return lines
    }

    func liveNotes(_ interview: Overview.Interview) -> [String] {
        let notes = overview.liveSessions.filter { $0.interview == interview.name }.flatMap(\.notes)
        guard !notes.isEmpty else { return [] }
        var lines = [say("md-live-heading"), ""]
        for note in notes {
            let text = Self.cell(note.text)
            if let question = note.question {
                lines.append(say("md-live-line", ["question": Self.cell(question), "note": text]))
            } else {
                lines.append(say("md-live-extra", ["note": Self.item(note.text)]))
            }
        }
        return lines + [""]
    }

    /// The debrief's answers in the order its flow asks them, lists as nested items, the
    /// thank-you note as a block; nothing when none of them is answered.
    func debrief(_ interview: Overview.Interview) -> [String] {
        guard let flow = library.flows["debrief"] else { return [] }
        let apart = library.emailAndPartFields
        var lines: [String] = []
        var emails: [String] = []
        let sheet = PrepSheet(library: library)
        for step in flow.steps {
            guard let field = step.save, field != InterviewName.field, !step.isShared,
                let value = interview.answers[field], !value.trimmingSpaces().isEmpty
            else { continue }
            let label = Self.cell(step.label ?? field)
            if step.answer == .email {
                emails += ["", say("md-thanks-heading", ["label": label])] + sheet.fenced(value)
            } else if apart.contains(field) {
                continue
            } else if step.answer == .list {
                lines.append(say("md-debrief-list", ["label": label]))
                for item in value.split(separator: "\n") where !item.trimmingSpaces().isEmpty {
                    lines.append("  " + say("md-debrief-item", ["item": Self.item(String(item))]))
                }
            } else {
                lines.append(say("md-debrief-field", ["label": label, "value": Self.cell(value)]))
            }
        }
        guard !lines.isEmpty || !emails.isEmpty else { return [] }
        return [say("md-debrief-heading"), ""] + lines + emails + [""]
    }
}
