/// Reads a flow file (`prompts/flows/NAME.flow`): an optional `flow` block, then `step` blocks.
///
/// ```
/// flow
///   doing: preparing the interview with {name}
///   stage: prepare
///
/// step boss
///   ask: Would {name} be your immediate boss?
///   answer: yes-no
///   save: immediate-boss
///   say-if-no: The ideal person to talk to is the one who would be your boss.
///   if-yes: summary
///   if-no: why-them
/// ```
public enum FlowParser {
    /// The keys a step may have.
    static let stepKeys = [
        "ask", "answer", "save", "label", "choice", "next", "if-yes", "if-no", "say", "say-if-yes",
        "say-if-no", "optional", "skip-if-known", "done", "suggest", "draft", "bank-for", "shared",
        "refers", "follow-up", "ignore", "from-live",
    ]
    /// The keys the `flow` block may have.
    static let flowKeys = ["doing", "stage", "finished", "check"]
    /// Keys a step may have at most once.
    static let singleKeys: Set = ["answer", "save", "label", "next", "if-yes", "if-no", "optional", "skip-if-known", "suggest", "bank-for", "shared", "refers", "follow-up"]

    /// Parses a flow; its name is the file's name without the folder and `.flow`.
    public static func parse(_ text: String, file: String) throws(PromptError) -> Flow {
        let blocks = try PromptDocument.parse(text, file: file)
        var flowBlock: PromptBlock?
        var steps: [Step] = []
        var firstSeen: [String: SourceLocation] = [:]
        for block in blocks {
            switch block.kind {
            case "flow":
                if let earlier = flowBlock {
                    throw PromptError(reason: .duplicateName("flow", firstSeen: earlier.location), location: block.location)
                }
                try block.checkKeys(flowKeys)
                flowBlock = block
            case "step":
                if let earlier = firstSeen[block.name] {
                    throw PromptError(reason: .duplicateName(block.name, firstSeen: earlier), location: block.location)
                }
                firstSeen[block.name] = block.location
                steps.append(try step(from: block))
            default:
                throw PromptError(reason: .unknownBlock(block.kind, expected: ["flow", "step"]), location: block.location)
            }
        }
        guard !steps.isEmpty else {
            throw PromptError(
                reason: .unreadable("this flow has no steps (expected at least one 'step NAME' block)"),
                location: SourceLocation(file: file, line: 1))
        }
        let name = flowName(file: file)
        let flow = Flow(
            name: name,
            doing: try flowBlock?.entries("doing").last.map { entry throws(PromptError) in try template(entry) }
                ?? TextTemplate(name)!,
            stage: try stage(flowBlock?.entries("stage").last),
            finishedStage: try flowBlock?.entries("finished").last.map { entry throws(PromptError) in try stage(entry) },
            steps: steps,
            checkChannel: try flowBlock?.entries("check").last.map { entry throws(PromptError) in try channel(entry) })
        try checkReferences(flow, blocks: blocks)
        return flow
    }

    /// `prompts/flows/prepare.flow` -> `prepare`.
    static func flowName(file: String) -> String {
        let last = file.split(separator: "/").last.map(String.init) ?? file
        return last.hasSuffix(".flow") ? String(last.dropLast(5)) : last
    }
}

