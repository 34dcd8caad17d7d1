/// `/debrief [NAME]`: the guided debrief after a meeting (`prompts/flows/debrief.flow`).
extension DialogueEngine {
    /// Starts (or resumes) the debrief of an interview; a name not on the list starts a new one,
    /// as for a conversation that was never prepared here.
    func debrief(_ argument: String, _ state: Conversation, _ overview: Overview, using random: inout some RandomNumberGenerator) -> Turn {
        guard library.flows["debrief"] != nil else { return Turn(reply: dim(messages.text("debrief-missing")), state: state) }
        let engine = flowEngine("debrief", for: overview)
        let shared = sharedAnswers(engine.flow, overview)
        switch opening(engine, argument, state, overview, shared: shared, using: &random) {
        case .answered(let answered):
            return answered
        case .new(let name):
            return startNew(name, engine, shared: shared, state, using: &random)
        case .existing(let existing, let answers, let missing):
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
    }
}
