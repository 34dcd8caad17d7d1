import Foundation

/// `/rehearse`, `/live`, `/scorecards`, `/retry` and `/next`: holding the conversation, in a
/// rehearsal with a scripted insider or with the real person.
extension DialogueEngine {
    var rehearsalEngine: RehearsalEngine { RehearsalEngine(library: library) }
    var liveEngine: LiveEngine { LiveEngine(messages: messages, clock: library.rehearsal.clock) }

    /// A line typed while rehearsing or taking live notes; `nil` in any other mode.
    func conduct(
        _ input: String, in state: Conversation, overview: Overview, now: Date?, using random: inout some RandomNumberGenerator
    ) -> Turn? {
        if let progress = state.rehearsal {
            return turn(rehearsalEngine.respond(to: input, in: progress, muted: overview.mutedRules, using: &random), state)
        }
        if let progress = state.live {
            return turn(liveEngine.note(input, in: progress, now: now ?? progress.startedAt), state)
        }
        return nil
    }

    func turn(_ outcome: RehearsalEngine.Outcome, _ state: Conversation) -> Turn {
        var next = state
        next.mode = outcome.progress.map { .rehearsal($0) } ?? .home
        if !outcome.findings.isEmpty { next.lastFindings = outcome.findings }
        return Turn(reply: outcome.reply, state: next, effects: outcome.effects)
    }

    func turn(_ outcome: LiveEngine.Outcome, _ state: Conversation) -> Turn {
        var next = state
        next.mode = outcome.progress.map { .live($0) } ?? .home
        return Turn(reply: outcome.reply, state: next, effects: outcome.effects)
    }

    /// What the user is in the middle of, such as "rehearsing your conversation with Sam", or
    /// `nil` at home.
    func doing(_ state: Conversation) -> String? {
        switch state.mode {
        case .home: return nil
        case .flow(let progress): return flowEngine(progress.flow).doing(progress)
        case .rehearsal(let progress):
            // Nothing is saved while the persona is being picked: there is nothing to carry on.
            return progress.persona == nil ? nil : messages.text("rehearse-doing", ["name": progress.interview])
        case .live(let progress): return messages.text("live-doing", ["name": progress.interview])
        }
    }

    /// `/rehearse [NAME] [with PERSONA]`: a paused rehearsal carries on; otherwise a new one
    /// starts with the persona for the interview's field, or the user picks one.
    func rehearse(_ argument: String, _ state: Conversation, _ overview: Overview, using random: inout some RandomNumberGenerator) -> Turn {
        var name = argument
        var chosen: Persona?
        if let split = Self.withClause(argument) {
            guard let persona = library.rehearsal.persona(named: split.persona) else {
                let names = library.rehearsal.personas.map(\.firstName).joined(separator: ", ")
                return Turn(reply: dim(messages.text("rehearse-persona-unknown", ["persona": split.persona, "names": names])), state: state)
            }
            name = split.name
            chosen = persona
        }
        let interview: Overview.Interview
        switch conductInterview(name, overview, command: SlashCommand.rehearse.typed) {
        case .failure(let why): return Turn(reply: why.reply, state: state)
        case .success(let found): interview = found
        }
        let field = fieldText(interview)
        let rehearsals = overview.rehearsals.filter { $0.interview == interview.name }
        if chosen == nil, let paused = rehearsals.last(where: { $0.progress != nil })?.progress {
            var next = state
            next.mode = .rehearsal(paused)
            return turn(rehearsalEngine.resume(paused, field: field), next)
        }
        let attempt = (rehearsals.map(\.attempt).max() ?? 0) + 1
        var progress = RehearsalProgress(interview: interview.name, attempt: attempt, persona: nil, plannedMinutes: plannedMinutes(interview))
        let personas = library.rehearsal.personas
        let bank = library.bank(forField: field)
        let fitting = personas.filter { $0.field == bank.name }
        if let persona = chosen ?? (fitting.count == 1 ? fitting[0] : nil) {
            return turn(rehearsalEngine.begin(progress, with: persona, using: &random), state)
        }
        progress.choices = (fitting.isEmpty ? personas : fitting).map(\.id)
        let title = bank.name == QuestionBank.generalName || field.isEmpty ? "" : bank.title
        return turn(rehearsalEngine.askPersona(progress, field: title), state)
    }

