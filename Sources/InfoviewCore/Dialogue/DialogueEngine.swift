import Foundation

/// The conversation behind the prompt: commands, sentences routed by intents, and flows.
///
/// Pure: it reads no files, clock or globals. The same prompts, state, overview, input and
/// generator always give the same `Turn`; the caller applies the turn's effects.
public struct DialogueEngine: Sendable {
    /// The prompts the engine speaks with.
    public let library: PromptLibrary
    /// How `/report` draws its pictures: plain ASCII unless the caller knows the output is a
    /// terminal that shows more.
    public var drawing: Drawing

    /// Creates an engine over a library.
    public init(library: PromptLibrary, drawing: Drawing = .plain) {
        self.library = library
        self.drawing = drawing
    }

    var messages: MessageBook { library.messages }

    /// What to show when the app opens: the interviews, the goal, any interrupted flow, what next.
    public func greeting(_ overview: Overview, using random: inout some RandomNumberGenerator) -> Reply {
        var reply = Reply()
        let welcome = overview.interviews.isEmpty ? "welcome" : "welcome-back"
        add(messages.lines(welcome, using: &random), to: &reply, style: .heading)
        reply.lines += interviewLines(overview).lines
        add([goalLine(overview)], to: &reply)
        reply.lines += dueFollowUps(overview).lines
        if let paused = pausedConduct(overview) {
            let minute = paused.minute >= 0 ? String(paused.minute) : ""
            reply.add(messages.text("conduct-paused", ["doing": paused.doing, "minute": minute, "minutes": String(paused.minutes)]))
        } else if let name = overview.recentlyInterrupted.first, let interview = overview.interview(named: name),
            let progress = interview.interrupted
        {
            reply.lines += interruptedLines(interview, progress, more: overview.recentlyInterrupted.count - 1).lines
        } else {
            let suggestion = overview.interviews.isEmpty ? "suggest-prepare" : "suggest-next"
            add(messages.lines(suggestion, using: &random), to: &reply)
        }
        return reply
    }

    /// Answers one line. `now` is the time outside, which the live checklist measures the
    /// meeting by; without it, the checklist counts no time.
    public func respond(
        to input: String, in state: Conversation, overview: Overview, now: Date? = nil,
        using random: inout some RandomNumberGenerator
    ) -> Turn {
        if let typed = SlashCommand.word(of: input) {
            guard let command = SlashCommand(rawValue: typed.word.lowercased()) else {
                return Turn(reply: unknownCommand(typed.word), state: state)
            }
            return run(command, argument: typed.rest, in: state, overview: overview, now: now, using: &random)
        }
        if let progress = state.flow {
            let engine = flowEngine(progress.flow, for: overview)
            let outcome = engine.respond(to: input, in: progress, overview: overview, using: &random)
            return turn(outcome, state)
        }
        if let turn = conduct(input, in: state, overview: overview, now: now, using: &random) { return turn }
        return chat(input, in: state, overview: overview, using: &random)
    }

    /// Ctrl-C on an empty line: leaves the current flow, rehearsal or live checklist (everything
    /// kept, to resume), or says how to leave.
    public func interrupt(in state: Conversation, using random: inout some RandomNumberGenerator) -> Turn {
        if let progress = state.flow {
            return turn(flowEngine(progress.flow).stop(progress), state)
        }
        if let progress = state.rehearsal { return turn(rehearsalEngine.stop(progress), state) }
        if let progress = state.live { return turn(liveEngine.pause(progress), state) }
        return Turn(reply: Reply(messages.lines("interrupt-home", using: &random).map { Reply.Line($0, style: .dim) }), state: state)
    }

    /// Ctrl-D, the end of input or `/quit`: says goodbye; everything is already saved.
    public func quit(in state: Conversation, using random: inout some RandomNumberGenerator) -> Turn {
        let doing = doing(state) ?? ""
        var next = state
        next.hasQuit = true
        return Turn(reply: Reply(plain: messages.lines("quit", ["doing": doing], using: &random)), state: next)
    }

    /// The prompt for the next line: `>` at home, the flow's name inside a flow, the minutes
    /// used in a rehearsal or a live meeting (`now` is the time outside).
    public func prompt(in state: Conversation, now: Date? = nil) -> String {
        if let progress = state.flow { return messages.text("prompt-flow", ["flow": progress.flow]) + " " }
        if let prompt = conductPrompt(state, now: now) { return prompt }
        return messages.text("prompt-home") + " "
    }

