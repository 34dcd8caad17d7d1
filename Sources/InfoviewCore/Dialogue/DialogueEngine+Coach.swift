/// `/check`, `/why`, `/mute` and `/unmute`: the coach at the prompt.
extension DialogueEngine {
    /// `/check TEXT`: what the coach says about one text (a pasted email is read as an email).
    func check(_ text: String, _ state: Conversation, _ overview: Overview) -> Turn {
        guard !text.isEmpty else { return Turn(reply: dim(messages.text("check-usage")), state: state) }
        var coach = library.coach(muted: overview.mutedRules)
        let findings = coach.checkDocument(text, channel: Channel.guess(for: text))
        var next = state
        next.lastFindings = findings
        guard !findings.isEmpty else { return Turn(reply: Reply(plain: [messages.text("check-clean")]), state: next) }
        return Turn(reply: messages.report(findings), state: next)
    }

    /// `/why`: which rule said what, and on which words; `/why RULE`: what a rule is for.
    func why(_ argument: String, _ state: Conversation, _ overview: Overview) -> Turn {
        let book = library.rules
        if !argument.isEmpty {
            if let rule = book.allRules.first(where: { $0.id == argument }) {
                return Turn(
                    reply: Reply(plain: [messages.text("why-rule", ["rule": rule.id, "location": rule.location.description, "why": rule.why])]),
                    state: state)
            }
            if let lint = book.allLints.first(where: { $0.id == argument }) {
                return Turn(
                    reply: Reply(plain: [messages.text("why-rule", ["rule": lint.id, "location": lint.location.description, "why": lint.why])]),
                    state: state)
            }
            return Turn(reply: dim(messages.text("why-unknown", ["rule": argument, "nearest": nearestRule(argument)])), state: state)
        }
        guard !state.lastFindings.isEmpty else { return Turn(reply: dim(messages.text("why-nothing")), state: state) }
        var reply = Reply()
        for finding in state.lastFindings {
            reply.add(
                messages.text(
                    "why-finding",
                    ["rule": finding.rule, "location": finding.location, "pattern": finding.pattern, "matched": finding.matched]))
        }
        return Turn(reply: reply, state: state)
    }

    /// `/mute RULE`: the rule stays silent from now on (recorded); `/mute` lists the muted ones.
    func mute(_ argument: String, _ state: Conversation, _ overview: Overview) -> Turn {
        guard !argument.isEmpty else {
            let muted = overview.mutedRules.sorted().joined(separator: ", ")
            return Turn(reply: dim(messages.text("mute-usage", ["muted": muted])), state: state)
        }
        guard ruleIDs.contains(argument) else {
            return Turn(reply: dim(messages.text("mute-unknown", ["rule": argument, "nearest": nearestRule(argument)])), state: state)
        }
        return Turn(reply: Reply(plain: [messages.text("mute-done", ["rule": argument])]), state: state, effects: [.mute(rule: argument)])
    }

    /// `/unmute RULE`.
    func unmute(_ argument: String, _ state: Conversation, _ overview: Overview) -> Turn {
        guard overview.mutedRules.contains(argument) else {
            return Turn(reply: dim(messages.text("unmute-not-muted", ["rule": argument])), state: state)
        }
        return Turn(reply: Reply(plain: [messages.text("unmute-done", ["rule": argument])]), state: state, effects: [.unmute(rule: argument)])
    }

    private var ruleIDs: [String] { library.rules.allRules.map(\.id) + library.rules.allLints.map(\.id) }

    private func nearestRule(_ text: String) -> String {
        Nearest.word(to: text, among: ruleIDs) ?? ""
    }
}
