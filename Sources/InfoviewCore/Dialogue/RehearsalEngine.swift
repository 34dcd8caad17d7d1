/// Runs a rehearsal with a scripted insider: pure, so the same prompts, progress, line, muted
/// rules and generator always give the same reply, next progress and effects.
///
/// Each line the user says is checked by the coach (on the `spoken` channel, with the insider's
/// last words as its context), read for its topic, and answered by the persona: with a rejoinder
/// when it follows up on what they just said, a cooler reply when it pitches, a deflection when
/// no topic fits. Each exchange uses minutes of the planned meeting; the insider signals the
/// end near it, and the rehearsal ends with a scorecard.
struct RehearsalEngine {
    /// What one line did to the rehearsal.
    struct Outcome {
        /// What to say.
        var reply: Reply
        /// Where the rehearsal is now; `nil` when it ended or paused.
        var progress: RehearsalProgress?
        /// What the caller must save.
        var effects: [Effect]
        /// What the coach found in the line, for `/why`.
        var findings: [Finding] = []
    }

    let library: PromptLibrary

    var book: RehearsalBook { library.rehearsal }
    var messages: MessageBook { library.messages }
    var clock: RehearsalClock { book.clock }

    /// Asks the user which persona should play the insider.
    func askPersona(_ progress: RehearsalProgress, field: String) -> Outcome {
        var reply = Reply()
        reply.add(messages.text("rehearse-pick-heading", ["name": progress.interview, "field": field]))
        for (index, id) in progress.choices.enumerated() {
            guard let persona = book.persona(named: id) else { continue }
            let title = library.banks.first { $0.name == persona.field }?.title ?? persona.field
            reply.add(
                messages.text(
                    "rehearse-pick-line",
                    [
                        "number": String(index + 1), "persona": persona.name, "role": persona.role, "organisation": persona.organisation,
                        "field": title, "temperament": persona.temperament,
                    ]))
        }
        return Outcome(reply: reply, progress: progress, effects: [])
    }

    /// Starts the meeting with a persona: who they are, the time, their greeting.
    func begin(_ progress: RehearsalProgress, with persona: Persona, using random: inout some RandomNumberGenerator) -> Outcome {
        var next = progress
        next.persona = persona.id
        next.choices = []
        var scene = RehearsalScene()
        if persona.offerChance > 0, !persona.offers.isEmpty, Int(random.next() % 100) < persona.offerChance {
            let window = clock.offerWindow
            scene.offerAfter = window.lowerBound + Int(random.next() % UInt64(window.count))
        }
        let greeting = say(.greeting, persona, ["minutes": String(progress.plannedMinutes)], &scene, using: &random)
        scene.heard = greeting
        scene.recentlySaid = [greeting]
        next.scene = scene
        var reply = Reply()
        let values = [
            "name": progress.interview, "persona": persona.name, "first": persona.firstName, "role": persona.role,
            "organisation": persona.organisation, "temperament": persona.temperament,
            "story": persona.story.joined(separator: " "), "minutes": String(progress.plannedMinutes),
        ]
        for line in messages.lines("rehearse-intro", values, using: &random) where !line.isEmpty { reply.add(line, style: .dim) }
        reply.lines.append(insiderLine(persona, greeting))
        let effects: [Effect] = [
            .conduct(.startRehearsal(interview: progress.interview, attempt: progress.attempt, persona: persona.id, plannedMinutes: progress.plannedMinutes)),
            .conduct(.rehearsalLine(interview: progress.interview, attempt: progress.attempt, line: RehearsalLine(speaker: .insider, text: greeting, minute: 0))),
            .conduct(.rehearsalState(next)),
        ]
        return Outcome(reply: reply, progress: next, effects: effects)
    }

    /// Reads the user's pick of a persona: its number or its name.
    func choose(_ input: String, in progress: RehearsalProgress, using random: inout some RandomNumberGenerator) -> Outcome {
        let typed = input.trimmingSpaces()
        var picked: Persona?
        if let number = Int(typed), number >= 1, number <= progress.choices.count {
            picked = book.persona(named: progress.choices[number - 1])
        } else if !typed.isEmpty, typed.utf8.count <= 200 {
            picked = book.persona(named: typed)
        }
        guard let picked else {
            let names = progress.choices.compactMap { book.persona(named: $0)?.firstName }.joined(separator: ", ")
            var reply = Reply()
            reply.add(messages.text("rehearse-pick-unclear", ["names": names]), style: .dim)
            return Outcome(reply: reply, progress: progress, effects: [])
        }
        return begin(progress, with: picked, using: &random)
    }

