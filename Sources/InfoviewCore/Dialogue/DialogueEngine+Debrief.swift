/// `/debrief [NAME]`: the guided debrief after a meeting (`prompts/flows/debrief.flow`).
extension DialogueEngine {
    /// Starts (or resumes) the debrief of an interview; a name not on the list starts a new one,
    /// as for a conversation that was never prepared here.
    func debrief(_ argument: String, _ state: Conversation, _ overview: Overview, using random: inout some RandomNumberGenerator) -> Turn {
        guard library.flows["debrief"] != nil else { return Turn(reply: dim(messages.text("debrief-missing")), state: state) }
        let engine = flowEngine("debrief", for: overview)
        let shared = sharedAnswers(engine.flow, overview)
        guard !argument.isEmpty else {
            return turn(engine.start(interview: nil, answers: shared, using: &random), state)
        }
        guard let name = InterviewName.clean(argument) else {
            return Turn(reply: dim(messages.text("name-too-long", ["max": String(InterviewName.maximumLength)])), state: state)
        }
        if let existing = overview.interview(named: name) {
            if let progress = existing.interrupted, progress.flow == engine.flow.name {
                return resume(progress, existing, state, overview, using: &random)
            }
            let missing = shared.filter { (existing.answers[$0.key] ?? "").isEmpty }
            let answers = knownName(existing).merging(missing) { _, new in new }
            var outcome = engine.start(interview: existing.name, answers: answers, questions: existing.questions, using: &random)
            outcome.effects.insert(
                contentsOf: [.advanceStage(interview: existing.name, stage: engine.flow.stage)] + saves(missing, engine.flow, existing.name), at: 0)
            // They met, so the outreach was answered: no second contact or nudge is needed.
            let answered = overview.followUps.filter { $0.interview == existing.name && [.secondContact, .nudge].contains($0.kind) }
            outcome.effects += answered.map { .completeFollowUp(id: $0.id, reportBack: nil) }
            if existing.stage == .done {
                outcome.reply.lines.insert(Reply.Line(messages.text("debrief-again", ["name": existing.name])), at: 0)
            }
            return turn(outcome, state)
        }
        let answers = shared.merging([InterviewName.field: name]) { _, new in new }
        var outcome = engine.start(interview: name, answers: answers, using: &random)
        let step = engine.flow.steps.first { $0.save == InterviewName.field }?.name ?? engine.flow.steps[0].name
        outcome.effects.insert(
            contentsOf: [
                .startInterview(name: name, stage: engine.flow.stage),
                .save(interview: name, flow: engine.flow.name, step: step, field: InterviewName.field, value: name),
            ] + saves(shared, engine.flow, name),
            at: 0)
        return turn(outcome, state)
    }
}
