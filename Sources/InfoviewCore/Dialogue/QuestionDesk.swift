/// Builds an interview's question list one line at a time: it offers suggestions from the
/// field's bank in TIARA order, takes the user's own questions after the coach has read them,
/// and edits the list (reword, delete, move, re-file).
///
/// Pure: it holds the list and the step's detail, and says what happened in `reply`; the flow
/// engine saves the result.
struct QuestionDesk {
    /// The list being built.
    var list: QuestionList
    /// The suggestion on offer, a flagged question waiting for a keystroke, an edit.
    var detail: StepDetail
    /// Whether the user has finished the list.
    private(set) var isDone = false
    /// What to say.
    var reply = Reply()
    /// What the coach said about the questions typed, for `/why`.
    var findings: [Finding] = []
    /// The suggestions in the order they are offered.
    let suggestions: [QuestionBank.Question]
    let library: PromptLibrary
    let muted: Set<String>

    var messages: MessageBook { library.messages }
    var settings: QuestionListSettings { messages.questionList }

    /// What the step says when it opens: where the suggestions come from, the keys, the closing
    /// question (put on a fresh list once), the list so far and the first suggestion.
    mutating func open(bank: QuestionBank) {
        say("questions-bank", ["bank": bank.title])
        say("questions-keys", style: .dim)
        if !detail.hasClosing {
            detail.hasClosing = true
            if list.isEmpty {
                list.add(PlannedQuestion(text: settings.closing, category: settings.closingCategory, origin: .closing))
                say("questions-closing", ["closing": settings.closing], style: .tip)
            }
        }
        if list.questions.contains(where: { $0.origin != .closing }) {
            say("questions-so-far", ["count": String(list.count)])
            say("coverage", coverage())
        }
        switch detail.awaiting {
        case .edit(let index):
            let text = index.flatMap { list.questions.indices.contains($0) ? list.questions[$0].text : nil } ?? offer?.text ?? ""
            say("question-edit", ["text": text])
        case .rewrite(let offer):
            say("question-waiting", ["text": offer.original])
            if let rewrite = offer.rewrite { say("finding-instead", ["instead": rewrite]) }
            say(keys(for: offer), style: .dim)
        case .paste, nil:
            showOffer(announcingEnd: true)
        }
    }

    /// Answers one line: a key, a command, or a question of the user's own.
    mutating func handle(_ input: String, typed: String) {
        let line = input.trimmingSpaces()
        if case .edit(let index) = detail.awaiting {
            detail.awaiting = nil
            guard !line.isEmpty else {
                say("question-unchanged", style: .dim)
                return showOffer()
            }
            return submit(line, replacing: index, fromSuggestion: index == nil)
        }
        if case .rewrite(let offer) = detail.awaiting {
            if answerOffer(offer, line: line, typed: typed) { return }
            detail.awaiting = nil
        }
        if line == "?" || isWord(typed, "commands") {
            reply.lines += messages.messages["questions-commands"]?.lines.map { Reply.Line($0.render([:]), style: .dim) } ?? []
        } else if line.isEmpty || isWord(typed, "add") {
            addSuggestion()
        } else if isWord(typed, "pass") {
            pass()
        } else if isWord(typed, "edit") {
            editSuggestion()
        } else if isWord(typed, "list") {
            showList()
            showOffer()
        } else if isWord(typed, "next") {
            nextCategory()
        } else if isWord(typed, "done") {
            finish()
        } else if runNumbered(line) {
            return
        } else if line.hasSuffix("?") || line.split(separator: " ").count >= 3 {
            submit(line, replacing: nil, fromSuggestion: false)
        } else {
            say("question-unclear", style: .dim)
        }
    }

    /// Passes on the suggestion on offer.
    mutating func pass() {
        guard let index = offerIndex else { return say("questions-no-more") }
        detail.cursor = index + 1
        showOffer(announcingEnd: true)
    }
}

private extension QuestionDesk {
    /// The index of the suggestion on offer: the first from the cursor on that is not on the
    /// list yet, in a category that still has room.
    var offerIndex: Int? {
        guard detail.cursor < suggestions.count else { return nil }
        let counts = Dictionary(grouping: list.questions, by: \.category).mapValues(\.count)
        return (detail.cursor..<suggestions.count).first { index in
            let suggestion = suggestions[index]
            return (counts[suggestion.category] ?? 0) < settings.perCategory && !list.contains(suggestion.text)
        }
    }

    var offer: QuestionBank.Question? { offerIndex.map { suggestions[$0] } }

    func isWord(_ typed: String, _ list: String) -> Bool {
        messages.words[list]?.contains(typed) ?? false
    }

    mutating func say(_ message: String, _ values: [String: String] = [:], style: Reply.Style = .plain) {
        reply.add(messages.text(message, values), style: style)
    }

    func category(of text: String) -> TiaraCategory {
        if settings.isLikeClosing(text) { return settings.closingCategory }
        return QuestionClassifier(banks: library.banks).category(of: text) ?? settings.usualCategory
    }

    func emptyNames() -> String {
        list.emptyCategories.map { messages.name(of: $0) }.joined(separator: ", ")
    }