    /// Answers one line the user says to the insider.
    func respond(
        to input: String, in progress: RehearsalProgress, muted: Set<String>, using random: inout some RandomNumberGenerator
    ) -> Outcome {
        guard let id = progress.persona, let persona = book.persona(named: id) else {
            return choose(input, in: progress, using: &random)
        }
        let line = input.split(whereSeparator: \.isNewline).joined(separator: " ").trimmingSpaces()
        guard !line.isEmpty else {
            var reply = Reply()
            reply.add(messages.text("rehearse-empty", ["first": persona.firstName]), style: .dim)
            return Outcome(reply: reply, progress: progress, effects: [])
        }
        var next = progress
        var scene = progress.scene
        var coach = library.coach(muted: muted)
        let findings = coach.check(line, context: scene.heard.isEmpty ? nil : scene.heard, channel: .spoken)
        let pitched = findings.contains { $0.severity == .pitch }
        let offerOpen = scene.openOffer != nil && !pitched
        let topics = book.topics(of: line, offerOpen: offerOpen)
        let form = book.form(of: line)
        let isQuestion = form != nil || line.contains("?")
        let about = book.wordsAbout(line)
        var reading = Reading(topic: topics.first?.name, category: topics.first?.category, minutes: clock.perRemark)
        var parts: [String] = []
        let wasCool = scene.coolFor > 0
        if pitched {
            scene.coolFor = clock.coolFor
            scene.offerAfter = nil
            parts.append(say(.pitched, persona, [:], &scene, using: &random))
        } else {
            if scene.coolFor > 0 { scene.coolFor -= 1 }
            parts.append(reply(to: line, topics: topics, persona, offerOpen: offerOpen, cool: wasCool, &scene, &reading, using: &random))
        }
        scene.exchangeCount += 1
        scene.openOffer = nil
        var raisedOffer = false
        if reading.mayOffer, !pitched, !reading.ends, !wasCool, !scene.offerRaised, let after = scene.offerAfter,
            scene.exchangeCount >= after
        {
            let index = variant(persona.offers.count, key: "offer", &scene, using: &random)
            let offer = persona.offers[index]
            parts.append(offer.says[variant(offer.says.count, key: "offer \(index)", &scene, using: &random)])
            scene.offerRaised = true
            scene.openOffer = index
            raisedOffer = true
        }
        scene.minutes += reading.minutes
        if !reading.ends {
            if scene.minutes >= progress.plannedMinutes + clock.overtime {
                parts.append(say(.mustGo, persona, [:], &scene, using: &random))
                reading.ends = true
            } else if !scene.signalledEnd, scene.minutes >= progress.plannedMinutes - clock.wrapUp {
                let left = max(1, progress.plannedMinutes - scene.minutes)
                parts.append(say(.wrapUp, persona, ["left": String(left)], &scene, using: &random))
                scene.signalledEnd = true
            }
        }
        let said = parts.joined(separator: " ")
        scene.heard = said
        scene.recentlySaid = Array(([said] + scene.recentlySaid).prefix(Self.remembered))
        let exchange = Exchange(
            said: line, topic: reading.topic, category: isQuestion && !pitched ? reading.category : nil, isQuestion: isQuestion,
            form: isQuestion ? form ?? .open : nil, flags: findings.map(RehearsalFlag.init),
            notices: Topic.Notice.allCases.filter { notice in topics.contains { $0.notice == notice } },
            wordsAboutThem: about.them, wordsAboutSelf: about.me, reply: parts, minute: scene.minutes, raisedOffer: raisedOffer,
            answeredOffer: reading.answeredOffer || (pitched && progress.scene.openOffer != nil), isRetried: false)
        next.exchanges.append(exchange)
        next.beforeFlagged = findings.isEmpty ? nil : progress.scene
        next.scene = scene

        var reply = messages.report(findings)
        reply.lines.append(insiderLine(persona, said))
        var effects: [Effect] = [
            .conduct(
                .rehearsalLine(
                    interview: progress.interview, attempt: progress.attempt,
                    line: RehearsalLine(speaker: .user, text: line, topic: reading.topic, flags: exchange.flags, minute: progress.scene.minutes))),
            .conduct(
                .rehearsalLine(
                    interview: progress.interview, attempt: progress.attempt,
                    line: RehearsalLine(speaker: .insider, text: said, minute: scene.minutes))),
        ]
        if reading.ends {
            let scorecard = Scorecard(persona: persona.name, exchanges: next.exchanges, minutes: scene.minutes, plannedMinutes: progress.plannedMinutes)
            effects.append(.conduct(.finishRehearsal(interview: progress.interview, attempt: progress.attempt, scorecard: scorecard)))
            reply.lines += DialogueEngine(library: library).scorecardLines(scorecard, attempt: progress.attempt, interview: progress.interview).lines
            return Outcome(reply: reply, progress: nil, effects: effects, findings: findings)
        }
        if !findings.isEmpty { reply.add(messages.text("rehearse-retry-hint"), style: .dim) }
        effects.append(.conduct(.rehearsalState(next)))
        return Outcome(reply: reply, progress: next, effects: effects, findings: findings)
    }

