/// Runs one flow, step by step: pure, so the same flow, progress, input and generator always
/// give the same result.
struct FlowEngine {
    /// What one line did to the flow.
    struct Outcome: Equatable {
        /// What to say.
        var reply: Reply
        /// Where the flow is now; `nil` when it has ended or was stopped.
        var progress: FlowProgress?
        /// What the caller must save.
        var effects: [Effect]
        /// What the coach said about the line, for `/why`.
        var findings: [Finding] = []
    }

    let flow: Flow
    /// The prompts: the flow's messages, the question banks and the coach's rules.
    let library: PromptLibrary
    /// The coach rules the person has muted.
    var muted: Set<String> = []
    /// The live meetings of every interview, whose notes a step with `from-live:` offers.
    var meetings: [LiveSummary] = []

    var messages: MessageBook { library.messages }

    /// Starts the flow at its first step, with what is already known (such as the name and the
    /// question list).
    func start(
        interview: String?, answers: [String: String], questions: [PlannedQuestion] = [],
        using random: inout some RandomNumberGenerator
    ) -> Outcome {
        let progress = FlowProgress(
            flow: flow.name, interview: interview, step: flow.steps[0].name, answers: answers, questions: questions)
        var outcome = Outcome(reply: liveOpening(progress), progress: progress, effects: [])
        enter(flow.steps[0].name, &outcome, using: &random)
        return outcome
    }

    /// Starts the flow again on an interview prepared before: the steps already answered (and
    /// optional ones left empty) are passed over the way their answers lead, so it opens at the
    /// first step still to do, or at a step that takes several lines (the question list);
    /// `back` walks through the steps passed over.
    func startAgain(
        interview: String, answers: [String: String], questions: [PlannedQuestion], using random: inout some RandomNumberGenerator
    ) -> Outcome {
        var progress = FlowProgress(flow: flow.name, interview: interview, step: flow.steps[0].name, answers: answers, questions: questions)
        var name = flow.steps[0].name
        var visited: Set<String> = []
        while let step = flow.step(named: name), visited.insert(name).inserted, !step.isClosing,
            [.text, .yesNo, .choice, .list].contains(step.answer), let field = step.save,
            !(answers[field] ?? "").isEmpty || step.isOptional
        {
            progress.trail.append(step.name)
            let answer = answers[field].flatMap { canonical($0, step) }
            var target = step.next
            if step.answer == .yesNo, let answer { target = (answer == "yes" ? step.ifYes : step.ifNo) ?? step.next }
            if step.answer == .choice, let answer { target = step.choices.first { $0.label == answer }?.next ?? step.next }
            guard let next = target ?? flow.step(after: step.name)?.name else { break }
            name = next
        }
        var outcome = Outcome(reply: Reply(), progress: progress, effects: [])
        enter(name, &outcome, using: &random)
        return outcome
    }

    /// Asks the current step again, as when a flow resumes.
    func ask(_ progress: FlowProgress, using random: inout some RandomNumberGenerator) -> Outcome {
        var outcome = Outcome(reply: Reply(), progress: progress, effects: [])
        enter(progress.step, &outcome, recordProgress: false, using: &random)
        return outcome
    }

    /// Answers the current step with a line the user typed (which may be `back`, `skip` or `stop`).
    func respond(
        to input: String, in progress: FlowProgress, overview: Overview, using random: inout some RandomNumberGenerator
    ) -> Outcome {
        guard let step = flow.step(named: progress.step) else {
            return start(interview: progress.interview, answers: progress.answers, questions: progress.questions, using: &random)
        }
        if case .paste(let lines) = progress.detail?.awaiting {
            return pasteLine(input, lines, step, progress, using: &random)
        }
        let typed = Phrase.normalise(input.prefix(200))
        if isWord(typed, "stop") { return stop(progress) }
        if isWord(typed, "back") { return back(progress, using: &random) }
        if step.answer != .questions, isWord(typed, "skip") { return skip(progress, using: &random) }
        let answer = input.trimmingSpaces()
        switch step.answer {
        case .text: return text(answer, typed: typed, step, progress, overview, using: &random)
        case .yesNo: return yesNo(typed, step, progress, using: &random)
        case .choice: return choose(answer, step, progress, using: &random)
        case .list: return listItem(answer, typed: typed, step, progress, using: &random)
        case .questions: return questionLine(input, typed: typed, step, progress, using: &random)
        case .minutes: return minutes(answer, step, progress, using: &random)
        case .email: return emailLine(answer, typed: typed, step, progress, using: &random)
        }
    }