    /// `/live [NAME]`: the checklist for the real meeting, carried on if it was interrupted.
    func live(_ argument: String, _ state: Conversation, _ overview: Overview, now: Date?) -> Turn {
        let interview: Overview.Interview
        switch conductInterview(argument, overview, command: SlashCommand.live.typed) {
        case .failure(let why): return Turn(reply: why.reply, state: state)
        case .success(let found): interview = found
        }
        let sessions = overview.liveSessions.filter { $0.interview == interview.name }
        let moment = now ?? Date(timeIntervalSince1970: 0)
        if let paused = sessions.last(where: { $0.progress != nil })?.progress {
            return turn(liveEngine.resume(paused, now: moment), state)
        }
        let planned = plannedQuestions(for: interview, limit: library.rehearsal.clock.bankQuestions)
        var progress = LiveProgress(
            interview: interview.name, session: (sessions.map(\.session).max() ?? 0) + 1, plannedMinutes: plannedMinutes(interview),
            startedAt: moment, questions: planned.questions)
        progress.ifTime = planned.ifTime
        return turn(liveEngine.start(progress, bankTitle: planned.bankTitle, now: moment), state)
    }

    /// The paused rehearsal or live checklist touched last, if it is more recent than any
    /// interrupted flow: what `/resume` and the greeting offer first.
    func pausedConduct(_ overview: Overview) -> (doing: String, minute: Int, minutes: Int, updatedAt: Date)? {
        let rehearsal = overview.rehearsals.last { $0.progress?.persona != nil }
        let live = overview.liveSessions.last { $0.progress != nil }
        var found: (doing: String, minute: Int, minutes: Int, updatedAt: Date)?
        if let rehearsal, let progress = rehearsal.progress {
            found = (messages.text("rehearse-doing", ["name": progress.interview]), progress.scene.minutes, progress.plannedMinutes, rehearsal.updatedAt)
        }
        if let live, let progress = live.progress, live.updatedAt >= found?.updatedAt ?? .distantPast {
            found = (messages.text("live-doing", ["name": progress.interview]), -1, progress.plannedMinutes, live.updatedAt)
        }
        guard let found, found.updatedAt >= overview.flowPausedAt ?? .distantPast else { return nil }
        return found
    }

    /// `/resume` for a paused rehearsal or live checklist: the named interview's, else the last
    /// one paused; `nil` when there is none.
    func resumeConduct(_ argument: String, _ state: Conversation, _ overview: Overview, now: Date?) -> Turn? {
        let name = argument.isEmpty ? nil : overview.interview(named: argument)?.name
        if !argument.isEmpty && name == nil { return nil }
        let rehearsal = overview.rehearsals.last { $0.progress != nil && (name == nil || $0.interview == name) }
        let live = overview.liveSessions.last { $0.progress != nil && (name == nil || $0.interview == name) }
        if let progress = live?.progress, live!.updatedAt > rehearsal?.updatedAt ?? .distantPast {
            return turn(liveEngine.resume(progress, now: now ?? progress.startedAt), state)
        }
        if let progress = rehearsal?.progress {
            let field = overview.interview(named: progress.interview).map(fieldText) ?? ""
            var next = state
            next.mode = .rehearsal(progress)
            return turn(rehearsalEngine.resume(progress, field: field), next)
        }
        if let progress = live?.progress { return turn(liveEngine.resume(progress, now: now ?? progress.startedAt), state) }
        return nil
    }

    /// `/retry`: takes back the last flagged line of a rehearsal.
    func retry(_ state: Conversation) -> Turn {
        guard let progress = state.rehearsal else {
            return Turn(reply: dim(messages.text("rehearse-not-now", ["command": SlashCommand.retry.typed])), state: state)
        }
        return turn(rehearsalEngine.retry(progress), state)
    }

