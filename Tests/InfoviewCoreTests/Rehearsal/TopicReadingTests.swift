import Testing
@testable import InfoviewCore

@Test("the questions of every bank are read as a topic of their own TIARA category, nearly all of them")
func bankQuestionsFindTheirCategory() throws {
    let library = try TestSupport.library()
    var misses: [String] = []
    var total = 0
    for bank in library.banks {
        for question in bank.questions {
            total += 1
            let category = library.rehearsal.topics(of: question.text, offerOpen: false).first?.category
            if category != question.category {
                misses.append("\(question.category.rawValue) -> \(category?.rawValue ?? "none"): \(question.text)")
            }
        }
    }
    let listed = misses.joined(separator: "\n")
    #expect(Double(misses.count) <= Double(total) * 0.15, "\(misses.count) of \(total) bank questions read in another category:\n\(listed)")
}