private extension FlowParser {
    static func step(from block: PromptBlock) throws(PromptError) -> Step {
        try block.checkKeys(stepKeys)
        guard !block.name.isEmpty, block.name.allSatisfy(isNameCharacter) else {
            throw PromptError(
                reason: .badValue(key: "step", value: block.name, expected: "a step name of lowercase letters, digits and '-'"),
                location: block.location)
        }
        for key in singleKeys {
            let entries = block.entries(key)
            if entries.count > 1 {
                throw PromptError(
                    reason: .badValue(key: key, value: entries[1].value, expected: "one '\(key):' line per step"),
                    location: entries[1].location)
            }
        }
        let asks = try templates(block, "ask")
        let done = try templates(block, "done")
        let choices = try block.entries("choice").map { entry throws(PromptError) in try choice(entry) }
        let answer = try answerKind(block, hasChoices: !choices.isEmpty)
        let save = try block.entries("save").first.map { entry throws(PromptError) in try fieldName(entry) }
        let step = Step(
            name: block.name, location: block.location, asks: asks, answer: answer, save: save,
            label: block.value("label"), choices: choices, next: block.value("next"),
            ifYes: block.value("if-yes"), ifNo: block.value("if-no"), says: try templates(block, "say"),
            saysIfYes: try templates(block, "say-if-yes"), saysIfNo: try templates(block, "say-if-no"),
            isOptional: try flag(block, "optional"), skipsIfKnown: try flag(block, "skip-if-known"),
            isShared: try flag(block, "shared"), done: done,
            suggestion: try block.entries("suggest").first.map { entry throws(PromptError) in try template(entry) },
            draft: try templates(block, "draft"),
            bankFor: try block.entries("bank-for").first.map { entry throws(PromptError) in try template(entry) },
            refers: try flag(block, "refers"),
            followUp: try block.entries("follow-up").first.map { entry throws(PromptError) in try followUpKind(entry) },
            ignoredKinds: Set(block.entries("ignore").map(\.value)),
            fromLive: try block.entries("from-live").map { entry throws(PromptError) in try category(entry) })
        if step.answer != .email, let entry = block.entries("ignore").first {
            throw PromptError(
                reason: .badValue(key: "ignore", value: entry.value, expected: "'ignore:' only on an 'answer: email' step"),
                location: entry.location)
        }
        if step.refers, step.answer != .list, let entry = block.entries("refers").first {
            throw PromptError(
                reason: .badValue(key: "refers", value: entry.value, expected: "'refers:' only on an 'answer: list' step"),
                location: entry.location)
        }
        if step.answer != .text, step.answer != .list, let entry = block.entries("from-live").first {
            throw PromptError(
                reason: .badValue(key: "from-live", value: entry.value, expected: "'from-live:' only on an 'answer: text' or 'answer: list' step"),
                location: entry.location)
        }
        try checkShape(step, block)
        return step
    }

    static func checkShape(_ step: Step, _ block: PromptBlock) throws(PromptError) {
        if step.asks.isEmpty && step.done.isEmpty {
            throw PromptError(reason: .missingKey("ask", block: "step \(step.name)"), location: block.location)
        }
        if step.answer != .yesNo {
            for key in ["if-yes", "if-no", "say-if-yes", "say-if-no"] {
                if let entry = block.entries(key).first {
                    throw PromptError(
                        reason: .badValue(key: key, value: entry.value, expected: "'\(key):' only on an 'answer: yes-no' step"),
                        location: entry.location)
                }
            }
        }
        if step.isClosing {
            for key in ["answer", "save", "label", "choice", "next", "say", "optional", "skip-if-known"] {
                if let entry = block.entries(key).first {
                    throw PromptError(
                        reason: .badValue(
                            key: key, value: entry.value,
                            expected: "nothing but 'done:' lines on a closing step (add an 'ask:' to make it a question)"),
                        location: entry.location)
                }
            }
        } else if !step.done.isEmpty {
            for key in ["next", "if-yes", "if-no"] {
                if let entry = block.entries(key).first {
                    throw PromptError(
                        reason: .badValue(key: key, value: entry.value, expected: "no '\(key):' on a step whose 'done:' ends the flow"),
                        location: entry.location)
                }
            }
            if let entry = block.entries("choice").first(where: { $0.value.contains("->") }) {
                throw PromptError(
                    reason: .badValue(key: "choice", value: entry.value, expected: "no '-> step' on a step whose 'done:' ends the flow"),
                    location: entry.location)
            }
        }
        if (step.skipsIfKnown || step.isShared || !step.fromLive.isEmpty) && step.save == nil {
            throw PromptError(reason: .missingKey("save", block: "step \(step.name)"), location: block.location)
        }
        try checkKinds(step, block)
    }