    /// `/retry`: takes back the last line, if the coach flagged it, and puts the insider back
    /// where they were before it.
    func retry(_ progress: RehearsalProgress) -> Outcome {
        guard let before = progress.beforeFlagged, let last = progress.exchanges.indices.last, !progress.exchanges[last].isRetried,
            let id = progress.persona, let persona = book.persona(named: id)
        else {
            var reply = Reply()
            reply.add(messages.text("rehearse-retry-nothing"), style: .dim)
            return Outcome(reply: reply, progress: progress, effects: [])
        }
        var next = progress
        next.exchanges[last].isRetried = true
        next.scene = before
        next.beforeFlagged = nil
        var reply = Reply()
        reply.add(messages.text("rehearse-retry", ["first": persona.firstName]), style: .dim)
        if !before.heard.isEmpty { reply.lines.append(insiderLine(persona, before.heard)) }
        if let instead = progress.exchanges[last].flags.compactMap(\.instead).first {
            reply.add(messages.text("rehearse-retry-instead", ["instead": instead]), style: .dim)
        }
        return Outcome(
            reply: reply, progress: next,
            effects: [.conduct(.retractLastExchange(interview: progress.interview, attempt: progress.attempt)), .conduct(.rehearsalState(next))])
    }

    /// Pauses: everything is saved already; `/rehearse NAME` or `/resume` picks it up.
    func stop(_ progress: RehearsalProgress) -> Outcome {
        var reply = Reply()
        if progress.persona == nil {
            reply.add(messages.text("rehearse-cancelled"))
        } else {
            reply.add(
                messages.text(
                    "rehearse-paused",
                    ["name": progress.interview, "minute": String(progress.scene.minutes), "minutes": String(progress.plannedMinutes)]))
        }
        return Outcome(reply: reply, progress: nil, effects: [])
    }

    /// Takes a paused rehearsal up again where the insider left off.
    func resume(_ progress: RehearsalProgress, field: String) -> Outcome {
        guard let id = progress.persona, let persona = book.persona(named: id) else { return askPersona(progress, field: field) }
        var reply = Reply()
        reply.add(
            messages.text(
                "rehearse-resumed",
                [
                    "name": progress.interview, "persona": persona.name, "minute": String(progress.scene.minutes),
                    "minutes": String(progress.plannedMinutes),
                ]),
            style: .dim)
        if !progress.scene.heard.isEmpty { reply.lines.append(insiderLine(persona, progress.scene.heard)) }
        return Outcome(reply: reply, progress: progress, effects: [])
    }

    /// "Maya: …".
    func insiderLine(_ persona: Persona, _ text: String) -> Reply.Line {
        Reply.Line(messages.text("insider-says", ["name": persona.firstName, "text": text]))
    }
}

extension RehearsalEngine {
    /// How many of the insider's replies a follow-up may refer back to ("you mentioned …").
    static let remembered = 3
}

/// How a line was read and what the insider's reply does to the meeting.
private struct Reading {
    var topic: String?
    var category: TiaraCategory?
    var minutes: Int
    var ends = false
    var answeredOffer = false
    /// Whether the reply was a real answer, after which the insider may raise an opportunity.
    var mayOffer = false
}

private extension RehearsalEngine {
    /// The insider's reply to a line that is not a pitch.
    func reply(
        to line: String, topics: [Topic], _ persona: Persona, offerOpen: Bool, cool: Bool, _ scene: inout RehearsalScene,
        _ reading: inout Reading, using random: inout some RandomNumberGenerator
    ) -> String {
        let topic = topics.first
        if offerOpen, let topic, topic.afterOffer {
            reading.answeredOffer = true
            reading.minutes = topic.minutes ?? clock.perRemark
            if case .reaction(let reaction) = topic.reply { return say(reaction, persona, [:], &scene, using: &random) }
            if let index = scene.openOffer, index < persona.offers.count {
                let details = persona.offers[index].details
                return details[variant(details.count, key: "details \(index)", &scene, using: &random)]
            }
        }
        if let rejoinder = scene.recentlySaid.lazy.compactMap({ self.book.rejoinder(for: line, persona: persona, heard: $0) }).first {
            return answer(rejoinder, persona, cool: cool, &scene, &reading, using: &random)
        }
        guard let topic else {
            reading.topic = nil
            return say(.deflect, persona, [:], &scene, using: &random)
        }
        reading.minutes = topic.minutes ?? (topic.category == nil ? clock.perRemark : clock.perQuestion)
        reading.ends = topic.ends
        switch topic.reply {
        case .answer:
            reading.mayOffer = true
            return answer(topic, persona, to: line, cool: cool, &scene, using: &random)
        case .reaction(.more):
            if let rejoinder = book.rejoinder(for: line, persona: persona, heard: scene.heard, anyFollowUp: true) {
                return answer(rejoinder, persona, cool: cool, &scene, &reading, using: &random)
            }
            return say(.more, persona, [:], &scene, using: &random)
        case .reaction(.thanked) where scene.signalledEnd:
            reading.ends = true
            return say(.farewell, persona, [:], &scene, using: &random)
        case .reaction(let reaction):
            return say(reaction, persona, [:], &scene, using: &random)
        case .offerDetails:
            return say(.more, persona, [:], &scene, using: &random)
        }
    }

