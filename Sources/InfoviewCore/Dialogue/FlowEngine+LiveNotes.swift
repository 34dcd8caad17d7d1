/// A flow that starts from the notes of a real meeting (`/live`): the notes are shown when the
/// flow opens on the interview, and a step with `from-live:` categories offers the notes typed
/// under questions of those categories as its answer. Enter (or a word of `words add`) takes
/// them; anything else typed is the user's own answer.
extension FlowEngine {
    /// A live note with the TIARA category of the question it was typed under.
    struct SortedNote: Equatable {
        var note: LiveNote
        /// `nil` for a note typed after the last question, or under a question like no bank's.
        var category: TiaraCategory?
    }

    /// Whether any step of the flow takes live notes.
    var usesLiveNotes: Bool { flow.steps.contains { !$0.fromLive.isEmpty } }

    /// Every note of the interview's live meetings, oldest meeting first, each with its category.
    func liveNotes(_ progress: FlowProgress) -> [SortedNote] {
        guard usesLiveNotes, let interview = progress.interview?.lowercased() else { return [] }
        let notes = meetings.filter { $0.interview.lowercased() == interview }.flatMap(\.notes)
        guard !notes.isEmpty else { return [] }
        var classifier: QuestionClassifier?
        return notes.map { note in
            guard let question = note.question else { return SortedNote(note: note, category: nil) }
            let key = Phrase.normalise(question)
            if let planned = progress.questions.first(where: { Phrase.normalise($0.text) == key }) {
                return SortedNote(note: note, category: planned.category)
            }
            if let banked = library.banks.lazy.flatMap(\.questions).first(where: { Phrase.normalise($0.text) == key }) {
                return SortedNote(note: note, category: banked.category)
            }
            // A question edited since the meeting: filed like the most similar bank question.
            if classifier == nil { classifier = QuestionClassifier(banks: library.banks) }
            return SortedNote(note: note, category: classifier?.category(of: question))
        }
    }

    /// The lines that open the flow on an interview with live notes: each question with its note.
    func liveOpening(_ progress: FlowProgress) -> Reply {
        var reply = Reply()
        let notes = liveNotes(progress)
        guard !notes.isEmpty, let name = progress.interview else { return reply }
        reply.add(messages.text("live-notes-heading", ["name": name, "count": String(notes.count)]))
        for sorted in notes {
            if let question = sorted.note.question {
                reply.add(messages.text("live-notes-line", ["question": question, "note": sorted.note.text]))
            } else {
                reply.add(messages.text("live-notes-extra", ["note": sorted.note.text]))
            }
        }
        reply.add(messages.text("live-notes-hint"), style: .dim)
        return reply
    }

    /// The notes a step offers: those of its `from-live:` categories, while its own answer is
    /// empty, leaving out any already taken into another step's answer.
    func offeredNotes(_ step: Step, _ progress: FlowProgress) -> [String] {
        guard !step.fromLive.isEmpty, let field = step.save, (progress.answers[field] ?? "").isEmpty else { return [] }
        let elsewhere = flow.steps.filter { !$0.fromLive.isEmpty && $0.save != field }.compactMap { $0.save.flatMap { progress.answers[$0] } }
        var offered: [String] = []
        for sorted in liveNotes(progress) {
            guard let category = sorted.category, step.fromLive.contains(category) else { continue }
            let text = sorted.note.text
            if offered.contains(text) || elsewhere.contains(where: { $0.contains(text) }) { continue }
            offered.append(text)
        }
        return offered
    }

    /// The offer shown under a step's question: the notes and how to take them.
    func offerLines(_ step: Step, _ progress: FlowProgress) -> Reply {
        var reply = Reply()
        let notes = offeredNotes(step, progress)
        guard !notes.isEmpty else { return reply }
        if step.answer == .list {
            reply.add(messages.text("live-offer-heading"))
            for note in notes { reply.add(messages.text("live-offer-item", ["note": note])) }
            reply.add(messages.text("live-offer-list-hint"), style: .dim)
        } else {
            reply.add(messages.text("live-offer", ["notes": Self.sentences(notes)]))
            reply.add(messages.text("live-offer-text-hint"), style: .dim)
        }
        return reply
    }

    /// Whether a line takes the notes on offer: Enter, or a word of `words add` (y, yes, ok…).
    func takesNotes(_ answer: String, typed: String) -> Bool {
        answer.isEmpty || isWord(typed, "add")
    }

    /// Notes written as one text answer: each a sentence.
    static func sentences(_ notes: [String]) -> String {
        notes.map { note in
            guard let last = note.last, !".!?".contains(last) else { return note }
            return note + "."
        }.joined(separator: " ")
    }
}
