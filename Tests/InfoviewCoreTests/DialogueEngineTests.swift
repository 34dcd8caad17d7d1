import Testing
@testable import InfoviewCore

private struct Chat {
    let engine: DialogueEngine
    var state = Conversation()
    var overview = Overview()
    var random = SeededGenerator(seed: 3)
    var effects: [Effect] = []

    init() throws {
        engine = DialogueEngine(library: try TestSupport.library())
    }

    @discardableResult
    mutating func type(_ line: String) -> String {
        let turn = engine.respond(to: line, in: state, overview: overview, using: &random)
        state = turn.state
        effects += turn.effects
        return turn.reply.plainText
    }
}

@Test("an unknown slash command says so and names the nearest one", arguments: [
    ("/lsit", "There's no /lsit command. Did you mean /list? Type /help for the list."),
    ("/prep", "There's no /prep command. Did you mean /prepare? Type /help for the list."),
    ("/hlep me", "There's no /hlep command. Did you mean /help? Type /help for the list."),
    ("/xyzzy", "There's no /xyzzy command. Type /help for the list."),
])
func unknownCommand(input: String, expected: String) throws {
    var chat = try Chat()
    #expect(chat.type(input) == expected)
    #expect(chat.effects.isEmpty)
}

@Test("slash commands ignore case, and flow commands at home explain themselves")
func commandCase() throws {
    var chat = try Chat()
    #expect(chat.type("/LIST").hasPrefix("No interviews yet."))
    #expect(chat.type("/skip") == "/skip works while you're answering questions. Type /prepare to start.")
}

@Test("/help lists every command, one line each")
func help() throws {
    var chat = try Chat()
    let lines = chat.type("/help").split(separator: "\n")
    for command in SlashCommand.allCases {
        #expect(lines.filter { $0.hasPrefix(command.typed + " ") }.count == 1, "\(command.typed)")
    }
}

@Test("a sentence routed by intent starts preparing with the name as written")
func routedPrepare() throws {
    var chat = try Chat()
    let reply = chat.type("help me get ready for my coffee with Sam")
    #expect(reply.hasPrefix("Let's get you ready for Sam.") || reply.hasPrefix("Good idea to prepare. Let's get you ready for Sam."))
    #expect(chat.effects.prefix(2) == [
        .startInterview(name: "Sam", stage: .prepare),
        .save(interview: "Sam", flow: "prepare", step: "name", field: "name", value: "Sam"),
    ])
    #expect(chat.state.flow?.step == "role")
}

@Test("progress counts the interviews against the goal")
func progress() throws {
    var chat = try Chat()
    chat.overview = Overview(interviews: [
        Overview.Interview(name: "A", stage: .done), Overview.Interview(name: "B", stage: .prepare),
    ])
    let reply = chat.type("how many have I done?")
    #expect([
        "You have 2 on your list and 1 done. Aim for at least 5 and up to 15, so no single opinion carries too much weight.",
        "1 done so far, with 2 on your list. The goal is at least 5 (up to 15): enough voices that an outlier stands out.",
    ].contains(reply))
}

@Test("sentences that match nothing get a hint, never the same one twice in a row")
func fallbackVaries() throws {
    var chat = try Chat()
    var previous = ""
    for line in ["qwerty", "the cat sat", "zzz", "purple", "bananas", "???"] {
        let reply = chat.type(line)
        #expect(reply.contains("/help") || reply.contains("/prepare"))
        #expect(reply != previous)
        previous = reply
    }
}

@Test("the greeting shows an interrupted flow, what was typed and how to resume")
func greetingWithInterruptedFlow() throws {
    let chat = try Chat()
    let sam = FlowProgress(flow: "prepare", interview: "Sam", step: "organisation", trail: ["role"], answers: ["name": "Sam", "role": "Nurse"])
    let overview = Overview(
        interviews: [
            Overview.Interview(name: "Sam", stage: .prepare, answers: sam.answers, interrupted: sam),
            Overview.Interview(name: "Kim", stage: .prepare, interrupted: FlowProgress(flow: "prepare", interview: "Kim", step: "role")),
        ],
        recentlyInterrupted: ["Sam", "Kim"])
    var random = SeededGenerator(seed: 1)
    let text = chat.engine.greeting(overview, using: &random).plainText
    #expect(text.contains("You were preparing the interview with Sam (step: organisation)."))
    #expect(text.contains("- Role: Nurse"))
    #expect(text.contains("Type /resume to carry on where you stopped (1 more paused: /resume NAME)"))
}

