/// A list step: one item a line until `done`; a referral becomes an interview, an assignment a
/// follow-up.
extension FlowEngine {
    func listItem(
        _ answer: String, typed: String, _ step: Step, _ progress: FlowProgress, using random: inout some RandomNumberGenerator
    ) -> Outcome {
        var outcome = Outcome(reply: Reply(), progress: progress, effects: [])
        let notes = offeredNotes(step, progress)
        if !notes.isEmpty, takesNotes(answer, typed: typed) {
            for note in notes { addItem(note, to: step, &outcome) }
            outcome.reply.add(messages.text("live-taken-list", ["count": String(notes.count)]), style: .dim)
            return outcome
        }
        let field = step.save ?? step.name
        let items = progress.answers[field].map { $0.split(separator: "\n").map(String.init) } ?? []
        if answer.isEmpty || isWord(typed, "done") {
            if items.isEmpty && !step.isOptional {
                outcome.reply.add(messages.text("empty-answer"), style: .dim)
            } else {
                advance(from: step, answer: nil, &outcome, using: &random)
            }
            return outcome
        }
        addItem(answer.split(whereSeparator: \.isNewline).joined(separator: " "), to: step, &outcome)
        outcome.reply.add(messages.text("list-added", ["count": String(items.count + 1)]), style: .dim)
        return outcome
    }

    /// Adds one item to a list step, checked by the coach; a referral becomes an interview, an
    /// assignment a follow-up.
    func addItem(_ item: String, to step: Step, _ outcome: inout Outcome) {
        guard let progress = outcome.progress else { return }
        let field = step.save ?? step.name
        let items = progress.answers[field].map { $0.split(separator: "\n").map(String.init) } ?? []
        record((items + [item]).joined(separator: "\n"), for: step, &outcome)
        checkNote(item, &outcome)
        if step.refers, let interview = progress.interview, let name = InterviewName.clean(referralName(item)),
            name.lowercased() != interview.lowercased()
        {
            outcome.effects.append(.refer(name: name, referredBy: interview))
            outcome.reply.add(messages.text("referral-added", ["name": name, "by": interview]), style: .dim)
        }
        if step.followUp == .assignment, let interview = progress.interview {
            outcome.effects.append(
                .followUp(interview: interview, kind: .assignment, text: item, due: .written(DueDate.find(in: item), otherwise: 5)))
        }
    }

    /// The name a referral line starts with: "Priya Shah, her manager at Acme" names Priya Shah.
    func referralName(_ item: String) -> String {
        var name = Substring(item)
        for separator in [",", " (", " - ", " – ", " — ", ":", ";"] {
            if let range = name.range(of: separator) { name = name[..<range.lowerBound] }
        }
        return String(name)
    }
}
