import Testing
@testable import InfoviewCore

private let flowText = """
    flow
      doing: meeting {name}

    step topic
      ask: What's it about?
      save: topic

    step name
      ask: Who?
      save: name
      skip-if-known: true

    step kind
      ask: Coffee or call?
      choice: coffee chat -> boss
      choice: phone call
      save: kind

    step topics
      ask: What do you want to learn?
      answer: list
      save: topics
      optional: true

    step boss
      ask: Would {name} be your boss?
      answer: yes-no
      save: boss
      say-if-yes: Ideal.
      say-if-no: The hiring manager is the ideal person.
      if-yes: end
      if-no: why

    step why
      ask: Why {name}?
      save: why

    step end
      done: Done with {name}.
      done: [- Why: {why}]
    """

private struct Harness {
    let engine: FlowEngine
    var progress: FlowProgress?
    var effects: [Effect] = []
    var random = SeededGenerator(seed: 1)
    var overview = Overview()

    init() throws {
        let library = try TestSupport.library()
        engine = FlowEngine(flow: try FlowParser.parse(flowText, file: "meet.flow"), library: library)
        var random = SeededGenerator(seed: 1)
        progress = engine.start(interview: nil, answers: [:], using: &random).progress
    }

    /// Types a line; returns the reply's text.
    @discardableResult
    mutating func type(_ line: String) -> String {
        let outcome = engine.respond(to: line, in: progress!, overview: overview, using: &random)
        progress = outcome.progress
        effects += outcome.effects
        return outcome.reply.plainText
    }
}

@Test("a whole flow: held answers saved once the name is known, a choice by number, a list, a branch")
func wholeFlow() throws {
    var flow = try Harness()
    #expect(flow.type("Product design") == "Who?")
    #expect(flow.effects.isEmpty, "nothing can be saved before the interview has a name")
    #expect(flow.type("Sam") == "Coffee or call?\n1. coffee chat\n2. phone call")
    #expect(flow.effects == [
        .startInterview(name: "Sam", stage: .prepare),
        .save(interview: "Sam", flow: "meet", step: "name", field: "name", value: "Sam"),
        .save(interview: "Sam", flow: "meet", step: "topic", field: "topic", value: "Product design"),
        .progress(interview: "Sam", flow: "meet", step: "kind", trail: ["topic", "name"]),
    ])
    flow.effects = []
    #expect(flow.type("2") == "What do you want to learn?")
    #expect(flow.type("day-to-day work").hasPrefix("Noted (1)."))
    #expect(flow.type("skills that matter").hasPrefix("Noted (2)."))
    #expect(flow.type("done") == "Would Sam be your boss?")
    #expect(flow.effects.contains(.save(interview: "Sam", flow: "meet", step: "kind", field: "kind", value: "phone call")))
    #expect(flow.effects.contains(.save(interview: "Sam", flow: "meet", step: "topics", field: "topics", value: "day-to-day work\nskills that matter")))
    #expect(flow.type("yes") == "Ideal.\nDone with Sam.")
    #expect(flow.progress == nil)
    #expect(flow.effects.last == .finished(interview: "Sam", flow: "meet"))
}

@Test("a choice by a unique start of its label follows its branch")
func choiceBranch() throws {
    var flow = try Harness()
    flow.type("x")
    flow.type("Sam")
    #expect(flow.type("tea").hasPrefix("Pick one of: coffee chat, phone call"))
    #expect(flow.progress?.step == "kind")
    #expect(flow.type("Coffee") == "Would Sam be your boss?")
    #expect(flow.progress?.step == "boss")
}

@Test("yes and no in people's words; an unsure answer is asked again", arguments: [
    ("yes", "boss:yes"), ("Yeah!", "boss:yes"), ("Yes, she would.", "boss:yes"), ("sure thing", "boss:yes"),
    ("no", "boss:no"), ("Nope.", "boss:no"), ("not really", "boss:no"), ("Probably not", "boss:no"),
    ("I don't think so", "boss:no"), ("no idea", "unsure"), ("I'm not sure", "unsure"), ("hmm", "unclear"),
    ("nobody knows", "unclear"),
])
func yesNo(input: String, expected: String) throws {
    var flow = try Harness()
    flow.type("x")
    flow.type("Sam")
    flow.type("coffee")
    let reply = flow.type(input)
    let saved = flow.effects.compactMap { effect -> String? in
        if case .save(_, _, "boss", let field, let value) = effect { return "\(field):\(value)" }
        return nil
    }
    switch expected {
    case "unsure": #expect(reply.hasPrefix("Your best guess is fine") && saved.isEmpty)
    case "unclear": #expect(reply.hasPrefix("A yes or a no") && saved.isEmpty)
    default: #expect(saved == [expected])
    }
}

