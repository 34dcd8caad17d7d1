/// The question-list step (`answer: questions`) inside a flow.
extension FlowEngine {
    /// What a step says after its question, for the kinds of answer that take several lines.
    func open(_ step: Step, _ outcome: inout Outcome) {
        switch step.answer {
        case .questions: openQuestions(step, &outcome)
        case .minutes: openMinutes(step, &outcome)
        case .email: openEmail(step, &outcome)
        case .text, .yesNo, .choice, .list: return
        }
    }

    /// The bank that fits the step's `bank-for:` text, and its suggestions followed by the
    /// general bank's, in TIARA order, without the closing question's twins.
    func suggestions(for step: Step, answers: [String: String]) -> (bank: QuestionBank, questions: [QuestionBank.Question]) {
        let field = step.bankFor?.render(answers).trimmingSpaces() ?? ""
        let bank = library.bank(forField: field)
        var questions = bank.questions
        if bank.name != QuestionBank.generalName, let general = library.banks.first(where: { $0.name == QuestionBank.generalName }) {
            questions += general.questions
        }
        let settings = messages.questionList
        let ordered = TiaraCategory.allCases.flatMap { category in
            questions.filter { $0.category == category && !settings.isLikeClosing($0.text) }
        }
        return (bank, ordered)
    }

    func desk(for step: Step, _ progress: FlowProgress) -> QuestionDesk {
        QuestionDesk(
            list: QuestionList(progress.questions), detail: progress.detail ?? StepDetail(),
            suggestions: suggestions(for: step, answers: progress.answers).questions, library: library, muted: muted)
    }

    func openQuestions(_ step: Step, _ outcome: inout Outcome) {
        guard let progress = outcome.progress else { return }
        var desk = desk(for: step, progress)
        let found = suggestions(for: step, answers: progress.answers)
        desk.open(bank: found.bank)
        take(desk, &outcome)
    }

    /// One line of the question list: the desk answers it; `done` moves on to the next step.
    func questionLine(
        _ input: String, typed: String, _ step: Step, _ progress: FlowProgress, using random: inout some RandomNumberGenerator
    ) -> Outcome {
        var outcome = Outcome(reply: Reply(), progress: progress, effects: [])
        var desk = desk(for: step, progress)
        desk.handle(input, typed: typed)
        take(desk, &outcome)
        if desk.isDone { advance(from: step, answer: nil, &outcome, using: &random) }
        return outcome
    }

    /// `/skip` on the question list passes on the suggestion, as `n` does.
    func passSuggestion(_ step: Step, _ progress: FlowProgress, using random: inout some RandomNumberGenerator) -> Outcome {
        var outcome = Outcome(reply: Reply(), progress: progress, effects: [])
        var desk = desk(for: step, progress)
        desk.pass()
        take(desk, &outcome)
        return outcome
    }

    /// Keeps what the desk did: its reply, and the list and detail, saved when they changed.
    func take(_ desk: QuestionDesk, _ outcome: inout Outcome) {
        guard var progress = outcome.progress else { return }
        outcome.reply.lines += desk.reply.lines
        outcome.findings += desk.findings
        let changedList = progress.questions != desk.list.questions
        let changedDetail = progress.detail != desk.detail
        progress.questions = desk.list.questions
        progress.detail = desk.detail
        outcome.progress = progress
        guard let interview = progress.interview else { return }
        if changedList { outcome.effects.append(.saveQuestions(interview: interview, questions: desk.list.questions)) }
        if changedDetail { outcome.effects.append(.saveDetail(interview: interview, detail: desk.detail)) }
    }
}