    /// Completions for the word being typed: slash commands, and interview names after a command
    /// that takes one.
    public func completions(for text: String, in line: String, state: Conversation, overview: Overview) -> [String] {
        let before = line.trimmingSpaces()
        if text.hasPrefix("/") || before.isEmpty || before == text {
            let place: Set<SlashCommand.Place> =
                state.flow != nil ? [.home, .flow] : state.rehearsal != nil || state.live != nil ? [.home, .flow, .conduct] : [.home]
            return SlashCommand.allCases.filter { place.contains($0.place) }.map(\.typed)
                .filter { $0.hasPrefix(text.lowercased()) }
        }
        let first = before.split(separator: " ").first.map { $0.lowercased() } ?? ""
        guard ["/prepare", "/debrief", "/show", "/resume", "/rehearse", "/live", "/scorecards"].contains(first) else { return [] }
        let typed = text.lowercased()
        return overview.interviews.map(\.name).filter { $0.lowercased().hasPrefix(typed) }
    }
}

extension DialogueEngine {
    /// The engine of a flow; with an overview, it knows the muted rules and the live notes.
    func flowEngine(_ name: String, for overview: Overview? = nil) -> FlowEngine {
        FlowEngine(
            flow: library.flows[name] ?? library.flows["prepare"]!, library: library, muted: overview?.mutedRules ?? [],
            meetings: overview?.liveSessions ?? [])
    }

    func turn(_ outcome: FlowEngine.Outcome, _ state: Conversation) -> Turn {
        var next = state
        next.mode = outcome.progress.map { .flow($0) } ?? .home
        if !outcome.findings.isEmpty { next.lastFindings = outcome.findings }
        return Turn(reply: outcome.reply, state: next, effects: outcome.effects)
    }

    func add(_ lines: [String], to reply: inout Reply, style: Reply.Style = .plain) {
        for line in lines where !line.isEmpty { reply.add(line, style: style) }
    }

    func stageWord(_ stage: Stage) -> String {
        messages.text("stage-\(stage.rawValue)")
    }

    /// The interviews, one line each, or the line that says there are none.
    func interviewLines(_ overview: Overview) -> Reply {
        var reply = Reply()
        guard !overview.interviews.isEmpty else {
            reply.add(messages.text("no-interviews"))
            return reply
        }
        reply.add(messages.text("interviews-heading"))
        for interview in overview.interviews {
            var values = interview.answers
            values["name"] = interview.name
            values["stage"] = stageWord(interview.stage)
            values["next"] = status(of: interview)
            reply.add(messages.text("interview-line", values))
        }
        return reply
    }

    func counts(_ overview: Overview) -> [String: String] {
        let done = overview.interviews.filter { $0.stage == .done }.count
        let preparing = overview.interviews.filter { $0.stage == .prepare }.count
        return [
            "done": String(done), "total": String(overview.interviews.count), "preparing": String(preparing),
            "min": String(messages.goalMinimum), "max": String(messages.goalMaximum),
        ]
    }

    func goalLine(_ overview: Overview) -> String {
        messages.text("goal", counts(overview))
    }

    /// "You were preparing the interview with Sam (step: role)", what was typed so far, how to resume.
    func interruptedLines(_ interview: Overview.Interview, _ progress: FlowProgress, more: Int) -> Reply {
        var reply = Reply()
        let engine = flowEngine(progress.flow)
        reply.add(messages.text("interrupted", ["doing": engine.doing(progress), "step": progress.step, "name": interview.name]))
        reply.lines += answerLines(progress.answers.filter { $0.key != InterviewName.field }, heading: "so-far").lines
        reply.add(
            messages.text("resume-hint", ["name": interview.name, "more": more > 0 ? String(more) : ""]), style: .dim)
        return reply
    }

    /// Saved answers as `label: value` lines, in the order the flows ask for them.
    func answerLines(_ answers: [String: String], heading: String?) -> Reply {
        var reply = Reply()
        let apart = library.emailAndPartFields
        let labels = library.fieldLabels.filter { !apart.contains($0.field) }
        let known = Set(labels.map(\.field)).union(apart)
        let ordered = labels.filter { answers[$0.field] != nil }
            + answers.keys.filter { !known.contains($0) }.sorted().map { ($0, $0) }
        guard !ordered.isEmpty else { return reply }
        if let heading { reply.add(messages.text(heading)) }
        for (field, label) in ordered {
            let value = answers[field]!.split(separator: "\n").joined(separator: "; ")
            reply.add(messages.text("answer-line", ["label": label, "value": value]))
        }
        return reply
    }
}
