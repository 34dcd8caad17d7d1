import Foundation

/// The quiet checklist for a real meeting: the next planned question, a one-line note per
/// question, the time against the plan. Pure: the time comes in from outside (`now`), so the
/// same progress, line and time always give the same reply and effects.
struct LiveEngine {
    /// What one line did to the checklist.
    struct Outcome {
        /// What to say.
        var reply: Reply
        /// Where the checklist is now; `nil` when it ended.
        var progress: LiveProgress?
        /// What the caller must save.
        var effects: [Effect]
    }

    let messages: MessageBook
    let clock: RehearsalClock

    /// Opens the checklist at its first question; `bankTitle` names the question bank the
    /// questions come from when the interview has no list of its own.
    func start(_ progress: LiveProgress, bankTitle: String?, now: Date) -> Outcome {
        var reply = Reply()
        let values = [
            "name": progress.interview, "count": String(progress.questions.count), "minutes": String(progress.plannedMinutes),
        ]
        var first = FirstChoice()
        for line in messages.lines("live-start", values, using: &first) { reply.add(line, style: .dim) }
        if let bankTitle { reply.add(messages.text("live-from-bank", ["title": bankTitle]), style: .dim) }
        var next = progress
        reply.lines += here(&next, now: now).lines
        return Outcome(
            reply: reply, progress: next,
            effects: [
                .conduct(
                    .startLive(interview: progress.interview, session: progress.session, plannedMinutes: progress.plannedMinutes, startedAt: progress.startedAt)),
                .conduct(.liveState(next)),
            ])
    }

    /// A line typed during the meeting: the note for the current question (saved as typed), then
    /// the next question. An empty line moves on without a note.
    func note(_ input: String, in progress: LiveProgress, now: Date) -> Outcome {
        let text = input.split(whereSeparator: \.isNewline).joined(separator: " ").trimmingSpaces()
        var next = progress
        var effects: [Effect] = []
        if !text.isEmpty {
            let question = progress.position < progress.questions.count ? progress.questions[progress.position] : nil
            effects.append(
                .conduct(
                    .liveNote(
                        interview: progress.interview, session: progress.session, position: progress.position, question: question, note: text,
                        elapsedSeconds: progress.elapsedSeconds(at: now))))
            next.notes[progress.position] = text
        } else if progress.position >= progress.questions.count {
            var reply = Reply()
            reply.add(messages.text("live-after-last"), style: .dim)
            reply.lines += timeLines(&next, now: now).lines
            effects.append(.conduct(.liveState(next)))
            return Outcome(reply: reply, progress: next, effects: effects)
        }
        next.position += 1
        let reply = here(&next, now: now)
        effects.append(.conduct(.liveState(next)))
        return Outcome(reply: reply, progress: next, effects: effects)
    }

    /// `/back`: the previous question again, with the note already taken.
    func back(_ progress: LiveProgress, now: Date) -> Outcome {
        var next = progress
        next.position = max(0, min(progress.position, progress.questions.count) - 1)
        var reply = here(&next, now: now)
        if let note = next.notes[next.position] {
            reply.add(messages.text("live-previous-note", ["note": note]), style: .dim)
        }
        return Outcome(reply: reply, progress: next, effects: [.conduct(.liveState(next))])
    }

    /// `/stop`: the meeting is over; the notes wait for the debrief.
    func stop(_ progress: LiveProgress, now: Date) -> Outcome {
        var reply = Reply()
        let values = [
            "name": progress.interview, "count": String(progress.notes.count), "elapsed": String(progress.elapsedMinutes(at: now)),
            "minutes": String(progress.plannedMinutes),
        ]
        reply.add(messages.text(progress.notes.isEmpty ? "live-finished-empty" : "live-finished", values))
        return Outcome(reply: reply, progress: nil, effects: [.conduct(.finishLive(interview: progress.interview, session: progress.session))])
    }

    /// Ctrl-C: leaves the checklist as it is, to carry on with `/live NAME`.
    func pause(_ progress: LiveProgress) -> Outcome {
        var reply = Reply()
        reply.add(messages.text("live-paused", ["name": progress.interview]))
        return Outcome(reply: reply, progress: nil, effects: [])
    }

    /// Takes an interrupted checklist up again at its question.
    func resume(_ progress: LiveProgress, now: Date) -> Outcome {
        var reply = Reply()
        reply.add(messages.text("live-resumed", ["name": progress.interview]), style: .dim)
        var next = progress
        reply.lines += here(&next, now: now).lines
        return Outcome(reply: reply, progress: next, effects: [.conduct(.liveState(next))])
    }

    /// The prompt: the time against the plan.
    func prompt(_ progress: LiveProgress, now: Date) -> String {
        messages.text("prompt-live", ["elapsed": String(progress.elapsedMinutes(at: now)), "minutes": String(progress.plannedMinutes)]) + " "
    }
}

private extension LiveEngine {
    /// The current question with the time, or the line after the last one; then any time warning.
    func here(_ progress: inout LiveProgress, now: Date) -> Reply {
        var reply = Reply()
        if progress.position < progress.questions.count {
            reply.add(
                messages.text(
                    "live-question",
                    [
                        "number": String(progress.position + 1), "count": String(progress.questions.count),
                        "elapsed": String(progress.elapsedMinutes(at: now)), "minutes": String(progress.plannedMinutes),
                        "question": progress.questions[progress.position],
                        "spare": progress.ifTime.contains(progress.position) ? messages.text("live-if-time") : "",
                    ]))
        } else if progress.position == progress.questions.count {
            reply.add(
                messages.text(
                    "live-last", ["elapsed": String(progress.elapsedMinutes(at: now)), "minutes": String(progress.plannedMinutes)]),
                style: .dim)
        } else {
            reply.add(messages.text("live-noted"), style: .dim)
        }
        reply.lines += timeLines(&progress, now: now).lines
        return reply
    }

    /// A gentle word when time is nearly up, and once more when it is up.
    func timeLines(_ progress: inout LiveProgress, now: Date) -> Reply {
        var reply = Reply()
        let elapsed = progress.elapsedMinutes(at: now)
        if !progress.overran, elapsed >= progress.plannedMinutes {
            progress.overran = true
            progress.warned = true
            reply.add(messages.text("live-time-up", ["elapsed": String(elapsed), "minutes": String(progress.plannedMinutes)]), style: .caution)
        } else if !progress.warned, elapsed >= progress.plannedMinutes - clock.liveWarning {
            progress.warned = true
            reply.add(messages.text("live-warning", ["left": String(progress.plannedMinutes - elapsed)]), style: .caution)
        }
        return reply
    }
}
