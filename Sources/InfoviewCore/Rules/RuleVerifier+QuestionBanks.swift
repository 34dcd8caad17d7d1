extension RuleVerifier {
    /// Every suggested question that the coach flags as a pitch or a caution when it is planned
    /// (channel `question`), as `file:line: message`, in bank order. Suggestions must be
    /// questions the coach itself would pass; tips are fine.
    public static func verify(_ banks: [QuestionBank], against book: RuleBook) -> [PromptError] {
        var coach = Coach(book: book)
        var problems: [PromptError] = []
        for bank in banks {
            for question in bank.questions {
                let findings = coach.check(question.text, channel: .question)
                guard let finding = findings.filter({ $0.severity != .tip }).min(by: { $0.severity < $1.severity }) else {
                    continue
                }
                problems.append(
                    PromptError(
                        reason: .badValue(
                            key: question.category.rawValue, value: question.text,
                            expected: "a question the coach passes, but rule \(finding.rule) flags \"\(finding.quote)\" as a \(finding.severity.rawValue)"),
                        location: question.location))
            }
        }
        return problems
    }
}
