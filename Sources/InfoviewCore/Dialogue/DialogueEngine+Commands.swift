import Foundation

/// The slash commands and the sentences at home.
extension DialogueEngine {
    func run(
        _ command: SlashCommand, argument: String, in state: Conversation, overview: Overview, now: Date? = nil,
        using random: inout some RandomNumberGenerator
    ) -> Turn {
        let inFlow = state.flow
        switch command {
        case .back, .skip, .stop:
            if let turn = conductCommand(command, state, now: now) { return turn }
            guard let progress = inFlow else {
                return Turn(reply: dim(messages.text("not-in-flow", ["command": command.typed])), state: state)
            }
            let engine = flowEngine(progress.flow, for: overview)
            switch command {
            case .back: return turn(engine.back(progress, using: &random), state)
            case .skip: return turn(engine.skip(progress, using: &random), state)
            default: return turn(engine.stop(progress), state)
            }
        case .prepare, .debrief, .resume, .rehearse, .live:
            if let doing = doing(state) {
                return Turn(reply: dim(messages.text("in-flow-busy", ["doing": doing, "command": command.typed])), state: state)
            }
            switch command {
            case .prepare: return prepare(argument, state, overview, using: &random)
            case .debrief: return debrief(argument, state, overview, using: &random)
            case .rehearse: return rehearse(argument, state, overview, using: &random)
            case .live: return live(argument, state, overview, now: now)
            default: return resume(argument, state, overview, now: now, using: &random)
            }
        case .scorecards:
            return Turn(reply: scorecards(argument, overview), state: state)
        case .retry:
            return retry(state)
        case .next:
            return next(state, overview, now: now, using: &random)
        case .help:
            return Turn(reply: help(), state: state)
        case .list:
            return Turn(reply: listing(overview), state: state)
        case .report:
            return Turn(reply: report(overview), state: state)
        case .done:
            return markDone(argument, state, overview)
        case .show:
            return Turn(reply: show(argument, overview), state: state)
        case .quit:
            return quit(in: state, using: &random)
        case .check:
            return check(argument, state, overview)
        case .why:
            return why(argument, state, overview)
        case .mute:
            return mute(argument, state, overview)
        case .unmute:
            return unmute(argument, state, overview)
        }
    }

    /// A sentence at home: routed by the intents in `prompts/chat/*.rules`, else a short hint.
    func chat(_ input: String, in state: Conversation, overview: Overview, using random: inout some RandomNumberGenerator) -> Turn {
        guard !input.trimmingSpaces().isEmpty else { return Turn(reply: Reply(), state: state) }
        guard input.utf8.count <= Self.longestRequest, let routed = route(input), let action = HomeAction(routed.action) else {
            return notUnderstood(state, using: &random)
        }
        var reply = Reply()
        if let said = random.pick(routed.replies) { reply.add(said) }
        var turn: Turn
        switch action {
        case .progress:
            turn = Turn(reply: Reply(plain: messages.lines("progress", counts(overview), using: &random)), state: state)
        case .explain:
            turn = Turn(reply: Reply(plain: messages.lines("explain", using: &random)), state: state)
        case .reply:
            turn = Turn(reply: Reply(), state: state)
        case .command(let command, let argument):
            turn = run(command, argument: argument, in: state, overview: overview, using: &random)
        }
        turn.reply.lines = reply.lines + turn.reply.lines
        return turn
    }

    /// Longer lines are not requests (a pasted page, a stuck key): they get the hint without
    /// being matched, so no line can keep the prompt waiting.
    static let longestRequest = 1_000

    /// A short hint, never the same variant twice in a row.
    func notUnderstood(_ state: Conversation, using random: inout some RandomNumberGenerator) -> Turn {
        let variants = messages.messages["not-understood"]?.variants ?? []
        guard !variants.isEmpty else {
            return Turn(reply: Reply(plain: messages.lines("not-understood", using: &random)), state: state)
        }
        let choices = variants.indices.filter { $0 != state.lastFallback || variants.count == 1 }
        guard let index = random.pick(choices) else { return Turn(reply: Reply(), state: state) }
        var next = state
        next.lastFallback = index
        return Turn(reply: Reply(plain: [variants[index].render([:])]), state: next)
    }