@Test("/resume carries on the most recent interrupted flow at its step")
func resume() throws {
    var chat = try Chat()
    let kim = FlowProgress(flow: "prepare", interview: "Kim", step: "connection", trail: ["role", "organisation"], answers: ["name": "Kim"])
    chat.overview = Overview(interviews: [Overview.Interview(name: "Kim", stage: .prepare, interrupted: kim)], recentlyInterrupted: ["Kim"])
    let reply = chat.type("/resume")
    #expect(reply.hasPrefix("Let's pick up preparing the interview with Kim where you left off."))
    #expect(reply.contains("Kim?"))
    #expect(chat.state.flow == kim)
    chat.type("/back")
    #expect(chat.state.flow?.step == "organisation")
    #expect(chat.state.flow?.trail == ["role"])
}

@Test("completions: commands by prefix (flow ones only in a flow), names after /show, /prepare and /resume")
func completions() throws {
    var chat = try Chat()
    chat.overview = Overview(interviews: [Overview.Interview(name: "Sam Lee", stage: .prepare), Overview.Interview(name: "Sara", stage: .prepare)])
    let engine = chat.engine
    #expect(engine.completions(for: "/s", in: "/s", state: chat.state, overview: chat.overview) == ["/show", "/scorecards"])
    #expect(engine.completions(for: "", in: "", state: chat.state, overview: chat.overview).count == 16)
    #expect(engine.completions(for: "sa", in: "/show sa", state: chat.state, overview: chat.overview) == ["Sam Lee", "Sara"])
    #expect(engine.completions(for: "sa", in: "/list sa", state: chat.state, overview: chat.overview).isEmpty)
    chat.type("/prepare Ana")
    #expect(engine.completions(for: "/s", in: "/s", state: chat.state, overview: chat.overview) == ["/show", "/skip", "/stop", "/scorecards"])
}

@Test("at home a megabyte line or control characters get the hint, without trouble")
func hostileInput() throws {
    var chat = try Chat()
    #expect(chat.type(String(repeating: "blah ", count: 200_000)).contains("/"))
    #expect(chat.type("\u{1B}[2J\u{0}\u{7}").contains("/"))
    #expect(chat.type("/" + String(repeating: "x", count: 100_000)).hasPrefix("There's no /xxxx"))
    #expect(chat.effects.isEmpty)
}

@Test("the prompt says where the user is")
func prompt() throws {
    var chat = try Chat()
    #expect(chat.engine.prompt(in: chat.state) == "> ")
    chat.type("/prepare")
    #expect(chat.engine.prompt(in: chat.state) == "prepare > ")
}

@Test("/why names the rule that flagged the last check, where it is defined, and the words it matched")
func whyExplainsTheLastCheck() throws {
    var chat = try Chat()
    chat.type("/check Could you refer me to your recruiter?")
    let rule = try #require(chat.state.lastFindings.first { $0.severity == .pitch })
    let said = chat.type("/why")
    #expect(said.contains(rule.rule))
    #expect(said.contains(rule.location))
    #expect(said.contains("\"\(rule.matched)\""))
    let defined = try #require(try TestSupport.library().rules.allRules.first { $0.id == "ask-job/hire-me" })
    #expect(chat.type("/why ask-job/hire-me") == "ask-job/hire-me (\(defined.location)): \(defined.why)")
}

@Test("/mute records the rule as an effect, and a muted rule stays silent")
func muteIsRecorded() throws {
    var chat = try Chat()
    chat.type("/mute ask-openings/are-you-hiring")
    #expect(chat.effects == [.mute(rule: "ask-openings/are-you-hiring")])
    chat.overview.mutedRules = ["ask-openings/are-you-hiring"]
    #expect(chat.type("/check Are you hiring?").hasPrefix("Nothing to flag"))
}