    /// The keys that belong to one kind of answer: `suggest:` on text and minutes steps, `draft:`
    /// (required) on email steps, `save:` on every step but the question list (kept apart).
    static func checkKinds(_ step: Step, _ block: PromptBlock) throws(PromptError) {
        if let entry = block.entries("suggest").first, step.answer != .text {
            throw PromptError(
                reason: .badValue(key: "suggest", value: entry.value, expected: "'suggest:' only on an 'answer: text' step"),
                location: entry.location)
        }
        if step.answer == .email {
            if step.draft.isEmpty {
                throw PromptError(reason: .missingKey("draft", block: "step \(step.name)"), location: block.location)
            }
            if let entry = block.entries("choice").first(where: { !$0.value.contains("->") }) {
                throw PromptError(
                    reason: .badValue(key: "choice", value: entry.value, expected: "'part -> step' on an email step: the step that asks for that part"),
                    location: entry.location)
            }
        } else if let entry = block.entries("draft").first {
            throw PromptError(
                reason: .badValue(key: "draft", value: entry.value, expected: "'draft:' only on an 'answer: email' step"),
                location: entry.location)
        }
        if let entry = block.entries("bank-for").first, step.answer != .questions {
            throw PromptError(
                reason: .badValue(key: "bank-for", value: entry.value, expected: "'bank-for:' only on an 'answer: questions' step"),
                location: entry.location)
        }
        if step.answer == .questions, let entry = block.entries("save").first {
            throw PromptError(
                reason: .badValue(key: "save", value: entry.value, expected: "no 'save:' on an 'answer: questions' step (the list is kept on its own)"),
                location: entry.location)
        }
        if (step.answer == .minutes || step.answer == .email) && step.save == nil {
            throw PromptError(reason: .missingKey("save", block: "step \(step.name)"), location: block.location)
        }
    }

    static func answerKind(_ block: PromptBlock, hasChoices: Bool) throws(PromptError) -> Step.Answer {
        guard let entry = block.entries("answer").first else { return hasChoices ? .choice : .text }
        guard let answer = Step.Answer(rawValue: entry.value) else {
            throw PromptError(
                reason: .badValue(key: "answer", value: entry.value, expected: "text, yes-no, choice, list, questions, minutes or email"),
                location: entry.location)
        }
        if answer == .choice && !hasChoices {
            throw PromptError(reason: .missingKey("choice", block: "step \(block.name)"), location: block.location)
        }
        if answer != .choice, answer != .email, let choice = block.entries("choice").first {
            throw PromptError(
                reason: .badValue(key: "choice", value: choice.value, expected: "'choice:' only on an 'answer: choice' or 'answer: email' step"),
                location: choice.location)
        }
        return answer
    }

    static func choice(_ entry: PromptEntry) throws(PromptError) -> Step.Choice {
        let parts = entry.value.split(separator: "->", omittingEmptySubsequences: false)
        let label = parts[0].trimmingSpaces()
        let target = parts.count == 2 ? parts[1].trimmingSpaces() : nil
        guard !label.isEmpty, parts.count <= 2, target.map({ !$0.isEmpty }) ?? true else {
            throw PromptError(
                reason: .badValue(key: "choice", value: entry.value, expected: "'label -> step' or a label alone"),
                location: entry.location)
        }
        return Step.Choice(label: label, next: target)
    }