@Test("a no says the coaching, then follows its branch")
func noBranch() throws {
    var flow = try Harness()
    flow.type("x")
    flow.type("Sam")
    flow.type("coffee")
    #expect(flow.type("no") == "The hiring manager is the ideal person.\nWhy Sam?")
    #expect(flow.type("she is kind") == "Done with Sam.\n- Why: she is kind")
}

@Test("back returns to the previous step and shows the answer; at the first step it says so")
func back() throws {
    var flow = try Harness()
    #expect(flow.type("back") == "This is the first question.\nWhat's it about?")
    flow = try Harness()
    flow.type("Design")
    flow.type("Sam")
    #expect(flow.type("back") == "(You said \"Sam\"; type skip to keep it.)\nWho?")
    #expect(flow.progress?.trail == ["topic"])
    #expect(flow.type("go back") == "(You said \"Design\"; type skip to keep it.)\nWhat's it about?")
    #expect(flow.type("skip").hasPrefix("Coffee or call?"), "skip keeps the earlier answer; the known name is passed over")
    #expect(flow.progress?.answers["topic"] == "Design")
}

@Test("skip leaves an optional step out, refuses a required one, keeps an earlier yes-no and its branch")
func skip() throws {
    var flow = try Harness()
    #expect(flow.type("skip").hasPrefix("I need this one to carry on."))
    flow.type("x")
    flow.type("Sam")
    flow.type("coffee")
    flow.type("no")
    flow.type("back")
    #expect(flow.type("skip") == "Why Sam?", "the saved no still leads to why")
    flow = try Harness()
    flow.type("x")
    flow.type("Sam")
    flow.type("2")
    #expect(flow.type("pass") == "Would Sam be your boss?")
}

@Test("stop leaves the flow; nothing is lost because every answer was already an effect")
func stop() throws {
    var flow = try Harness()
    flow.type("x")
    flow.type("Sam")
    #expect(flow.type("Stop!") == "Stopped meeting Sam. Your answers are saved; type /resume to pick up at step kind.")
    #expect(flow.progress == nil)
    flow = try Harness()
    #expect(flow.type("cancel") == "Stopped. Nothing was saved.")
}

@Test("renaming through back, and a name that another interview has")
func rename() throws {
    var flow = try Harness()
    flow.overview = Overview(interviews: [Overview.Interview(name: "Kim", stage: .prepare)])
    flow.type("x")
    flow.type("Sam")
    flow.type("back")
    flow.effects = []
    #expect(flow.type("kim").hasPrefix("You already have an interview with Kim."))
    flow.type("Samantha")
    #expect(flow.effects.first == .renameInterview(from: "Sam", to: "Samantha"))
    #expect(flow.progress?.interview == "Samantha")
}

@Test("a name already on the list continues that interview with its answers")
func existingName() throws {
    var flow = try Harness()
    flow.overview = Overview(interviews: [Overview.Interview(name: "Kim", stage: .prepare, answers: ["name": "Kim", "why": "mentor"])])
    flow.type("x")
    #expect(flow.type("KIM").hasPrefix("You already have Kim on your list"))
    #expect(flow.effects.first == .startInterview(name: "Kim", stage: .prepare))
    #expect(flow.progress?.answers["why"] == "mentor")
}

@Test("names are tidied; a name too long or empty is asked again", arguments: [
    ("  Sam \t Lee ", "Sam Lee"), ("Sam\u{1B}[31m", "Sam [31m"), (String(repeating: "a", count: 61), nil), ("\u{7}", nil),
])
func names(input: String, expected: String?) {
    #expect(InterviewName.clean(input) == expected)
}

@Test("the same progress, input and seed always give the same outcome")
func deterministic() throws {
    let flow = try Harness()
    var first = SeededGenerator(seed: 42)
    var second = SeededGenerator(seed: 42)
    let progress = flow.progress!
    #expect(
        flow.engine.respond(to: "Design", in: progress, overview: Overview(), using: &first)
            == flow.engine.respond(to: "Design", in: progress, overview: Overview(), using: &second))
}

@Test("a megabyte answer is saved as given and the flow goes on")
func hugeAnswer() throws {
    var flow = try Harness()
    let huge = String(repeating: "word ", count: 200_000)
    #expect(flow.type(huge) == "Who?")
    #expect(flow.progress?.answers["topic"]?.count == huge.count - 1)
}
