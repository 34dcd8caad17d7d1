/// The one-page prep sheet of an interview, in Markdown: who, why them, what to learn, the gaps,
/// the questions in order with their TIARA category, the time plan, the outreach email, and
/// three reminders. Every heading and sentence comes from `prompts/chat/prepare.messages`.
public struct PrepSheet: Sendable {
    /// The prompts the sheet is written with.
    public let library: PromptLibrary

    /// Creates a sheet writer.
    public init(library: PromptLibrary) {
        self.library = library
    }

    /// The fields of the prepare flow the sheet reads; a prompts folder that renames them
    /// changes the sheet, which the golden export test shows.
    enum Field {
        static let who = ["role", "organisation", "connection", "field"]
        static let boss = "immediate-boss"
        static let why = "why-chosen"
        static let learn = "learn"
        static let gaps = "gaps"
    }

    var messages: MessageBook { library.messages }

    /// The outreach email saved for an interview, as plain text; `nil` when there is none yet.
    public func outreachEmail(for interview: Overview.Interview) -> String? {
        library.outreachFields.lazy.compactMap { interview.answers[$0] }.first { !$0.isEmpty }
    }

    /// The sheet for one interview, ending with a newline.
    public func markdown(for interview: Overview.Interview) -> String {
        let answers = interview.answers.mapValues(Self.inline)
        let name = Self.inline(interview.name)
        var lines = [say("sheet-title", ["name": name]), ""]
        let labels = Dictionary(library.fieldLabels.map { ($0.field, $0.label) }) { first, _ in first }
        let who = Field.who.compactMap { field in
            answers[field].flatMap { $0.isEmpty ? nil : say("sheet-field-line", ["label": labels[field] ?? field, "value": $0]) }
        }
        if !who.isEmpty { lines += [say("sheet-who-heading")] + who + [""] }
        lines += [say("sheet-why-heading"), why(name, answers), ""]
        lines += [say("sheet-learn-heading"), nonEmpty(answers[Field.learn]).map(Self.paragraph) ?? say("sheet-missing"), ""]
        let gaps = (interview.answers[Field.gaps] ?? "").split(separator: "\n").map { Self.inline(String($0)) }.filter { !$0.isEmpty }
        if !gaps.isEmpty { lines += [say("sheet-gaps-heading")] + gaps.map { say("sheet-gap-line", ["gap": $0]) } + [""] }
        lines += questions(interview, name: name)
        lines += email(interview, name: name)
        lines += [say("sheet-reminders-heading")] + (messages.messages["sheet-reminders"]?.lines.map { $0.render(["name": name]) } ?? [])
        return lines.joined(separator: "\n") + "\n"
    }
}

private extension PrepSheet {
    func say(_ message: String, _ values: [String: String] = [:]) -> String {
        messages.text(message, values)
    }

    func nonEmpty(_ text: String?) -> String? {
        text.flatMap { $0.isEmpty ? nil : $0 }
    }

    func why(_ name: String, _ answers: [String: String]) -> String {
        switch answers[Field.boss] {
        case "yes": return say("sheet-why-boss", ["name": name])
        case "no": return say("sheet-why-not-boss", ["name": name, "why": answers[Field.why] ?? ""])
        default: return say("sheet-why-unknown", ["name": name])
        }
    }

    /// The questions with their category and mark, then the time plan.
    func questions(_ interview: Overview.Interview, name: String) -> [String] {
        var lines = [say("sheet-questions-heading")]
        guard !interview.questions.isEmpty else { return lines + [say("sheet-no-questions", ["name": name]), ""] }
        let timing = messages.timing
        let minutes = library.minutesFields.lazy.compactMap { interview.answers[$0].flatMap { Int($0) } }.first ?? timing.defaultMinutes
        let plan = TimePlan(minutes: minutes, questions: interview.questions, timing: timing)
        for (index, question) in interview.questions.enumerated() {
            let mark = messages.markText(plan.marks[index])
            lines.append(
                say(
                    "sheet-question-line",
                    [
                        "number": String(index + 1), "category": messages.name(of: question.category),
                        "text": Self.inline(question.text), "mark": mark,
                    ]))
        }
        func numbers(_ mark: TimePlan.Mark) -> String {
            Self.rangesText(plan.marks.indices.filter { plan.marks[$0] == mark }.map { $0 + 1 })
        }
        let values = [
            "minutes": String(minutes), "fits": String(plan.fits), "per": String(timing.minutesPerQuestion),
            "opening": String(timing.openingMinutes), "closing": String(timing.closingMinutes), "ask": numbers(.ask),
            "if-time": numbers(.ifTime), "keep": numbers(.keepForEnd),
        ]
        return lines + ["", say("sheet-plan-heading"), say("sheet-plan", values), ""]
    }

    func email(_ interview: Overview.Interview, name: String) -> [String] {
        let heading = say("sheet-email-heading")
        guard let email = outreachEmail(for: interview) else {
            return [heading, say("sheet-no-email", ["name": name]), ""]
        }
        return [heading] + fenced(email) + [""]
    }
}

extension PrepSheet {
    /// An email as a fenced block, as written: a line of it that looked like the fence, which
    /// would end the block early, is moved in by a space.
    func fenced(_ email: String) -> [String] {
        let open = say("sheet-email-open")
        let close = say("sheet-email-close")
        let body = email.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.trimmingSpaces().hasPrefix(close) ? " " + line : String(line)
        }
        return [open] + body + [close]
    }

    /// Text the user typed, safe inside a line of Markdown: on one line, and with the characters
    /// Markdown would read as formatting escaped.
    static func inline(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\n", "\r", "\r\n": result.append(" ")
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|": result.append("\\"); result.append(character)
            default: result.append(character)
            }
        }
        return result
    }

    /// Inline text that starts a line: also escaped where Markdown would read a heading, a list
    /// item, a quote or a rule.
    static func paragraph(_ text: String) -> String {
        guard let first = text.first else { return text }
        if "#-+=".contains(first) { return "\\" + text }
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, text.dropFirst(digits.count).first.map({ $0 == "." || $0 == ")" }) == true {
            return digits + "\\" + text.dropFirst(digits.count)
        }
        return text
    }
}

extension PrepSheet {
    /// Question numbers as short ranges: 1–4, 6, 8–9.
    static func rangesText(_ numbers: [Int]) -> String {
        var parts: [String] = []
        var index = 0
        while index < numbers.count {
            var end = index
            while end + 1 < numbers.count, numbers[end + 1] == numbers[end] + 1 { end += 1 }
            parts.append(end == index ? String(numbers[index]) : "\(numbers[index])–\(numbers[end])")
            index = end + 1
        }
        return parts.joined(separator: ", ")
    }
}
