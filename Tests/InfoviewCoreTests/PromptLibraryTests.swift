import Testing
@testable import InfoviewCore

@Test("every file in prompts/ parses, and the built-in copy is the same")
func everyPromptFileParses() throws {
    let files = try PromptFiles.read(from: TestSupport.promptsFolder)
    let library = try PromptLibrary.load(files)
    #expect(library.flows["prepare"] != nil)
    #expect(files.files(in: "flows", ending: ".flow").count == library.flows.count)
    #expect(files.files.map(\.path) == PromptFiles.builtIn.files.map(\.path))
    #expect(files.files.map(\.text) == PromptFiles.builtIn.files.map(\.text))
}

@Test("every intent's examples route where they say, and nothing else steals them")
func intentsVerify() throws {
    let library = try TestSupport.library()
    let problems = RuleVerifier.verify(library.rules).filter { $0.location.file.contains("/chat/") }
    #expect(problems.isEmpty, "\(problems.map(\.description))")
}

@Test("every intent's action names something the home engine does")
func intentActions() throws {
    let library = try TestSupport.library()
    let intents = library.intents.intents
    #expect(intents.count >= 5)
    for intent in intents {
        let action = intent.action.replacingOccurrences(of: "{1}", with: "Sam").replacingOccurrences(of: "{2}", with: "Sam")
        #expect(HomeAction(action) != nil, "\(intent.location): 'do: \(intent.action)' is not an action")
    }
}

@Test("the prepare flow asks who, how you know them and whether they'd be your boss, and coaches a no")
func prepareFlowShape() throws {
    let flow = try #require(try TestSupport.library().flows["prepare"])
    let fields = flow.steps.compactMap(\.save)
    for field in ["name", "role", "organisation", "connection", "immediate-boss"] {
        #expect(fields.contains(field))
    }
    let boss = try #require(flow.steps.first { $0.save == "immediate-boss" })
    #expect(boss.answer == .yesNo)
    #expect(boss.saysIfNo.allSatisfy { $0.source.contains("hiring manager") && $0.source.contains("day-to-day") })
    #expect(flow.steps.last?.isClosing == true)
}

@Test("a prompts folder without the prepare flow is refused with the file it needs")
func missingPrepareFlow() throws {
    let files = try PromptFiles.read(from: TestSupport.promptsFolder)
    let without = PromptFiles(files: files.files.filter { !$0.path.hasPrefix("flows/") }, origin: "a copy")
    #expect {
        try PromptLibrary.load(without)
    } throws: { error in
        (error as? PromptError)?.description.hasPrefix("prompts/flows/prepare.flow:0: no flows/prepare.flow") == true
    }
}

@Test("rules compiled in the background are the same rules, waited for on first use")
func rulesInBackground() throws {
    let deferred = try PromptLibrary.load(.builtIn, rulesInBackground: true)
    let ready = try PromptLibrary.load(.builtIn)
    #expect(deferred.rules.allRules.map(\.id) == ready.rules.allRules.map(\.id))
    var coach = deferred.coach()
    #expect(coach.check("Are you hiring?", channel: .spoken).contains { $0.severity == .pitch })
}
