/// The email step (`answer: email`): the draft assembled from the answers, read by the coach,
/// kept, redone part by part, or replaced by an email the user pastes.
extension FlowEngine {
    /// The draft, the coach's findings on it, and the keys.
    func openEmail(_ step: Step, _ outcome: inout Outcome) {
        guard var progress = outcome.progress else { return }
        var detail = progress.detail ?? StepDetail()
        let draft = currentDraft(step, progress)
        detail.draft = draft
        for line in draft.split(separator: "\n", omittingEmptySubsequences: false) {
            outcome.reply.add(String(line))
        }
        var coach = library.coach(muted: muted)
        let findings = coach.checkDocument(draft, channel: .email).filter { !step.ignoredKinds.contains($0.kind ?? "") }
        outcome.findings = findings
        if findings.isEmpty {
            outcome.reply.add(messages.text(emailMessage("clean", step)), style: .success)
        } else {
            outcome.reply.lines += messages.report(findings).lines
        }
        outcome.reply.add(messages.text("email-keys", ["choices": partNames(step)]), style: .dim)
        let changed = progress.detail != detail
        progress.detail = detail
        outcome.progress = progress
        if changed, let interview = progress.interview {
            outcome.effects.append(.saveDetail(interview: interview, detail: detail))
        }
    }

    /// Enter keeps the draft; a part's name goes back to the step that asks for it; `paste`
    /// starts an email of the user's own.
    func emailLine(
        _ answer: String, typed: String, _ step: Step, _ progress: FlowProgress, using random: inout some RandomNumberGenerator
    ) -> Outcome {
        var outcome = Outcome(reply: Reply(), progress: progress, effects: [])
        if answer.isEmpty || isWord(typed, "add") || isWord(typed, "keep") {
            let draft = progress.detail?.draft ?? currentDraft(step, progress)
            record(draft, for: step, &outcome)
            if step.followUp == .nudge, let interview = progress.interview, progress.answers[step.save ?? ""] == nil {
                let values = progress.answers.merging(["name": interview]) { _, new in new }
                outcome.effects += [
                    .followUp(
                        interview: interview, kind: .secondContact, text: messages.text("follow-up-second-contact", values),
                        due: .businessDays(3)),
                    .followUp(interview: interview, kind: .nudge, text: messages.text("follow-up-nudge", values), due: .businessDays(7)),
                ]
            }
            outcome.reply.add(messages.text(emailMessage("saved", step), ["name": progress.interview ?? ""]), style: .success)
            advance(from: step, answer: nil, &outcome, using: &random)
            return outcome
        }
        if isWord(typed, "paste") {
            var detail = progress.detail ?? StepDetail()
            detail.awaiting = .paste(lines: [])
            keep(detail, &outcome)
            outcome.reply.add(messages.text("email-paste"))
            return outcome
        }
        if let choice = pickChoice(answer, step), let target = choice.next {
            outcome.progress?.trail.append(step.name)
            enter(target, &outcome, askingKnown: true, using: &random)
            return outcome
        }
        outcome.reply.add(messages.text("email-keys", ["choices": partNames(step)]), style: .dim)
        return outcome
    }

    /// A line of a pasted email; a line holding only a full stop ends it and shows it for review.
    func pasteLine(
        _ input: String, _ lines: [String], _ step: Step, _ progress: FlowProgress, using random: inout some RandomNumberGenerator
    ) -> Outcome {
        var outcome = Outcome(reply: Reply(), progress: progress, effects: [])
        var detail = progress.detail ?? StepDetail()
        guard input.trimmingSpaces() != "." else {
            detail.awaiting = nil
            let text = Self.trimmingBlankLines(lines).joined(separator: "\n")
            if text.isEmpty {
                outcome.reply.add(messages.text("email-pasted-empty"), style: .dim)
            } else {
                detail.ownEmail = text
            }
            keep(detail, &outcome)
            open(step, &outcome)
            return outcome
        }
        let size = lines.reduce(input.utf8.count) { $0 + $1.utf8.count }
        if lines.count < Self.longestPaste.lines, size <= Self.longestPaste.bytes {
            detail.awaiting = .paste(lines: lines + [input])
        }
        keep(detail, &outcome)
        return outcome
    }

    /// A pasted email stops growing past these (lines after them are dropped), so a stuck paste
    /// or a pasted file cannot fill the database; an outreach email is a few lines.
    static let longestPaste = (lines: 200, bytes: 20_000)

    /// The email to show: the user's own if they pasted one; the saved one, unless a part was
    /// just answered; else one assembled from the answers.
    func currentDraft(_ step: Step, _ progress: FlowProgress) -> String {
        if let own = progress.detail?.ownEmail { return own }
        let saved = step.save.flatMap { progress.answers[$0] } ?? ""
        let parts = Set(step.draft.flatMap(\.fields))
        let cameFromPart = progress.trail.last.flatMap { flow.step(named: $0)?.save }.map(parts.contains) ?? false
        if !saved.isEmpty && !cameFromPart { return saved }
        return Self.assemble(step.draft, progress.answers)
    }

    /// The draft's lines filled in, without stray spaces, runs of blank lines or blank ends.
    static func assemble(_ templates: [TextTemplate], _ answers: [String: String]) -> String {
        var lines: [String] = []
        for template in templates {
            let line = template.render(answers).trimmingSpaces()
            if line.isEmpty && (lines.last?.isEmpty ?? true) { continue }
            lines.append(line)
        }
        return trimmingBlankLines(lines).joined(separator: "\n")
    }

    static func trimmingBlankLines(_ lines: [String]) -> [String] {
        var lines = lines
        while lines.first?.trimmingSpaces().isEmpty == true { lines.removeFirst() }
        while lines.last?.trimmingSpaces().isEmpty == true { lines.removeLast() }
        return lines
    }

    func partNames(_ step: Step) -> String {
        step.choices.map(\.label).joined(separator: ", ")
    }

    func keep(_ detail: StepDetail, _ outcome: inout Outcome) {
        guard var progress = outcome.progress, progress.detail != detail else { return }
        progress.detail = detail
        outcome.progress = progress
        if let interview = progress.interview { outcome.effects.append(.saveDetail(interview: interview, detail: detail)) }
    }
}

extension FlowEngine {
    /// The message an email step says on an occasion: `STEP-clean` or `STEP-saved` when the
    /// prompts have one for this step (a thank-you note is not an outreach email), else
    /// `email-clean` or `email-saved`.
    func emailMessage(_ occasion: String, _ step: Step) -> String {
        let own = "\(step.name)-\(occasion)"
        return messages.messages[own] != nil ? own : "email-\(occasion)"
    }
}
