import Testing
@testable import InfoviewCore

/// The prepare flow at its email step, with the parts answered.
private struct EmailStep {
    let library: PromptLibrary
    let engine: FlowEngine
    var progress: FlowProgress
    var random = SeededGenerator(seed: 1)

    init(parts: [String: String]) throws {
        library = try TestSupport.library()
        let flow = try #require(library.flows["prepare"])
        let step = try #require(flow.steps.first { $0.answer == .email })
        engine = FlowEngine(flow: flow, library: library)
        var answers = ["name": "Ms Okafor", "minutes": "20", "sender": "Alex Kim"]
        answers.merge(parts) { _, new in new }
        progress = FlowProgress(flow: flow.name, interview: "Ms Okafor", step: step.name, trail: ["sender"], answers: answers)
    }

    /// What the step shows when it opens.
    @discardableResult
    mutating func open() -> String {
        let outcome = engine.ask(progress, using: &random)
        progress = outcome.progress ?? progress
        return outcome.reply.plainText
    }

    @discardableResult
    mutating func type(_ line: String) -> FlowEngine.Outcome {
        let outcome = engine.respond(to: line, in: progress, overview: Overview(), using: &random)
        if let next = outcome.progress { progress = next }
        return outcome
    }
}

private let goodParts = [
    "email-connection": "Professor Tran suggested I write to you.",
    "email-interest": "I'm curious how your lab decides which water samples to test, and about environmental engineering more broadly.",
    "email-ask": "Would you have 20 minutes in the next few weeks to share your advice?",
]