    /// The intent a sentence matches: its action and what it may say first.
    func route(_ input: String) -> (action: String, replies: [String])? {
        guard let match = library.intents.match(input) else { return nil }
        return (match.action, match.replies)
    }

    func prepare(_ argument: String, _ state: Conversation, _ overview: Overview, using random: inout some RandomNumberGenerator) -> Turn {
        let engine = flowEngine("prepare", for: overview)
        let shared = sharedAnswers(engine.flow, overview)
        switch opening(engine, argument, state, overview, shared: shared, using: &random) {
        case .answered(let answered):
            return answered
        case .new(let name):
            return startNew(name, engine, shared: shared, state, using: &random)
        case .existing(let existing, let answers, let missing):
            var outcome = engine.startAgain(interview: existing.name, answers: answers, questions: existing.questions, using: &random)
            outcome.reply.lines.insert(Reply.Line(messages.text("prepare-again", ["name": existing.name])), at: 0)
            outcome.effects.insert(
                contentsOf: [.startInterview(name: existing.name, stage: engine.flow.stage)] + saves(missing, engine.flow, existing.name),
                at: 0)
            return turn(outcome, state)
        }
    }

    /// How `/prepare NAME` and `/debrief NAME` begin before they differ.
    enum FlowOpening {
        /// Answered already: no name (the flow asks for one), a name refused, or the interview's
        /// interrupted run of this flow resumed.
        case answered(Turn)
        /// A name not on the list.
        case new(String)
        /// An interview on the list: its answers (with its name) and the shared answers it lacks.
        case existing(Overview.Interview, answers: [String: String], missing: [String: String])
    }

    func opening(
        _ engine: FlowEngine, _ argument: String, _ state: Conversation, _ overview: Overview, shared: [String: String],
        using random: inout some RandomNumberGenerator
    ) -> FlowOpening {
        guard !argument.isEmpty else {
            return .answered(turn(engine.start(interview: nil, answers: shared, using: &random), state))
        }
        guard let name = InterviewName.clean(argument) else {
            return .answered(Turn(reply: dim(messages.text("name-too-long", ["max": String(InterviewName.maximumLength)])), state: state))
        }
        guard let existing = overview.interview(named: name) else { return .new(name) }
        if let progress = existing.interrupted, progress.flow == engine.flow.name {
            return .answered(resume(progress, existing, state, overview, using: &random))
        }
        let missing = shared.filter { (existing.answers[$0.key] ?? "").isEmpty }
        return .existing(existing, answers: knownName(existing).merging(missing) { _, new in new }, missing: missing)
    }

