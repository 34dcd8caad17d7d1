import Testing
@testable import InfoviewCore

private func question(_ text: String, _ category: TiaraCategory, _ origin: PlannedQuestion.Origin = .own) -> PlannedQuestion {
    PlannedQuestion(text: text, category: category, origin: origin)
}

@Test("a new question goes after the last one of its own or an earlier category; the closing question stays last")
func insertion() {
    var list = QuestionList([question("Who else?", .resources, .closing)])
    list.add(question("A1?", .advice))
    list.add(question("T1?", .trends))
    list.add(question("S1?", .assignments))
    list.add(question("I1?", .insights))
    list.add(question("T2?", .trends))
    #expect(list.questions.map(\.text) == ["T1?", "T2?", "I1?", "A1?", "S1?", "Who else?"])
}

@Test("after the user reorders, a new question still goes after the last of its category")
func insertionAfterMove() {
    var list = QuestionList([question("A1?", .advice), question("T1?", .trends)])
    list.add(question("I1?", .insights))
    #expect(list.questions.map(\.text) == ["A1?", "T1?", "I1?"])
}

@Test("move, remove, replace keep everything else in place")
func edits() {
    var list = QuestionList([question("1?", .trends), question("2?", .insights), question("3?", .advice)])
    list.move(from: 2, to: 0)
    #expect(list.questions.map(\.text) == ["3?", "1?", "2?"])
    list.move(from: 0, to: 9)
    #expect(list.questions.map(\.text) == ["1?", "2?", "3?"])
    #expect(list.remove(at: 1).text == "2?")
    list.replace(at: 0, with: question("One?", .trends))
    #expect(list.questions.map(\.text) == ["One?", "3?"])
}

@Test("the coverage meter counts every category and names the empty ones in TIARA order")
func coverage() {
    let list = QuestionList([question("1?", .advice), question("2?", .trends), question("3?", .advice)])
    #expect(list.coverage.map(\.count) == [1, 0, 2, 0, 0])
    #expect(list.emptyCategories == [.insights, .resources, .assignments])
    #expect(list.contains("1"))
    #expect(!list.contains("4?"))
}
