import Testing
@testable import InfoviewCore

private let timing = Timing(defaultMinutes: 30, minutesPerQuestion: 3, openingMinutes: 3, closingMinutes: 3, keepForEnd: [.resources, .assignments])

private func questions(_ categories: [TiaraCategory]) -> [PlannedQuestion] {
    categories.enumerated().map { PlannedQuestion(text: "Question \($0.offset + 1)?", category: $0.element, origin: .own) }
}

@Test("how many questions fit: the minutes left after opening and closing, a few minutes each", arguments: [
    (30, 8), (20, 4), (25, 6), (10, 1), (6, 1), (60, 18),
])
func fits(minutes: Int, expected: Int) {
    #expect(timing.questionsThatFit(in: minutes) == expected)
}

@Test("the last Resources and Assignments questions are kept for the end; the rest are asked while they fit")
func marks() {
    let list = questions([.trends, .trends, .insights, .insights, .advice, .resources, .assignments, .resources])
    let plan = TimePlan(minutes: 20, questions: list, timing: timing)
    #expect(plan.fits == 4)
    #expect(plan.marks == [.ask, .ask, .ifTime, .ifTime, .ifTime, .ifTime, .keepForEnd, .keepForEnd])
    #expect(plan.askedNumbers == [1, 2])
}

@Test("a short list fits whole; a list without Resources or Assignments keeps nothing back")
func shortList() {
    let plan = TimePlan(minutes: 30, questions: questions([.trends, .insights, .advice]), timing: timing)
    #expect(plan.marks == [.ask, .ask, .ask])
}

@Test("when even the kept questions do not fit, they are still kept and the others wait")
func tooLittleTime() {
    let plan = TimePlan(minutes: 10, questions: questions([.insights, .resources, .assignments]), timing: timing)
    #expect(plan.fits == 1)
    #expect(plan.marks == [.ifTime, .keepForEnd, .keepForEnd])
}

@Test("an empty list has an empty plan")
func emptyPlan() {
    #expect(TimePlan(minutes: 30, questions: [], timing: timing).marks.isEmpty)
}
