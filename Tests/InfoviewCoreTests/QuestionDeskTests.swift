import Testing
@testable import InfoviewCore

/// A question desk over the shipped prompts, for an interview in `field`.
private func desk(field: String = "software", list: [PlannedQuestion] = [], detail: StepDetail? = nil) throws -> QuestionDesk {
    let library = try TestSupport.library()
    let flow = try #require(library.flows["prepare"])
    let step = try #require(flow.steps.first { $0.answer == .questions })
    let progress = FlowProgress(
        flow: flow.name, interview: "Sam", step: step.name, answers: ["field": field], questions: list, detail: detail)
    return FlowEngine(flow: flow, library: library).desk(for: step, progress)
}

private extension QuestionDesk {
    /// Types a line and returns what was said.
    @discardableResult
    mutating func type(_ line: String) -> String {
        reply = Reply()
        handle(line, typed: Phrase.normalise(line.prefix(200)))
        return reply.plainText
    }

    var texts: [String] { list.questions.map(\.text) }

    var offer: StepDetail.Offer? {
        if case .rewrite(let offer) = detail.awaiting { return offer }
        return nil
    }
}

/// What the coach makes of a question typed for the list.
enum Verdict: Equatable, CustomStringConvertible {
    /// On the list at once.
    case added
    /// Held back with the findings; whether a rewrite is offered and whether the question may be kept.
    case held(severity: Severity, rewrite: Bool, keep: Bool)

    var description: String {
        switch self {
        case .added: return "added"
        case .held(let severity, let rewrite, let keep): return "held(\(severity), rewrite: \(rewrite), keep: \(keep))"
        }
    }
}

@Suite("the question list: the coach reads every question as it is typed")
struct QuestionChecksTests {
    @Test(arguments: [
        ("What does a typical week look like for you?", Verdict.added),
        ("How did you get into this field?", .added),
        ("What skills should I build before applying to roles like yours?", .added),
        ("What do you look for when you hire junior developers?", .added),
        ("Which parts of your work do you find hardest?", .added),
        ("Are you hiring?", .held(severity: .pitch, rewrite: true, keep: false)),
        ("Could you refer me to your hiring manager?", .held(severity: .pitch, rewrite: true, keep: false)),
        ("Can I send you my CV in case something opens up?", .held(severity: .pitch, rewrite: false, keep: false)),
        ("Do you think I would be a good fit for your team?", .held(severity: .pitch, rewrite: false, keep: false)),
        ("Is the work stressful?", .held(severity: .caution, rewrite: false, keep: true)),
        ("What do you think of my resume?", .held(severity: .caution, rewrite: true, keep: true)),
        ("What does your company do?", .held(severity: .caution, rewrite: true, keep: true)),
        ("How is your department funded, and does that shape the work you take on?", .held(severity: .caution, rewrite: false, keep: true)),
        (
            "I have been wondering for a long time now, since I started my degree and took a few courses in statistics and economics, what the single most useful skill would be for someone entering your line of work?",
            .held(severity: .caution, rewrite: false, keep: true)
        ),
    ])
    func verdict(question: String, expected: Verdict) throws {
        var desk = try desk()
        let said = desk.type(question)
        guard let offer = desk.offer else {
            #expect(expected == .added, "\(question) was added: \(said)")
            #expect(desk.texts == [question])
            return
        }
        #expect(desk.texts.isEmpty, "a flagged question waits for a keystroke")
        let severity: Severity = offer.canKeep ? .caution : .pitch
        #expect(Verdict.held(severity: severity, rewrite: offer.rewrite != nil, keep: offer.canKeep) == expected, "\(said)")
        #expect(said.contains("\(severity.rawValue): "), "the finding is shown with its severity: \(said)")
        if let rewrite = offer.rewrite {
            #expect(said.contains(rewrite), "the rewrite is shown")
            #expect(rewrite.hasSuffix("?"))
        }
    }

    @Test("a pitch is shown alone: its weaker habits can wait")
    func pitchAlone() throws {
        var desk = try desk()
        let said = desk.type("Are you hiring right now?")
        #expect(said.contains("pitch: "))
        #expect(!said.contains("caution: "))
    }

    @Test("one keystroke takes the rewrite: Enter or y", arguments: ["", "y", "yes"])
    func takeRewrite(key: String) throws {
        var desk = try desk()
        desk.type("Are you hiring?")
        let rewrite = try #require(desk.offer?.rewrite)
        desk.type(key)
        #expect(desk.texts == [rewrite])
        #expect(desk.list.questions.first?.origin == .rewrite)
        #expect(desk.detail.awaiting == nil)
    }