    /// A topic's answer never said before in this rehearsal (shorter while cool), else "as I said".
    /// Of the answers left, the one that shares the most of its own words with the question wins
    /// ("how is AI changing …" gets the answer about AI); otherwise one is picked at random.
    func answer(
        _ topic: Topic, _ persona: Persona, to line: String, cool: Bool, _ scene: inout RehearsalScene,
        using random: inout some RandomNumberGenerator
    ) -> String {
        guard let answer = persona.answers[topic.name] else { return say(.deflect, persona, [:], &scene, using: &random) }
        if cool && !answer.short.isEmpty {
            return answer.short[variant(answer.short.count, key: "short \(topic.name)", &scene, using: &random)]
        }
        let key = "answer \(topic.name)"
        let left = answer.warm.indices.filter { !(scene.said[key] ?? []).contains($0) }
        let scores = Self.overlap(of: line, with: answer.warm)
        let best = left.map { scores[$0] }.max() ?? 0
        let chosen = best > 0 ? left.first { scores[$0] == best } : fresh(answer.warm.count, key: key, &scene, using: &random)
        guard let index = chosen else { return say(.again, persona, [:], &scene, using: &random) }
        if best > 0 { scene.said[key, default: []].append(index) }
        return cool ? Self.firstSentence(answer.warm[index]) : answer.warm[index]
    }

    /// For each variant, how many of the line's words it has that no other variant has.
    static func overlap(of line: String, with variants: [String]) -> [Int] {
        let asked = Set(Phrase.normalise(line).split(separator: " "))
        let words = variants.map { Set(Phrase.normalise($0).split(separator: " ")) }
        return words.indices.map { index in
            var own = words[index]
            for other in words.indices where other != index { own.subtract(words[other]) }
            return own.intersection(asked).count
        }
    }

    func answer(
        _ rejoinder: Persona.Rejoinder, _ persona: Persona, cool: Bool, _ scene: inout RehearsalScene, _ reading: inout Reading,
        using random: inout some RandomNumberGenerator
    ) -> String {
        reading.topic = "rejoinder:" + rejoinder.name
        reading.category = rejoinder.category
        reading.minutes = clock.perQuestion
        reading.mayOffer = true
        guard let index = fresh(rejoinder.says.count, key: "rejoinder \(rejoinder.name)", &scene, using: &random) else {
            return say(.again, persona, [:], &scene, using: &random)
        }
        return cool ? Self.firstSentence(rejoinder.says[index]) : rejoinder.says[index]
    }

    /// One of a reaction's lines, not the one said last time.
    func say(
        _ reaction: Persona.Reaction, _ persona: Persona, _ values: [String: String], _ scene: inout RehearsalScene,
        using random: inout some RandomNumberGenerator
    ) -> String {
        let templates = persona.reactions[reaction] ?? []
        guard !templates.isEmpty else { return "" }
        return templates[variant(templates.count, key: "react \(reaction.rawValue)", &scene, using: &random)].render(values)
    }

    /// A variant not yet said under `key`; `nil` once all were.
    func fresh(_ count: Int, key: String, _ scene: inout RehearsalScene, using random: inout some RandomNumberGenerator) -> Int? {
        let used = scene.said[key] ?? []
        guard let pick = random.pick((0..<count).filter { !used.contains($0) }) else { return nil }
        scene.said[key, default: []].append(pick)
        return pick
    }

    /// A variant not said under `key` since they were all said, and never the last one again.
    func variant(_ count: Int, key: String, _ scene: inout RehearsalScene, using random: inout some RandomNumberGenerator) -> Int {
        var used = scene.said[key] ?? []
        if used.count >= count { used = count > 1 ? Array(used.suffix(1)) : [] }
        let pick = random.pick((0..<count).filter { !used.contains($0) }) ?? 0
        scene.said[key] = used + [pick]
        return pick
    }

    /// The text up to the end of its first sentence: a cooler, shorter answer.
    static func firstSentence(_ text: String) -> String {
        var previous: Character?
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let after = text.index(after: index)
            if let mark = previous, [".", "!", "?"].contains(mark), character == " " {
                return String(text[..<index])
            }
            previous = character
            index = after
        }
        return text
    }
}