    /// `/next`: in a rehearsal, says the next planned question; live, moves on without a note.
    func next(_ state: Conversation, _ overview: Overview, now: Date?, using random: inout some RandomNumberGenerator) -> Turn {
        if let progress = state.live {
            return turn(liveEngine.note("", in: progress, now: now ?? progress.startedAt), state)
        }
        guard var progress = state.rehearsal, progress.persona != nil, let interview = overview.interview(named: progress.interview) else {
            return Turn(reply: dim(messages.text("rehearse-not-now", ["command": SlashCommand.next.typed])), state: state)
        }
        let planned = plannedQuestions(for: interview, limit: nil)
        guard progress.nextQuestion < planned.questions.count else {
            return Turn(reply: dim(messages.text("rehearse-next-none")), state: state)
        }
        let question = planned.questions[progress.nextQuestion]
        progress.nextQuestion += 1
        var reply = Reply()
        if progress.nextQuestion == 1 {
            if let title = planned.bankTitle {
                reply.add(messages.text("rehearse-next-source", ["title": title]), style: .dim)
            } else {
                reply.add(messages.text("rehearse-next-list", ["name": interview.name]), style: .dim)
            }
        }
        reply.add(messages.text("rehearse-you", ["question": question]))
        var turn = turn(rehearsalEngine.respond(to: question, in: progress, muted: overview.mutedRules, using: &random), state)
        turn.reply.lines = reply.lines + turn.reply.lines
        return turn
    }

    /// `/stop`, `/back` and `/skip` while rehearsing or live; `nil` in any other mode.
    func conductCommand(_ command: SlashCommand, _ state: Conversation, now: Date?) -> Turn? {
        if let progress = state.rehearsal {
            if command == .stop { return turn(rehearsalEngine.stop(progress), state) }
            return Turn(reply: dim(messages.text("rehearse-no-steps", ["command": command.typed])), state: state)
        }
        if let progress = state.live {
            let moment = now ?? progress.startedAt
            switch command {
            case .stop: return turn(liveEngine.stop(progress, now: moment), state)
            case .back: return turn(liveEngine.back(progress, now: moment), state)
            default: return turn(liveEngine.note("", in: progress, now: moment), state)
            }
        }
        return nil
    }

    /// `/scorecards [NAME]`: every rehearsal of an interview, one line each, oldest first.
    func scorecards(_ argument: String, _ overview: Overview) -> Reply {
        let interview: Overview.Interview
        switch conductInterview(argument, overview, command: SlashCommand.scorecards.typed) {
        case .failure(let why): return why.reply
        case .success(let found): interview = found
        }
        let rehearsals = overview.rehearsals.filter { $0.interview == interview.name }
        guard !rehearsals.isEmpty else { return dim(messages.text("scorecards-none", ["name": interview.name])) }
        var reply = Reply()
        reply.add(messages.text("scorecards-heading", ["name": interview.name]), style: .heading)
        for rehearsal in rehearsals {
            let persona = library.rehearsal.persona(named: rehearsal.persona)?.name ?? rehearsal.persona
            guard let card = rehearsal.scorecard else {
                let minute = rehearsal.progress?.scene.minutes ?? 0
                reply.add(messages.text("scorecards-paused", ["attempt": String(rehearsal.attempt), "persona": persona, "minute": String(minute)]))
                continue
            }
            reply.add(
                messages.text(
                    "scorecards-line",
                    [
                        "attempt": String(rehearsal.attempt), "persona": card.persona, "questions": String(card.questions),
                        "trends": String(card.trends), "insights": String(card.insights), "advice": String(card.advice),
                        "resources": String(card.resources), "assignments": String(card.assignments), "open": String(card.open),
                        "closed": String(card.closed), "pitches": String(card.pitches.count),
                        "people": yesNo(card.askedForPeople), "thanked": yesNo(card.thanked), "minutes": String(card.minutes),
                        "planned": String(card.plannedMinutes), "percent": card.percentAboutThem.map(String.init) ?? "",
                    ]))
        }
        return reply
    }

