import Testing
@testable import InfoviewCore

/// The real messages file with one line changed, so each test breaks exactly one thing.
private func messages(replacing old: String, with new: String) throws -> [(text: String, file: String)] {
    let files = try PromptFiles.read(from: TestSupport.promptsFolder).files(in: "chat", ending: ".messages")
    return files.map { file in (file.text.replacingOccurrences(of: old, with: new), file.displayName) }
}

@Test("the shipped messages hold every message, command, word list and the goal")
func shippedMessages() throws {
    let book = try MessageParser.parse(try messages(replacing: "", with: ""))
    #expect(book.goalMinimum == 5 && book.goalMaximum == 15)
    #expect(Set(book.commands.map(\.name)) == Set(SlashCommand.allCases.map(\.rawValue)))
    #expect(book.words["yes"]?.contains("yeah") == true)
    #expect(book.words["no"]?.contains("i dont think so") == true, "phrases are normalised as answers are")
    #expect(book.messages["explain"]?.lines.isEmpty == false)
    #expect(book.messages["not-understood"]?.variants.count ?? 0 >= 2)
}

@Test("a mistake in a messages file names its line", arguments: [
    ("message welcome-back", "message welcome-bak", "'message: welcome-bak' is not valid (expected one of the messages the app says, such as welcome or not-understood)"),
    ("  say: Your interviews:", "  say: Your {count} interviews:", "'say: Your {count} interviews:' is not valid (expected no placeholders in this message, but found {count})"),
    ("  say: There's no interview with {name}.[ Did you mean {nearest}?]", "  say: No {nmae}.", "'say: No {nmae}.' is not valid (expected only {name}, {nearest} in this message, but found {nmae})"),
    ("  at-least: 5", "  at-least: five", "'at-least: five' is not valid (expected a whole number above 0)"),
    ("  usage: /list", "  usage: list", "'usage: list' is not valid (expected text starting with /list)"),
    ("  does: show this list", "  dose: show this list", "unknown key 'dose' (expected usage or does)"),
    ("words yes", "words yess", "'words: yess' is not valid (expected yes, no, unsure, back, skip, stop, done, question-words, add, pass, keep, edit, list, next, commands, delete, move, category, paste)"),
    ("message quit", "mesage quit", "unknown block 'mesage' (expected a header starting with message, command, words, goal, timing or question-list)"),
])
func messageMistakes(old: String, new: String, message: String) throws {
    let files = try messages(replacing: old, with: new)
    let file = try #require(files.first { $0.text.contains(new) })
    let lines = file.text.split(separator: "\n", omittingEmptySubsequences: false)
    let line = try #require(lines.firstIndex { $0 == new }) + 1
    #expect {
        try MessageParser.parse(files)
    } throws: { error in
        (error as? PromptError)?.description == "\(file.file):\(line): \(message)"
    }
}

@Test("a message the app needs but the files lack is named")
func missingMessage() throws {
    let files = try messages(replacing: "message stopped-nothing\n  say: Stopped. Nothing was saved.\n", with: "")
    #expect {
        try MessageParser.parse(files)
    } throws: { error in
        (error as? PromptError)?.reason == .unreadable("no 'message stopped-nothing' in prompts/chat/*.messages (the app needs it)")
    }
}

@Test("a message defined twice points at both places")
func duplicateMessage() throws {
    #expect {
        try MessageParser.parse([("message quit\n  say: Bye\n\nmessage quit\n  say: Ciao\n", "m.messages")])
    } throws: { error in
        (error as? PromptError)?.description == "m.messages:4: 'message quit' is defined twice (first at m.messages:1)"
    }
}

@Test("the shipped timing and question-list blocks")
func shippedPlanning() throws {
    let book = try MessageParser.parse(try messages(replacing: "", with: ""))
    #expect(book.timing.defaultMinutes == 30)
    #expect(book.timing.questionsThatFit(in: 30) == 8)
    #expect(book.timing.keepForEnd == [.resources, .assignments])
    #expect(book.minutesRange.contains(book.timing.defaultMinutes))
    #expect(book.questionList.closing.hasSuffix("?"))
    #expect(book.questionList.isLikeClosing(book.questionList.closing))
    #expect(book.questionList.isLikeClosing("Who else would you suggest I talk to?"))
    #expect(!book.questionList.isLikeClosing("What else should I read?"))
}

@Test("a mistake in the timing or question-list block names its line", arguments: [
    ("  default-minutes: 30", "  default-minutes: 300", "'default-minutes: 300' is not valid (expected a number from shortest (10) to longest (120))"),
    ("  per-question: 3", "  per-question: none", "'per-question: none' is not valid (expected a whole number, at least 1)"),
    ("  keep-for-end: assignments", "  keep-for-end: questions", "'keep-for-end: questions' is not valid (expected trends, insights, advice, resources, assignments)"),
    ("  closing: Who else should I talk to?", "  closing: Who else should I talk to", "'closing: Who else should I talk to' is not valid (expected one question, ending with '?')"),
    ("  per-category: 2", "  per-category: 0", "'per-category: 0' is not valid (expected a whole number, at least 1)"),
    ("  usual-category: insights", "  usual-category: general", "'usual-category: general' is not valid (expected trends, insights, advice, resources, assignments)"),
])
func planningMistakes(old: String, new: String, message: String) throws {
    let files = try messages(replacing: old, with: new)
    let file = try #require(files.first { $0.text.contains(new) })
    let lines = file.text.split(separator: "\n", omittingEmptySubsequences: false)
    let line = try #require(lines.firstIndex { $0 == new }) + 1
    #expect {
        try MessageParser.parse(files)
    } throws: { error in
        (error as? PromptError)?.description == "\(file.file):\(line): \(message)"
    }
}

@Test("a prompts folder without the timing block is refused by name")
func missingTiming() throws {
    let files = try messages(replacing: "", with: "").map { file in
        (file.text.components(separatedBy: "\n\n").filter { !$0.hasPrefix("timing\n") }.joined(separator: "\n\n"), file.file)
    }
    #expect(files.contains { $0.0.contains("question-list\n") })
    #expect {
        try MessageParser.parse(files)
    } throws: { error in
        (error as? PromptError)?.reason == .unreadable("no 'timing' block in prompts/chat/*.messages (the app needs it)")
    }
}