@Suite("the outreach email")
struct OutreachTests {
    @Test("the draft is assembled from the answers with the step's draft lines, the connection first")
    func assembled() throws {
        var step = try EmailStep(parts: goodParts)
        let shown = step.open()
        let draft = try #require(step.progress.detail?.draft)
        #expect(draft == """
            Dear Ms Okafor,

            Professor Tran suggested I write to you. I'm curious how your lab decides which water samples to test, and about environmental engineering more broadly.
            Would you have 20 minutes in the next few weeks to share your advice?

            Thank you,
            Alex Kim
            """)
        #expect(shown.contains(draft))
    }

    @Test("a draft built as the flow guides passes the coach: the clean line, no findings")
    func goodDraftIsClean() throws {
        var step = try EmailStep(parts: goodParts)
        let shown = step.open()
        #expect(shown.contains(step.library.messages.text("email-clean")))
        var coach = step.library.coach()
        #expect(coach.checkDocument(try #require(step.progress.detail?.draft), channel: .email).isEmpty)
    }

    @Test("a draft that pitches, asks nothing and talks about the writer gets the coach's findings")
    func badDraftIsFlagged() throws {
        var step = try EmailStep(parts: [
            "email-connection": "I am a recent graduate and I am looking for my first job in engineering.",
            "email-interest": "I have strong skills in fluid mechanics and I think I would be a great fit for your team.",
            "email-ask": "Please let me know if you have any openings.",
        ])
        let shown = step.open()
        #expect(!shown.contains(step.library.messages.text("email-clean")))
        var coach = step.library.coach()
        let findings = coach.checkDocument(try #require(step.progress.detail?.draft), channel: .email)
        #expect(findings.contains { $0.severity == .pitch })
        #expect(findings.contains { $0.kind == "no-question" })
        for finding in findings {
            #expect(shown.contains(finding.why))
        }
    }

    @Test("an over-long email gets the length lint; its parts can be redone by name")
    func longEmail() throws {
        let long = String(repeating: "I want to learn about water treatment. ", count: 10).trimmingSpaces()
        var step = try EmailStep(parts: goodParts.merging(["email-interest": long]) { _, new in new })
        let shown = step.open()
        #expect(shown.contains("caution: "))
        let outcome = step.type("interest")
        #expect(step.progress.step == "email-interest")
        #expect(outcome.reply.plainText.contains(step.library.messages.text("previous-answer", ["value": long])))
        step.type("I'm curious how you choose which treatment to trial.")
        #expect(step.progress.step == "email", "the other parts are known: straight back to the draft")
        #expect(step.progress.detail?.draft?.contains("I'm curious how you choose which treatment to trial.") == true)
    }

    @Test("Enter keeps the draft as shown, saves it and moves on")
    func keep() throws {
        var step = try EmailStep(parts: goodParts)
        step.open()
        let draft = try #require(step.progress.detail?.draft)
        let outcome = step.type("")
        #expect(outcome.effects.contains(.save(interview: "Ms Okafor", flow: "prepare", step: "email", field: "outreach-email", value: draft)))
        #expect(outcome.effects.contains(.advanceStage(interview: "Ms Okafor", stage: .conduct)))
        #expect(outcome.progress == nil)
    }

    @Test("paste takes the user's own email, blank lines and all, until a line with a full stop, and lints it")
    func paste() throws {
        var step = try EmailStep(parts: goodParts)
        step.open()
        step.type("paste")
        for line in ["Hi Ms Okafor,", "", "Are you hiring? I'd love to join your team.", "", "Alex"] {
            #expect(step.type(line).reply.lines.isEmpty, "pasting is quiet")
        }
        let shown = step.type(".").reply.plainText
        #expect(step.progress.detail?.ownEmail == "Hi Ms Okafor,\n\nAre you hiring? I'd love to join your team.\n\nAlex")
        #expect(shown.contains("pitch: "))
        let outcome = step.type("y")
        #expect(outcome.effects.contains(.save(interview: "Ms Okafor", flow: "prepare", step: "email", field: "outreach-email", value: "Hi Ms Okafor,\n\nAre you hiring? I'd love to join your team.\n\nAlex")))
    }

    @Test("a paste stops growing at its limits: a long line or a long file cannot fill the database")
    func pasteLimits() throws {
        var step = try EmailStep(parts: goodParts)
        step.open()
        step.type("paste")
        step.type(String(repeating: "x", count: 30_000))
        for _ in 0..<300 { step.type("Hello?") }
        step.type(".")
        let own = try #require(step.progress.detail?.ownEmail)
        #expect(own.split(separator: "\n").count == FlowEngine.longestPaste.lines)
        #expect(own.utf8.count <= FlowEngine.longestPaste.bytes)
    }

    @Test("an empty paste leaves the draft as it was")
    func emptyPaste() throws {
        var step = try EmailStep(parts: goodParts)
        step.open()
        let draft = step.progress.detail?.draft
        step.type("paste")
        step.type("")
        let shown = step.type(".").reply.plainText
        #expect(shown.contains(step.library.messages.text("email-pasted-empty")))
        #expect(step.progress.detail?.ownEmail == nil)
        #expect(step.progress.detail?.draft == draft)
    }

    @Test("a line that is neither a key nor a part's name says what to type")
    func unclear() throws {
        var step = try EmailStep(parts: goodParts)
        step.open()
        let said = step.type("make it shorter").reply.plainText
        #expect(said == step.library.messages.text("email-keys", ["choices": "connection, interest, ask, signature"]))
        #expect(step.progress.step == "email")
    }

    @Test("a saved email is shown as it was saved when the flow comes back to it without a new part")
    func savedEmail() throws {
        var step = try EmailStep(parts: goodParts)
        step.progress.answers["outreach-email"] = "Hello,\n\nMy own words. Would you have time?\n\nAlex"
        step.progress.trail = ["minutes"]
        step.open()
        #expect(step.progress.detail?.draft == "Hello,\n\nMy own words. Would you have time?\n\nAlex")
    }

    @Test("missing parts leave no stray spaces or runs of blank lines", arguments: [
        ([String: String](), "Dear Sam,\n\nThank you,"),
        (["b": "B."], "Dear Sam,\n\nB.\n\nThank you,"),
        (["a": "A.", "b": "B."], "Dear Sam,\n\nA. B.\n\nThank you,"),
    ])
    func assemble(parts: [String: String], expected: String) {
        let templates = ["Dear {name},", "", "{a}[ {b}]", "{c}", "", "Thank you,", "{sender}"].map { TextTemplate($0)! }
        #expect(FlowEngine.assemble(templates, parts.merging(["name": "Sam"]) { $1 }) == expected)
    }
}