    @Test("k keeps a cautioned question as written, but never a pitch")
    func keep() throws {
        var caution = try desk()
        caution.type("Is the work stressful?")
        caution.type("k")
        #expect(caution.texts == ["Is the work stressful?"])
        #expect(caution.list.questions.first?.origin == .own)

        var pitch = try desk()
        pitch.type("Are you hiring?")
        let said = pitch.type("k")
        #expect(pitch.texts.isEmpty)
        #expect(pitch.offer != nil, "the offer stands")
        #expect(said.contains(try TestSupport.library().messages.text("question-pitch")))
    }

    @Test("Enter keeps a cautioned question that has no ready rewrite")
    func enterKeeps() throws {
        var desk = try desk()
        desk.type("Is the work stressful?")
        desk.type("")
        #expect(desk.texts == ["Is the work stressful?"])
    }

    @Test("n leaves a flagged question off; a better version replaces the offer")
    func rejectAndRetry() throws {
        var desk = try desk()
        desk.type("Are you hiring?")
        desk.type("n")
        #expect(desk.texts.isEmpty)
        #expect(desk.detail.awaiting == nil)
        desk.type("Do you enjoy your job?")
        desk.type("What do you enjoy most about your job?")
        #expect(desk.texts == ["What do you enjoy most about your job?"])
    }

    @Test("a rewrite the user edits is checked again")
    func editChecked() throws {
        var desk = try desk(list: [PlannedQuestion(text: "What is your week like?", category: .insights, origin: .own)])
        desk.type("edit 1 Are you hiring?")
        #expect(desk.offer?.replacing == 0)
        desk.type("")
        #expect(desk.texts == [try #require(desk.list.questions.first?.text)])
        #expect(desk.texts != ["Are you hiring?"])
        #expect(desk.list.count == 1, "the rewrite took the edited question's place")
    }

    @Test("muted rules stay silent on the list too")
    func muted() throws {
        let library = try TestSupport.library()
        let flow = try #require(library.flows["prepare"])
        let step = try #require(flow.steps.first { $0.answer == .questions })
        var engine = FlowEngine(flow: flow, library: library)
        engine.muted = ["closed-question", "closed-question/do-you-like"]
        var desk = engine.desk(for: step, FlowProgress(flow: "prepare", interview: "Sam", step: step.name))
        desk.type("Do you like your job?")
        #expect(desk.texts == ["Do you like your job?"])
    }
}

@Suite("the question list: suggestions and edits")
struct QuestionDeskTests {
    @Test("opening puts the closing question on a fresh list once, and offers the first suggestion")
    func opening() throws {
        let library = try TestSupport.library()
        var desk = try desk()
        let bank = library.bank(forField: "software")
        desk.open(bank: bank)
        #expect(desk.texts == [library.messages.questionList.closing])
        #expect(desk.detail.hasClosing)
        #expect(desk.reply.plainText.contains(bank.questions[0].text))
        var again = desk
        again.list = QuestionList()
        again.open(bank: bank)
        #expect(again.list.isEmpty, "a removed closing question stays removed")
    }

    @Test("a list the user already built does not get the closing question back")
    func builtList() throws {
        var desk = try desk(list: [PlannedQuestion(text: "What is your week like?", category: .insights, origin: .own)])
        desk.open(bank: try TestSupport.library().bank(forField: "software"))
        #expect(desk.texts == ["What is your week like?"])
    }

    @Test("Enter adds the suggestion, n passes; after two in a category the next one comes")
    func suggestions() throws {
        let library = try TestSupport.library()
        let trends = library.bank(forField: "software").questions(in: .trends)
        var desk = try desk()
        desk.type("")
        desk.type("n")
        desk.type("y")
        #expect(desk.texts == [trends[0].text, trends[2].text])
        let said = desk.type("list")
        #expect(said.hasSuffix(library.bank(forField: "software").questions(in: .insights)[0].text))
    }

    @Test("next moves on to the next category")
    func nextCategory() throws {
        let library = try TestSupport.library()
        var desk = try desk()
        let said = desk.type("next")
        #expect(said.hasSuffix(library.bank(forField: "software").questions(in: .insights)[0].text))
    }

    @Test("suggestions come from the field's bank first, then the general one")
    func generalAfterField() throws {
        let library = try TestSupport.library()
        let desk = try desk()
        let field = library.bank(forField: "software").questions(in: .trends).map(\.text)
        let trends = desk.suggestions.filter { $0.category == .trends }.map(\.text)
        #expect(Array(trends.prefix(field.count)) == field)
        #expect(trends.count > field.count)
        #expect(!desk.suggestions.contains { library.messages.questionList.isLikeClosing($0.text) })
    }

    @Test("e edits the suggestion before it goes on the list; Enter on an edit leaves it")
    func editSuggestion() throws {
        var desk = try desk()
        let first = try #require(desk.suggestions.first)
        desk.type("e")
        desk.type("")
        #expect(desk.texts.isEmpty)
        desk.type("e")
        desk.type("How have the last two years changed the way your team ships?")
        #expect(desk.texts == ["How have the last two years changed the way your team ships?"])
        #expect(desk.detail.cursor > 0)
        #expect(!desk.type("list").hasSuffix(first.text), "the edited suggestion is used up")
    }