    func coverage() -> [String: String] {
        let meter = list.coverage.map { messages.text("coverage-item", ["category": messages.name(of: $0.category), "count": String($0.count)]) }
        return ["meter": meter.joined(separator: ", "), "empty": emptyNames()]
    }

    /// The suggestion on offer, or (when asked to) that there are no more.
    mutating func showOffer(announcingEnd: Bool = false) {
        if let offer {
            say("question-suggested", ["category": messages.name(of: offer.category), "text": offer.text])
        } else if announcingEnd {
            say("questions-no-more")
        }
    }

    mutating func addSuggestion() {
        guard let index = offerIndex else { return say("questions-no-more") }
        let suggestion = suggestions[index]
        detail.cursor = index + 1
        let place = list.add(PlannedQuestion(text: suggestion.text, category: suggestion.category, origin: .suggested))
        say("question-added", ["number": String(place + 1), "category": messages.name(of: suggestion.category), "empty": emptyNames()])
        showOffer(announcingEnd: true)
    }

    mutating func editSuggestion() {
        guard let offer else { return say("question-unclear", style: .dim) }
        detail.awaiting = .edit(index: nil)
        say("question-edit", ["text": offer.text])
    }

    mutating func nextCategory() {
        guard let index = offerIndex else { return say("questions-no-more") }
        let current = suggestions[index].category
        detail.cursor = suggestions.indices.first { $0 > index && suggestions[$0].category > current } ?? suggestions.count
        showOffer(announcingEnd: true)
    }

    mutating func finish() {
        if !list.emptyCategories.isEmpty && !detail.warnedEmpty {
            detail.warnedEmpty = true
            return say("questions-done-empty", ["empty": emptyNames()])
        }
        say("questions-done", ["count": String(list.count)])
        isDone = true
    }

    mutating func showList() {
        guard !list.isEmpty else { return say("questions-list-empty") }
        say("questions-list-heading", ["count": String(list.count)])
        for (index, question) in list.questions.enumerated() {
            say("question-line", ["number": String(index + 1), "category": messages.name(of: question.category), "text": question.text])
        }
        say("coverage", coverage(), style: .dim)
    }

    /// A question the user wrote (or reworded): on the list at once when the coach has nothing
    /// serious to say; otherwise the findings, the rewrite if there is a good one, and the keys.
    mutating func submit(_ text: String, replacing: Int?, fromSuggestion: Bool) {
        guard text.count <= settings.longest else { return say("question-too-long", ["max": String(settings.longest)]) }
        if let twin = list.questions.firstIndex(where: { Phrase.normalise($0.text) == Phrase.normalise(text) }), twin != replacing {
            say("question-duplicate", ["number": String(twin + 1)])
            return showOffer()
        }
        var coach = library.coach(muted: muted)
        let findings = coach.check(text, channel: .question)
        self.findings = findings
        let serious = findings.filter { $0.severity != .tip }
        let category = category(of: text)
        guard !serious.isEmpty else {
            place(text, category, origin: .own, replacing: replacing, fromSuggestion: fromSuggestion)
            reply.lines += messages.report(findings).lines
            return showOffer()
        }
        let pitched = serious.contains { $0.severity == .pitch }
        // A pitch is the one thing to fix: the weaker habits in the same words can wait.
        reply.lines += messages.report(pitched ? findings.filter { $0.severity == .pitch } : findings).lines
        let rewrite = usableRewrite(serious, coach: &coach)
        let offer = StepDetail.Offer(
            original: text, category: category, rewrite: rewrite, rewriteCategory: rewrite.map { self.category(of: $0) },
            canKeep: !pitched, replacing: replacing, fromSuggestion: fromSuggestion)
        detail.awaiting = .rewrite(offer)
        if pitched { say("question-pitch", style: .pitch) }
        say(keys(for: offer), style: .dim)
    }

    func keys(for offer: StepDetail.Offer) -> String {
        switch (offer.canKeep, offer.rewrite != nil) {
        case (false, true): return "question-rewrite-keys"
        case (false, false): return "question-pitch-keys"
        case (true, true): return "question-caution-keys"
        case (true, false): return "question-keep-keys"
        }
    }

    /// The first rewrite, most serious finding first, that is a question ready to ask (one
    /// sentence, starting with a question word, ending with a question mark), that the coach
    /// itself passes and that is not on the list yet: only such a rewrite can be taken in one
    /// keystroke. Advice ("Start with what…") and templates with a blank are shown, not offered.
    func usableRewrite(_ findings: [Finding], coach: inout Coach) -> String? {
        for finding in findings.sorted(by: { $0.severity < $1.severity }) {
            guard let instead = finding.instead?.trimmingSpaces(), isReadyQuestion(instead), !list.contains(instead) else { continue }
            if coach.check(instead, channel: .question).allSatisfy({ $0.severity == .tip }) { return instead }
        }
        return nil
    }

    func isReadyQuestion(_ text: String) -> Bool {
        guard text.hasSuffix("?"), text.dropLast().allSatisfy({ !".?!\"".contains($0) }) else { return false }
        guard !text.contains(" - "), !text.contains(" – "), !text.contains(" — ") else { return false }
        let first = Phrase.normalise(text.prefix { $0 != " " })
        return messages.words["question-words"]?.contains(first) ?? false
    }