    /// Goes back to the step answered before this one.
    func back(_ progress: FlowProgress, using random: inout some RandomNumberGenerator) -> Outcome {
        var outcome = Outcome(reply: Reply(), progress: progress, effects: [])
        guard let previous = progress.trail.last else {
            outcome.reply.add(messages.text("back-at-start"), style: .dim)
            enter(progress.step, &outcome, recordProgress: false, using: &random)
            return outcome
        }
        outcome.progress?.trail.removeLast()
        enter(previous, &outcome, askingKnown: true, using: &random)
        return outcome
    }

    /// Moves on without answering: allowed on an optional step, or one that already has an answer
    /// (which is kept).
    func skip(_ progress: FlowProgress, using random: inout some RandomNumberGenerator) -> Outcome {
        var outcome = Outcome(reply: Reply(), progress: progress, effects: [])
        guard let step = flow.step(named: progress.step) else { return outcome }
        if step.answer == .questions { return passSuggestion(step, progress, using: &random) }
        let existing = step.save.flatMap { progress.answers[$0] }
        if let existing, !existing.isEmpty {
            advance(from: step, answer: canonical(existing, step), &outcome, using: &random)
        } else if step.isOptional {
            advance(from: step, answer: nil, &outcome, using: &random)
        } else {
            outcome.reply.add(messages.text("skip-refused"), style: .dim)
        }
        return outcome
    }

    /// Leaves the flow; the answers and the place stay saved for `/resume`.
    func stop(_ progress: FlowProgress) -> Outcome {
        var reply = Reply()
        if progress.interview != nil {
            reply.add(messages.text("stopped", ["doing": doing(progress), "step": progress.step]))
        } else {
            reply.add(messages.text("stopped-nothing"))
        }
        return Outcome(reply: reply, progress: nil, effects: [])
    }

    /// What the user is doing in this flow, such as "preparing the interview with Sam".
    func doing(_ progress: FlowProgress) -> String {
        flow.doing.render(progress.answers.merging(["name": progress.interview ?? ""]) { old, new in new.isEmpty ? old : new })
    }
}

extension FlowEngine {
    func isWord(_ typed: String, _ list: String) -> Bool {
        messages.words[list]?.contains(typed) ?? false
    }

    func text(
        _ answer: String, typed: String, _ step: Step, _ progress: FlowProgress, _ overview: Overview,
        using random: inout some RandomNumberGenerator
    ) -> Outcome {
        var outcome = Outcome(reply: Reply(), progress: progress, effects: [])
        var answer = answer
        let notes = offeredNotes(step, progress)
        if !notes.isEmpty, takesNotes(answer, typed: typed) {
            answer = Self.sentences(notes)
            outcome.reply.add(messages.text("live-taken"), style: .dim)
        } else if answer.isEmpty, let suggestion = step.suggestion?.render(progress.answers), !suggestion.isEmpty {
            answer = suggestion
        }
        guard !answer.isEmpty else {
            outcome.reply.add(messages.text("empty-answer"), style: .dim)
            return outcome
        }
        if step.save == InterviewName.field {
            guard name(answer, &outcome, overview) else { return outcome }
            advance(from: step, answer: nil, &outcome, using: &random)
            return outcome
        }
        record(answer, for: step, &outcome)
        checkNote(answer, &outcome)
        advance(from: step, answer: nil, &outcome, using: &random)
        return outcome
    }

    /// On a flow with `check:`, what the coach says about an answer (kept as given, whatever it says).
    func checkNote(_ answer: String, _ outcome: inout Outcome) {
        guard let channel = flow.checkChannel else { return }
        var coach = library.coach(muted: muted)
        let findings = coach.checkDocument(answer, channel: channel)
        guard !findings.isEmpty else { return }
        outcome.reply.lines += messages.report(findings).lines
        outcome.findings += findings
    }