    /// What `/show` says about an interview's rehearsals and the notes of its meeting.
    func conduct(of interview: Overview.Interview, _ overview: Overview) -> Reply {
        var reply = Reply()
        let rehearsals = overview.rehearsals.filter { $0.interview == interview.name }.sorted { $0.attempt < $1.attempt }
        if let last = rehearsals.last(where: { $0.scorecard != nil }), let card = last.scorecard {
            reply.add(
                messages.text(
                    "show-rehearsals",
                    [
                        "count": String(rehearsals.count), "questions": String(card.questions), "pitches": String(card.pitches.count),
                        "name": interview.name,
                    ]))
        }
        let notes = overview.liveSessions.filter { $0.interview == interview.name }.flatMap(\.notes)
        if !notes.isEmpty {
            reply.add(messages.text("show-notes-heading", ["count": String(notes.count)]))
            for note in notes { reply.add(messages.text("show-note", ["note": note.text])) }
        }
        return reply
    }

    /// The scorecard at the end of a rehearsal.
    func scorecardLines(_ card: Scorecard, attempt: Int, interview: String) -> Reply {
        var reply = Reply()
        let first = String(card.persona.split(separator: " ").first ?? Substring(card.persona))
        reply.add(messages.text("scorecard-heading", ["attempt": String(attempt), "name": interview, "persona": card.persona]), style: .heading)
        reply.add(
            messages.text(
                "scorecard-questions",
                [
                    "count": String(card.questions), "trends": String(card.trends), "insights": String(card.insights),
                    "advice": String(card.advice), "resources": String(card.resources), "assignments": String(card.assignments),
                    "other": card.otherQuestions > 0 ? String(card.otherQuestions) : "",
                ]))
        reply.add(messages.text("scorecard-forms", ["open": String(card.open), "closed": String(card.closed)]))
        if card.pitches.isEmpty {
            reply.add(messages.text("scorecard-no-pitches"))
        } else {
            reply.add(messages.text("scorecard-pitches", ["count": String(card.pitches.count)]))
            for pitch in card.pitches {
                reply.add(
                    messages.text(
                        "scorecard-pitch",
                        ["quote": pitch.quote, "kind": pitch.kind ?? pitch.rule, "retried": pitch.wasRetried ? messages.text("scorecard-retried") : ""]),
                    style: .pitch)
            }
        }
        reply.add(messages.text("scorecard-other-flags", ["count": String(card.otherFlags)]))
        reply.add(messages.text("scorecard-people", ["answer": yesNo(card.askedForPeople)]))
        reply.add(messages.text("scorecard-thanked", ["first": first, "answer": yesNo(card.thanked)]))
        reply.add(
            messages.text(
                card.keptToTime ? "scorecard-on-time" : "scorecard-over-time",
                ["minutes": String(card.minutes), "planned": String(card.plannedMinutes)]))
        if let percent = card.percentAboutThem {
            reply.add(
                messages.text(
                    "scorecard-talk",
                    [
                        "first": first, "percent": String(percent), "rest": String(100 - percent), "them": String(card.wordsAboutThem),
                        "me": String(card.wordsAboutSelf),
                    ]))
        }
        if card.offerRaised {
            let message = card.offerAnswered ? "scorecard-offer-answered" : card.offerOverAsked ? "scorecard-offer-over-asked" : "scorecard-offer-left"
            reply.add(messages.text(message, ["first": first]))
        }
        reply.add(messages.text("scorecard-next", ["name": interview]), style: .dim)
        return reply
    }

    /// The questions to ask in a meeting, in the order planned.
    struct PlannedQuestions {
        /// The questions, in the order to ask them.
        var questions: [String]
        /// The positions of the questions to ask only if there is time.
        var ifTime: [Int]
        /// The question bank's title, when the interview has no list of its own yet.
        var bankTitle: String?
    }