    /// A flow started on a name not on the list: the interview is created with that name and the
    /// shared answers, saved under the steps that ask for them.
    func startNew(
        _ name: String, _ engine: FlowEngine, shared: [String: String], _ state: Conversation, using random: inout some RandomNumberGenerator
    ) -> Turn {
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

    /// The latest answer to each `shared:` step (the user's own name, say) among the interviews,
    /// for a new one to start with.
    func sharedAnswers(_ flow: Flow, _ overview: Overview) -> [String: String] {
        var answers: [String: String] = [:]
        for field in flow.steps.filter(\.isShared).compactMap(\.save) {
            if let value = overview.interviews.reversed().lazy.compactMap({ $0.answers[field] }).first(where: { !$0.isEmpty }) {
                answers[field] = value
            }
        }
        return answers
    }

    /// An interview's answers with its name among them: one added as a referral has no answer
    /// for the name yet, and a flow opened on it must not ask who it is.
    func knownName(_ interview: Overview.Interview) -> [String: String] {
        var answers = interview.answers
        if (answers[InterviewName.field] ?? "").isEmpty { answers[InterviewName.field] = interview.name }
        return answers
    }

    /// Save effects for answers given before, under the steps that ask for them.
    func saves(_ answers: [String: String], _ flow: Flow, _ name: String) -> [Effect] {
        answers.sorted { $0.key < $1.key }.map { field, value in
            let step = flow.steps.first { $0.save == field }?.name ?? ""
            return .save(interview: name, flow: flow.name, step: step, field: field, value: value)
        }
    }

    func resume(
        _ argument: String, _ state: Conversation, _ overview: Overview, now: Date?, using random: inout some RandomNumberGenerator
    ) -> Turn {
        if argument.isEmpty, pausedConduct(overview) != nil, let turn = resumeConduct("", state, overview, now: now) { return turn }
        let name = argument.isEmpty ? overview.recentlyInterrupted.first : argument
        if let name, let interview = overview.interview(named: name), let progress = interview.interrupted {
            return resume(progress, interview, state, overview, using: &random)
        }
        if let turn = resumeConduct(argument, state, overview, now: now) { return turn }
        guard let name else { return Turn(reply: dim(messages.text("resume-none")), state: state) }
        return Turn(reply: dim(messages.text("resume-unknown", ["name": name])), state: state)
    }

    func resume(
        _ progress: FlowProgress, _ interview: Overview.Interview, _ state: Conversation, _ overview: Overview,
        using random: inout some RandomNumberGenerator
    ) -> Turn {
        let engine = flowEngine(progress.flow, for: overview)
        var outcome = engine.ask(progress, using: &random)
        var reply = Reply()
        reply.add(messages.text("resumed", ["doing": engine.doing(progress)]))
        reply.lines += answerLines(progress.answers.filter { $0.key != InterviewName.field }, heading: "so-far").lines
        outcome.reply.lines = reply.lines + outcome.reply.lines
        return turn(outcome, state)
    }

    func help() -> Reply {
        var reply = Reply()
        reply.add(messages.text("help-heading"), style: .heading)
        let width = messages.commands.map(\.usage.count).max() ?? 0
        func line(_ help: MessageBook.CommandHelp) -> String {
            help.usage + String(repeating: " ", count: width - help.usage.count + 2) + help.does
        }
        for help in messages.commands where help.place == .home { reply.add(line(help)) }
        reply.add(messages.text("help-flow-heading"), style: .heading)
        for help in messages.commands where help.place == .flow { reply.add(line(help)) }
        reply.add(messages.text("help-conduct-heading"), style: .heading)
        for help in messages.commands where help.place == .conduct { reply.add(line(help)) }
        reply.add(messages.text("help-chat"), style: .dim)
        return reply
    }

    /// The interviews with their stage, and the goal: what `/list` and `infoview list` show.
    public func listing(_ overview: Overview) -> Reply {
        guard !overview.interviews.isEmpty else {
            var reply = Reply()
            reply.add(messages.text("list-empty"))
            reply.add(goalLine(overview))
            return reply
        }
        var reply = Reply()
        reply.add(messages.text("list-heading"), style: .heading)
        reply.lines += interviewLines(overview).lines.dropFirst()
        reply.add(goalLine(overview))
        return reply
    }

    func show(_ argument: String, _ overview: Overview) -> Reply {
        guard !argument.isEmpty else { return dim(messages.text("show-which")) }
        guard let interview = overview.interview(named: argument) else {
            let nearest = Nearest.word(to: argument, among: overview.interviews.map(\.name)) ?? ""
            return dim(messages.text("show-unknown", ["name": argument, "nearest": nearest]))
        }
        var reply = Reply()
        reply.add(messages.text("show-heading", ["name": interview.name, "stage": stageWord(interview.stage)]), style: .heading)
        if let referrer = interview.referredBy { reply.add(messages.text("show-referred-by", ["name": referrer])) }
        var answers = interview.answers
        answers[InterviewName.field] = nil
        let lines = answerLines(answers, heading: nil)
        if lines.lines.isEmpty && interview.questions.isEmpty {
            reply.add(messages.text("show-nothing", ["name": interview.name]))
        }
        reply.lines += lines.lines
        reply.lines += preparation(of: interview).lines
        reply.lines += conduct(of: interview, overview).lines
        if let progress = interview.interrupted {
            let doing = flowEngine(progress.flow).doing(progress)
            reply.add(messages.text("show-paused", ["doing": doing, "step": progress.step]), style: .dim)
        }
        return reply
    }

    func unknownCommand(_ word: String) -> Reply {
        let nearest = Nearest.word(to: word.lowercased(), among: SlashCommand.allCases.map(\.rawValue)).map { "/" + $0 } ?? ""
        let shown = "/" + String(word.prefix(40))
        return dim(messages.text("unknown-command", ["command": shown, "nearest": nearest]))
    }

    func dim(_ text: String) -> Reply {
        Reply([Reply.Line(text, style: .dim)])
    }
}
