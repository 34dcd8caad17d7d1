/// The time-plan step (`answer: minutes`): how long the conversation is, how many questions fit,
/// and which to keep for the end.
extension FlowEngine {
    func openMinutes(_ step: Step, _ outcome: inout Outcome) {
        let previous = step.save.flatMap { outcome.progress?.answers[$0] }.flatMap { Int($0) }
        let value = previous ?? messages.timing.defaultMinutes
        outcome.reply.add(messages.text("suggested-answer", ["value": String(value)]), style: .dim)
    }

    /// Minutes typed as a number anywhere in the line ("25", "about 20 minutes"); Enter keeps the
    /// earlier answer or takes the usual length.
    func minutes(_ answer: String, _ step: Step, _ progress: FlowProgress, using random: inout some RandomNumberGenerator) -> Outcome {
        var outcome = Outcome(reply: Reply(), progress: progress, effects: [])
        let previous = step.save.flatMap { progress.answers[$0] }.flatMap { Int($0) }
        let typed = answer.isEmpty ? previous ?? messages.timing.defaultMinutes : Self.firstNumber(in: answer)
        guard let minutes = typed, messages.minutesRange.contains(minutes) else {
            let range = messages.minutesRange
            outcome.reply.add(
                messages.text("minutes-unclear", ["shortest": String(range.lowerBound), "longest": String(range.upperBound)]),
                style: .dim)
            return outcome
        }
        record(String(minutes), for: step, &outcome)
        outcome.reply.lines += planLines(minutes: minutes, questions: progress.questions).lines
        advance(from: step, answer: nil, &outcome, using: &random)
        return outcome
    }

    /// The plan: how many fit, each question with its mark, and what to do about the rest.
    func planLines(minutes: Int, questions: [PlannedQuestion]) -> Reply {
        var reply = Reply()
        let timing = messages.timing
        let plan = TimePlan(minutes: minutes, questions: questions, timing: timing)
        reply.add(
            messages.text(
                "plan-heading",
                [
                    "minutes": String(minutes), "fits": String(plan.fits), "per": String(timing.minutesPerQuestion),
                    "opening": String(timing.openingMinutes), "closing": String(timing.closingMinutes),
                ]))
        guard !questions.isEmpty else {
            reply.add(messages.text("plan-none"))
            return reply
        }
        reply.lines += questionLines(questions, plan: plan).lines
        if questions.count < plan.fits {
            reply.add(messages.text("plan-room", ["count": String(questions.count), "spare": String(plan.fits - questions.count)]))
        } else {
            reply.add(messages.text("plan-full", ["count": String(questions.count)]))
        }
        return reply
    }

    /// The questions, numbered, with their category and, when there is a plan, its mark.
    func questionLines(_ questions: [PlannedQuestion], plan: TimePlan?) -> Reply {
        var reply = Reply()
        for (index, question) in questions.enumerated() {
            let mark = plan.map { messages.markText($0.marks[index]) } ?? ""
            reply.add(
                messages.text(
                    "question-line",
                    ["number": String(index + 1), "category": messages.name(of: question.category), "text": question.text, "mark": mark]))
        }
        return reply
    }

    /// The first whole number in a line, if any.
    static func firstNumber(in text: String) -> Int? {
        let digits = text.drop { !$0.isASCII || !$0.isNumber }.prefix { $0.isASCII && $0.isNumber }
        return digits.isEmpty || digits.count > 6 ? nil : Int(digits)
    }
}

extension MessageBook {
    /// How a plan's mark is shown next to a question; empty for questions simply asked in order.
    func markText(_ mark: TimePlan.Mark) -> String {
        switch mark {
        case .ask: return ""
        case .ifTime: return text("mark-if-time")
        case .keepForEnd: return text("mark-keep-for-end")
        }
    }
}