    /// The interview's question list in the order its time plan gives (the questions that fit,
    /// those for spare time, then those kept for the end); without a list, questions from the
    /// bank of the interview's field, `limit` of them (all when `nil`) spread over the TIARA
    /// categories and kept in TIARA order.
    func plannedQuestions(for interview: Overview.Interview, limit: Int?) -> PlannedQuestions {
        if !interview.questions.isEmpty {
            let plan = TimePlan(minutes: minutes(of: interview), questions: interview.questions, timing: messages.timing)
            var ordered: [(text: String, mark: TimePlan.Mark)] = []
            for mark in [TimePlan.Mark.ask, .ifTime, .keepForEnd] {
                for (index, question) in interview.questions.enumerated() where plan.marks[index] == mark {
                    ordered.append((question.text, mark))
                }
            }
            return PlannedQuestions(
                questions: ordered.map(\.text), ifTime: ordered.indices.filter { ordered[$0].mark == .ifTime }, bankTitle: nil)
        }
        let bank = library.bank(forField: fieldText(interview))
        guard let limit, limit < bank.questions.count else {
            return PlannedQuestions(questions: bank.questions.map(\.text), ifTime: [], bankTitle: bank.title)
        }
        var picked: [QuestionBank.Question] = []
        var round = 0
        while picked.count < limit, round < bank.questions.count {
            for category in TiaraCategory.allCases where picked.count < limit {
                let inCategory = bank.questions(in: category)
                if round < inCategory.count { picked.append(inCategory[round]) }
            }
            round += 1
        }
        let ordered = TiaraCategory.allCases.flatMap { category in picked.filter { $0.category == category } }
        return PlannedQuestions(questions: ordered.map(\.text), ifTime: [], bankTitle: bank.title)
    }

    /// What the user said about the interview's field: the field itself, else the role and the
    /// organisation.
    func fieldText(_ interview: Overview.Interview) -> String {
        if let field = interview.answers["field"], !field.isEmpty { return field }
        return [interview.answers["role"], interview.answers["organisation"]].compactMap { $0 }.joined(separator: " ")
    }

    /// The planned length of the meeting: the interview's time plan, else the clock's length.
    func plannedMinutes(_ interview: Overview.Interview) -> Int {
        let saved = library.minutesFields.lazy.compactMap { interview.answers[$0].flatMap { Int($0.trimmingSpaces()) } }.first { $0 > 0 }
        return saved ?? library.rehearsal.clock.length
    }

    /// The interview a conduct command names, or the only one; else the reply that says why not.
    func conductInterview(_ argument: String, _ overview: Overview, command: String) -> Result<Overview.Interview, ConductReply> {
        guard !argument.isEmpty else {
            if overview.interviews.count == 1 { return .success(overview.interviews[0]) }
            if overview.interviews.isEmpty { return .failure(ConductReply(dim(messages.text("conduct-no-interviews", ["command": command])))) }
            let names = overview.interviews.map(\.name).joined(separator: ", ")
            return .failure(ConductReply(dim(messages.text("conduct-which", ["command": command, "names": names]))))
        }
        guard let interview = overview.interview(named: argument) else {
            let nearest = Nearest.word(to: argument, among: overview.interviews.map(\.name)) ?? ""
            return .failure(ConductReply(dim(messages.text("conduct-unknown", ["name": argument, "nearest": nearest, "command": command]))))
        }
        return .success(interview)
    }

    /// The prompt while rehearsing or live; `nil` in any other mode.
    func conductPrompt(_ state: Conversation, now: Date?) -> String? {
        if let progress = state.rehearsal {
            guard progress.persona != nil else { return messages.text("prompt-rehearse-pick") + " " }
            return messages.text("prompt-rehearse", ["minute": String(progress.scene.minutes), "minutes": String(progress.plannedMinutes)]) + " "
        }
        if let progress = state.live { return liveEngine.prompt(progress, now: now ?? progress.startedAt) }
        return nil
    }

    private func yesNo(_ value: Bool) -> String {
        messages.text(value ? "scorecard-yes" : "scorecard-no")
    }

    /// `NAME with PERSONA`, split at the last " with " (in any case).
    static func withClause(_ argument: String) -> (name: String, persona: String)? {
        let characters = Array(argument)
        let marker = Array(" with ")
        guard characters.count > marker.count else { return nil }
        for start in stride(from: characters.count - marker.count, through: 0, by: -1)
        where zip(characters[start..<(start + marker.count)], marker).allSatisfy({ $0.lowercased() == String($1) }) {
            let persona = String(characters[(start + marker.count)...]).trimmingSpaces()
            guard !persona.isEmpty else { return nil }
            return (String(characters[..<start]).trimmingSpaces(), persona)
        }
        return nil
    }
}

/// The reply a conduct command gives instead of starting, as an `Error` for `Result`.
struct ConductReply: Error {
    var reply: Reply
    init(_ reply: Reply) { self.reply = reply }
}