    /// Enter, `y`, `k` or `n` after a flagged question; `false` when the line is something else
    /// (a better version, a command), which lets the offer lapse.
    mutating func answerOffer(_ offer: StepDetail.Offer, line: String, typed: String) -> Bool {
        if line.isEmpty || isWord(typed, "add") {
            detail.awaiting = nil
            if let rewrite = offer.rewrite {
                place(rewrite, offer.rewriteCategory ?? offer.category, origin: .rewrite, replacing: offer.replacing, fromSuggestion: offer.fromSuggestion)
            } else if offer.canKeep {
                place(offer.original, offer.category, origin: .own, replacing: offer.replacing, fromSuggestion: offer.fromSuggestion)
            } else {
                say("question-kept-off", style: .dim)
            }
            showOffer()
            return true
        }
        if isWord(typed, "keep") {
            guard offer.canKeep else {
                say("question-pitch", style: .pitch)
                say(keys(for: offer), style: .dim)
                return true
            }
            detail.awaiting = nil
            place(offer.original, offer.category, origin: .own, replacing: offer.replacing, fromSuggestion: offer.fromSuggestion)
            showOffer()
            return true
        }
        if isWord(typed, "pass") {
            detail.awaiting = nil
            say("question-kept-off", style: .dim)
            showOffer()
            return true
        }
        return false
    }

    /// Puts a question on the list, or in place of the one it rewords. The closing question
    /// stays the closing question when reworded to ask the same thing.
    mutating func place(_ text: String, _ category: TiaraCategory, origin: PlannedQuestion.Origin, replacing: Int?, fromSuggestion: Bool) {
        if let index = replacing, list.questions.indices.contains(index) {
            let kept = list.questions[index].origin == .closing && settings.isLikeClosing(text) ? PlannedQuestion.Origin.closing : origin
            list.replace(at: index, with: PlannedQuestion(text: text, category: category, origin: kept))
            say("question-replaced", ["number": String(index + 1), "category": messages.name(of: category), "empty": emptyNames()])
            return
        }
        if fromSuggestion, let index = offerIndex { detail.cursor = index + 1 }
        // Asking who else to talk to is what the closing question does: the new wording takes
        // its place, so the list still ends with it.
        if settings.isLikeClosing(text), let closing = list.questions.firstIndex(where: { $0.origin == .closing }) {
            list.replace(at: closing, with: PlannedQuestion(text: text, category: category, origin: .closing))
            say("question-closing-reworded", ["number": String(closing + 1), "text": text])
            return
        }
        let place = list.add(PlannedQuestion(text: text, category: category, origin: origin))
        say("question-added", ["number": String(place + 1), "category": messages.name(of: category), "empty": emptyNames()])
    }

    /// `delete N`, `move N M`, `edit N [wording]`, `category N NAME`; `false` when the line is
    /// none of them.
    mutating func runNumbered(_ line: String) -> Bool {
        let parts = line.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count >= 2, let number = Int(parts[1]) else { return false }
        let command = Phrase.normalise(parts[0])
        let known = ["delete", "move", "edit", "category"].first { isWord(command, $0) }
        guard let known else { return false }
        guard (1...max(1, list.count)).contains(number), !list.isEmpty else {
            say("question-number-unknown", ["number": String(number), "count": String(list.count)])
            return true
        }
        let index = number - 1
        switch known {
        case "delete":
            let removed = list.remove(at: index)
            say("question-removed", ["number": String(number), "text": removed.text])
            showOffer()
        case "move":
            let rest = parts.dropFirst(2).filter { Int($0) != nil }
            guard let target = rest.first.flatMap({ Int($0) }) else { return false }
            guard (1...list.count).contains(target) else {
                say("question-number-unknown", ["number": String(target), "count": String(list.count)])
                return true
            }
            list.move(from: index, to: target - 1)
            say("question-moved", ["from": String(number), "to": String(target)])
        case "edit":
            let wording = line.drop { $0 != " " }.trimmingSpaces().drop { $0 != " " }.trimmingSpaces()
            if wording.isEmpty {
                detail.awaiting = .edit(index: index)
                say("question-edit", ["text": list.questions[index].text])
            } else {
                submit(wording, replacing: index, fromSuggestion: false)
            }
        default:
            let typed = Phrase.normalise(parts.dropFirst(2).joined(separator: " "))
            let matching = TiaraCategory.allCases.filter { category in
                !typed.isEmpty
                    && (Phrase.normalise(messages.name(of: category)).hasPrefix(typed) || category.rawValue.hasPrefix(typed))
            }
            guard matching.count == 1 else {
                let names = TiaraCategory.allCases.map { messages.name(of: $0) }.joined(separator: ", ")
                say("question-category-unknown", ["category": parts.dropFirst(2).joined(separator: " "), "categories": names])
                return true
            }
            list.questions[index].category = matching[0]
            say("question-recategorised", ["number": String(number), "category": messages.name(of: matching[0])])
        }
        return true
    }
}