    /// Takes a name: starts (or renames) the interview. Returns false when the name cannot be used.
    func name(_ answer: String, _ outcome: inout Outcome, _ overview: Overview) -> Bool {
        guard var progress = outcome.progress else { return false }
        guard let name = InterviewName.clean(answer) else {
            outcome.reply.add(messages.text("name-too-long", ["max": String(InterviewName.maximumLength)]), style: .dim)
            return false
        }
        let step = progress.step
        if let current = progress.interview {
            if current == name { return true }
            if let other = overview.interview(named: name), other.name.lowercased() != current.lowercased() {
                outcome.reply.add(messages.text("name-taken", ["name": other.name]), style: .dim)
                return false
            }
            outcome.effects.append(.renameInterview(from: current, to: name))
            outcome.effects.append(.save(interview: name, flow: flow.name, step: step, field: InterviewName.field, value: name))
            progress.interview = name
        } else if let existing = overview.interview(named: name) {
            outcome.reply.add(messages.text("prepare-existing", ["name": existing.name]))
            outcome.effects.append(.startInterview(name: existing.name, stage: flow.stage))
            outcome.effects.append(.advanceStage(interview: existing.name, stage: flow.stage))
            progress.interview = existing.name
            for (field, value) in progress.answers.sorted(by: { $0.key < $1.key }) where field != InterviewName.field {
                outcome.effects.append(save(field, value, interview: existing.name))
            }
            progress.answers = existing.answers.merging(progress.answers) { _, held in held }
            outcome.reply.lines += liveOpening(progress).lines
        } else {
            outcome.effects.append(.startInterview(name: name, stage: flow.stage))
            outcome.effects.append(.save(interview: name, flow: flow.name, step: step, field: InterviewName.field, value: name))
            for (field, value) in progress.answers.sorted(by: { $0.key < $1.key }) where field != InterviewName.field {
                outcome.effects.append(save(field, value, interview: name))
            }
        }
        progress.answers[InterviewName.field] = progress.interview ?? name
        if progress.interview == nil { progress.interview = name }
        outcome.progress = progress
        return true
    }

    /// A save effect for an answer held before the interview existed, under the step that asks for it.
    func save(_ field: String, _ value: String, interview: String) -> Effect {
        let step = flow.steps.first { $0.save == field }?.name ?? ""
        return .save(interview: interview, flow: flow.name, step: step, field: field, value: value)
    }

    func yesNo(_ typed: String, _ step: Step, _ progress: FlowProgress, using random: inout some RandomNumberGenerator) -> Outcome {
        var outcome = Outcome(reply: Reply(), progress: progress, effects: [])
        guard let answer = yesOrNo(typed) else {
            outcome.reply.add(messages.text("yes-no-unclear"), style: .dim)
            return outcome
        }
        if answer == "unsure" {
            outcome.reply.add(messages.text("unsure"), style: .dim)
            return outcome
        }
        record(answer, for: step, &outcome)
        let values = outcome.progress?.answers ?? [:]
        let coaching = answer == "yes" ? step.saysIfYes : step.saysIfNo
        for template in [random.pick(step.says), random.pick(coaching)].compactMap({ $0 }) {
            outcome.reply.add(template.render(values), style: .tip)
        }
        advance(from: step, answer: answer, &outcome, using: &random)
        return outcome
    }

    /// `yes`, `no` or `unsure`: the list whose longest phrase starts the answer ("probably not" is a
    /// no even though "probably" is a yes); `nil` when none does.
    func yesOrNo(_ typed: String) -> String? {
        var best: (list: String, length: Int)?
        for list in ["yes", "no", "unsure"] {
            for phrase in messages.words[list] ?? [] where Phrase.normalised(typed, startsWith: phrase) {
                if phrase.count > best?.length ?? 0 { best = (list, phrase.count) }
            }
        }
        return best?.list
    }

    func choose(_ answer: String, _ step: Step, _ progress: FlowProgress, using random: inout some RandomNumberGenerator) -> Outcome {
        var outcome = Outcome(reply: Reply(), progress: progress, effects: [])
        guard let choice = pickChoice(answer, step) else {
            let labels = step.choices.map(\.label).joined(separator: ", ")
            outcome.reply.add(messages.text("choice-unclear", ["choices": labels]), style: .dim)
            return outcome
        }
        record(choice.label, for: step, &outcome)
        for template in [random.pick(step.says)].compactMap({ $0 }) {
            outcome.reply.add(template.render(outcome.progress?.answers ?? [:]), style: .tip)
        }
        advance(from: step, answer: choice.label, &outcome, using: &random)
        return outcome
    }

    /// The choice named by its number, its label, or the start of only one label.
    func pickChoice(_ answer: String, _ step: Step) -> Step.Choice? {
        if let number = Int(answer), number >= 1, number <= step.choices.count { return step.choices[number - 1] }
        let typed = Phrase.normalise(answer.prefix(200))
        guard !typed.isEmpty else { return nil }
        if let exact = step.choices.first(where: { Phrase.normalise($0.label) == typed }) { return exact }
        let starting = step.choices.filter { Phrase.normalise($0.label).hasPrefix(typed) }
        return starting.count == 1 ? starting[0] : nil
    }

