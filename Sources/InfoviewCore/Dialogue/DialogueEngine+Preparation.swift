/// What the chat says about an interview's preparation: its status on the home screen and in
/// `/list`, and the question list, time plan and email in `/show`.
extension DialogueEngine {
    /// The status after an interview's stage: how the question list stands against the time
    /// ("questions: 6 of ~8, no Resources yet"), and what comes next.
    func status(of interview: Overview.Interview) -> String {
        var parts: [String] = []
        if interview.questions.isEmpty {
            if interview.stage == .prepare { parts.append(messages.text("next-no-questions")) }
        } else {
            let list = QuestionList(interview.questions)
            let fits = messages.timing.questionsThatFit(in: minutes(of: interview))
            let empty = list.emptyCategories.map { messages.name(of: $0) }.joined(separator: ", ")
            parts.append(messages.text("next-questions", ["count": String(list.count), "fits": String(fits), "empty": empty]))
        }
        if let progress = interview.interrupted, let step = library.flows[progress.flow]?.step(named: progress.step) {
            parts.append(messages.text("next-step", ["label": step.label ?? step.name]))
        } else if interview.stage == .conduct {
            parts.append(messages.text("next-ready", ["name": interview.name]))
        }
        return parts.joined(separator: "; ")
    }

    /// The minutes the interview's plan is for: the answer given, else the usual length.
    func minutes(of interview: Overview.Interview) -> Int {
        let saved = library.minutesFields.lazy.compactMap { interview.answers[$0].flatMap { Int($0) } }.first
        return saved ?? messages.timing.defaultMinutes
    }

    /// The question list with the time plan's marks, then the outreach email, for `/show`.
    func preparation(of interview: Overview.Interview) -> Reply {
        var reply = Reply()
        if !interview.questions.isEmpty {
            let minutes = minutes(of: interview)
            let plan = TimePlan(minutes: minutes, questions: interview.questions, timing: messages.timing)
            reply.add(
                messages.text(
                    "show-questions-heading", ["count": String(interview.questions.count), "fits": String(plan.fits), "minutes": String(minutes)]))
            reply.lines += flowEngine("prepare").questionLines(interview.questions, plan: plan).lines
        }
        if let email = library.outreachFields.lazy.compactMap({ interview.answers[$0] }).first(where: { !$0.isEmpty }) {
            reply.add(messages.text("show-email-heading"))
            reply.lines += email.split(separator: "\n", omittingEmptySubsequences: false).map { Reply.Line(String($0)) }
        }
        let outreach = Set(library.outreachFields)
        for (field, label) in library.fieldLabels where library.emailFields.contains(field) && !outreach.contains(field) {
            guard let text = interview.answers[field], !text.isEmpty else { continue }
            reply.add(messages.text("show-note-heading", ["label": label]))
            reply.lines += text.split(separator: "\n", omittingEmptySubsequences: false).map { Reply.Line(String($0)) }
        }
        return reply
    }
}

extension PromptLibrary {
    /// The fields that email steps save: shown whole, apart from the one-line answers.
    var emailFields: Set<String> {
        Set(flows.values.flatMap(\.steps).filter { $0.answer == .email }.compactMap(\.save))
    }

    /// The outreach email's fields: those of the preparing flow's email steps.
    var outreachFields: [String] {
        (flows["prepare"]?.steps ?? []).filter { $0.answer == .email }.compactMap(\.save)
    }

    /// The email fields and the fields of the parts they are made of (the steps their choices
    /// lead to): summaries show the email whole instead of its parts.
    var emailAndPartFields: Set<String> {
        var fields = emailFields
        for flow in flows.values {
            for step in flow.steps where step.answer == .email {
                for target in step.choices.compactMap(\.next) {
                    if let field = flow.step(named: target)?.save { fields.insert(field) }
                }
            }
        }
        return fields
    }

    /// The fields that time-plan steps save.
    var minutesFields: [String] {
        flows.values.sorted { $0.name < $1.name }.flatMap(\.steps).filter { $0.answer == .minutes }.compactMap(\.save)
    }
}