    static func flag(_ block: PromptBlock, _ key: String) throws(PromptError) -> Bool {
        guard let entry = block.entries(key).first else { return false }
        switch entry.value.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            throw PromptError(reason: .badValue(key: key, value: entry.value, expected: "true or false"), location: entry.location)
        }
    }

    static func fieldName(_ entry: PromptEntry) throws(PromptError) -> String {
        guard !entry.value.isEmpty, entry.value.allSatisfy(isNameCharacter) else {
            throw PromptError(
                reason: .badValue(key: entry.key, value: entry.value, expected: "a field name of lowercase letters, digits and '-'"),
                location: entry.location)
        }
        return entry.value
    }

    static func followUpKind(_ entry: PromptEntry) throws(PromptError) -> FollowUp.Kind {
        guard let kind = FollowUp.Kind(rawValue: entry.value), [.thankYou, .assignment, .nudge].contains(kind) else {
            throw PromptError(
                reason: .badValue(
                    key: "follow-up", value: entry.value,
                    expected: "thank-you (on the closing step), assignment (on a list step) or nudge (on an outreach email step)"),
                location: entry.location)
        }
        return kind
    }

    static func category(_ entry: PromptEntry) throws(PromptError) -> TiaraCategory {
        guard let category = TiaraCategory(rawValue: entry.value.lowercased()) else {
            let names = TiaraCategory.allCases.map(\.rawValue).joined(separator: ", ")
            throw PromptError(
                reason: .badValue(key: entry.key, value: entry.value, expected: "a TIARA category: \(names)"), location: entry.location)
        }
        return category
    }

    static func channel(_ entry: PromptEntry) throws(PromptError) -> Channel {
        guard let channel = Channel(rawValue: entry.value) else {
            let names = Channel.allCases.map(\.rawValue).joined(separator: ", ")
            throw PromptError(reason: .badValue(key: "check", value: entry.value, expected: "a channel: \(names)"), location: entry.location)
        }
        return channel
    }

    static func stage(_ entry: PromptEntry?) throws(PromptError) -> Stage {
        guard let entry else { return .prepare }
        guard let stage = Stage(rawValue: entry.value) else {
            throw PromptError(
                reason: .badValue(key: entry.key, value: entry.value, expected: "prepare, conduct, debrief or done"),
                location: entry.location)
        }
        return stage
    }

    static func templates(_ block: PromptBlock, _ key: String) throws(PromptError) -> [TextTemplate] {
        try block.entries(key).map { entry throws(PromptError) in try template(entry) }
    }

    static func template(_ entry: PromptEntry) throws(PromptError) -> TextTemplate {
        guard let template = TextTemplate(entry.value) else {
            throw PromptError(
                reason: .badValue(
                    key: entry.key, value: entry.value,
                    expected: "text whose {field} placeholders and [optional parts] are closed and not nested in braces"),
                location: entry.location)
        }
        return template
    }

    /// Every step named in `next`, `choice`, `if-yes` and `if-no` exists, and every placeholder names
    /// a field some step saves.
    static func checkReferences(_ flow: Flow, blocks: [PromptBlock]) throws(PromptError) {
        let names = Set(flow.steps.map(\.name))
        let fields = Set(flow.steps.compactMap(\.save))
        for block in blocks {
            for entry in block.entries {
                switch entry.key {
                case "next", "if-yes", "if-no":
                    if !names.contains(entry.value) {
                        throw PromptError(reason: .unknownStep(entry.value), location: entry.location)
                    }
                case "choice":
                    if let target = try choice(entry).next, !names.contains(target) {
                        throw PromptError(reason: .unknownStep(target), location: entry.location)
                    }
                case "ask", "say", "say-if-yes", "say-if-no", "done", "doing", "suggest", "draft", "bank-for":
                    for field in try template(entry).fields where !fields.contains(field) {
                        throw PromptError(
                            reason: .badValue(
                                key: entry.key, value: entry.value,
                                expected: "placeholders naming a field a step saves (\(fields.sorted().map { "{\($0)}" }.joined(separator: ", ")))"),
                            location: entry.location)
                    }
                default:
                    continue
                }
            }
        }
    }

    static func isNameCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLowercase || character.isNumber || character == "-")
    }
}