    /// Keeps an answer in the progress and, once the interview exists, saves it.
    func record(_ value: String, for step: Step, _ outcome: inout Outcome) {
        guard let field = step.save, var progress = outcome.progress else { return }
        progress.answers[field] = value
        outcome.progress = progress
        if let interview = progress.interview {
            outcome.effects.append(.save(interview: interview, flow: flow.name, step: step.name, field: field, value: value))
        }
    }

    /// The answer as a branch reads it: `yes`/`no` or a choice's label.
    func canonical(_ value: String, _ step: Step) -> String? {
        switch step.answer {
        case .yesNo: return value == "yes" || value == "no" ? value : nil
        case .choice: return step.choices.first { $0.label == value }?.label
        case .text, .list, .questions, .minutes, .email: return nil
        }
    }

    /// Leaves an answered (or skipped) step for the one its answer leads to, or ends the flow.
    func advance(from step: Step, answer: String?, _ outcome: inout Outcome, using random: inout some RandomNumberGenerator) {
        guard var progress = outcome.progress else { return }
        progress.trail.append(step.name)
        outcome.progress = progress
        if !step.done.isEmpty {
            finish(with: step, &outcome)
            return
        }
        var target = step.next
        if step.answer == .yesNo, let answer {
            target = (answer == "yes" ? step.ifYes : step.ifNo) ?? step.next
        } else if step.answer == .choice, let answer {
            target = step.choices.first { $0.label == answer }?.next ?? step.next
        }
        guard let next = target ?? flow.step(after: step.name)?.name else {
            finish(with: nil, &outcome)
            return
        }
        enter(next, &outcome, using: &random)
    }

    /// Arrives at a step: passes over known fields and closing steps, else asks its question.
    /// `askingKnown` asks the first step even if its field is known (going back to it).
    func enter(
        _ name: String, _ outcome: inout Outcome, recordProgress: Bool = true, askingKnown: Bool = false,
        using random: inout some RandomNumberGenerator
    ) {
        var name = name
        var visited: Set<String> = []
        while var progress = outcome.progress, let step = flow.step(named: name), visited.insert(name).inserted {
            if step.isClosing {
                finish(with: step, &outcome)
                return
            }
            if !(askingKnown && visited.count == 1), step.skipsIfKnown, let field = step.save,
                !(progress.answers[field] ?? "").isEmpty,
                let next = step.next ?? flow.step(after: step.name)?.name
            {
                name = next
                continue
            }
            if progress.step != step.name { progress.detail = nil }
            progress.step = step.name
            outcome.progress = progress
            if let field = step.save, let previous = progress.answers[field], !previous.isEmpty, step.answer != .email, step.answer != .minutes {
                let shown = previous.split(separator: "\n").joined(separator: "; ")
                outcome.reply.add(messages.text("previous-answer", ["value": shown]), style: .dim)
            }
            if let ask = random.pick(step.asks) {
                outcome.reply.add(ask.render(progress.answers))
            }
            if step.answer == .choice {
                for (index, choice) in step.choices.enumerated() {
                    outcome.reply.add(messages.text("choice-line", ["number": String(index + 1), "label": choice.label]))
                }
            }
            if let suggestion = step.suggestion?.render(progress.answers), !suggestion.isEmpty {
                outcome.reply.add(messages.text("suggested-answer", ["value": suggestion]), style: .dim)
            }
            outcome.reply.lines += offerLines(step, progress).lines
            if recordProgress, let interview = progress.interview {
                outcome.effects.append(.progress(interview: interview, flow: flow.name, step: step.name, trail: progress.trail))
            }
            open(step, &outcome)
            return
        }
        finish(with: nil, &outcome)
    }

    /// Ends the flow, saying the closing step's lines (those whose fields are all known).
    func finish(with step: Step?, _ outcome: inout Outcome) {
        guard let progress = outcome.progress else { return }
        for template in step?.done ?? [] {
            let line = template.render(progress.answers)
            if !line.trimmingSpaces().isEmpty { outcome.reply.add(line) }
        }
        if let interview = progress.interview {
            outcome.effects.append(.finished(interview: interview, flow: flow.name))
            if let stage = flow.finishedStage { outcome.effects.append(.advanceStage(interview: interview, stage: stage)) }
            if step?.followUp == .thankYou {
                let text = messages.text("follow-up-thank-you", ["name": interview])
                outcome.effects.append(.followUp(interview: interview, kind: .thankYou, text: text, due: .hours(24)))
            }
        }
        outcome.progress = nil
    }
}