    @Test("delete, move and category work by number; a wrong number is named")
    func numbered() throws {
        var desk = try desk(list: [
            PlannedQuestion(text: "One?", category: .trends, origin: .own),
            PlannedQuestion(text: "Two?", category: .insights, origin: .own),
            PlannedQuestion(text: "Three?", category: .advice, origin: .own),
        ])
        desk.type("move 3 to 1")
        #expect(desk.texts == ["Three?", "One?", "Two?"])
        desk.type("delete 2")
        #expect(desk.texts == ["Three?", "Two?"])
        desk.type("category 2 assign")
        #expect(desk.list.questions[1].category == .assignments)
        #expect(desk.type("delete 7").contains("7"))
        #expect(desk.texts == ["Three?", "Two?"])
        #expect(desk.type("category 1 a").contains(try TestSupport.library().messages.name(of: .advice)), "a names two categories: both are listed")
        #expect(desk.list.questions[0].category == .advice)
    }

    @Test("a question already on the list is not added twice")
    func duplicate() throws {
        var desk = try desk(list: [PlannedQuestion(text: "What is your week like?", category: .insights, origin: .own)])
        desk.type("what is your week like")
        #expect(desk.list.count == 1)
    }

    @Test("a question too long to ask out loud is refused before the coach reads it")
    func tooLong() throws {
        var desk = try desk()
        desk.type("What " + String(repeating: "really ", count: 60) + "matters?")
        #expect(desk.list.isEmpty)
        #expect(desk.detail.awaiting == nil)
    }

    @Test("a question asking who else to talk to rewords the closing question, which stays last")
    func closingReworded() throws {
        let closing = PlannedQuestion(text: "Who else should I talk to?", category: .resources, origin: .closing)
        var desk = try desk(list: [PlannedQuestion(text: "One?", category: .trends, origin: .own), closing])
        desk.type("Who else would you suggest I speak with?")
        #expect(desk.texts == ["One?", "Who else would you suggest I speak with?"])
        #expect(desk.list.questions.last?.origin == .closing)
        desk.type("What should I read next to learn more?")
        #expect(desk.list.questions.last?.origin == .closing)
    }

    @Test("done with an empty category warns once; done again finishes")
    func done() throws {
        var desk = try desk(list: [PlannedQuestion(text: "One?", category: .trends, origin: .own)])
        desk.type("done")
        #expect(!desk.isDone)
        #expect(desk.detail.warnedEmpty)
        desk.type("done")
        #expect(desk.isDone)
    }

    @Test("a line that is neither a question nor a command gets a hint and changes nothing")
    func unclear() throws {
        var desk = try desk()
        let said = desk.type("hmm")
        #expect(said == (try TestSupport.library().messages.text("question-unclear")))
        #expect(desk.list.isEmpty)
    }
}

@Suite("the category of a question the user writes")
struct QuestionClassifierTests {
    @Test(arguments: [
        ("Where do you see this field heading over the next few years?", TiaraCategory.trends),
        ("How is AI changing the work you do?", .trends),
        ("What does a typical day look like for you?", .insights),
        ("What is the hardest part of your job?", .insights),
        ("What would you do differently if you were starting out today?", .advice),
        ("Which professional groups are worth joining?", .resources),
        ("Which books would you recommend?", .resources),
        ("What small project could I try to get a taste of this work?", .assignments),
    ])
    func category(question: String, expected: TiaraCategory) throws {
        let classifier = QuestionClassifier(banks: try TestSupport.library().banks)
        #expect(classifier.category(of: question) == expected)
    }

    @Test("a question that shares no telling word with any bank has no category of its own")
    func none() throws {
        let classifier = QuestionClassifier(banks: try TestSupport.library().banks)
        #expect(classifier.category(of: "zzz qqq?") == nil)
    }
}

@Test("/why after a flagged question names the rule that flagged it")
func whyAfterAQuestion() throws {
    let library = try TestSupport.library()
    let engine = DialogueEngine(library: library)
    let progress = FlowProgress(flow: "prepare", interview: "Sam", step: "questions", answers: ["field": "software"])
    var random = SeededGenerator(seed: 1)
    let flagged = engine.respond(to: "Are you hiring?", in: Conversation(mode: .flow(progress)), overview: Overview(), using: &random)
    #expect(flagged.state.lastFindings.contains { $0.severity == .pitch })
    let why = engine.respond(to: "/why", in: flagged.state, overview: Overview(), using: &random)
    let rule = try #require(flagged.state.lastFindings.first { $0.severity == .pitch }?.rule)
    #expect(why.reply.plainText.contains(rule))
    #expect(why.state.flow?.detail == flagged.state.flow?.detail, "the offer still waits for its keystroke")
}
