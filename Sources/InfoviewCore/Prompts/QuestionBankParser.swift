/// Reads question banks (`prompts/questions/*.questions`): one `bank NAME` block per field.
///
/// ```
/// bank software
///   title: Software engineering
///   match: software
///   match: web development
///   trends: How has the way your team ships software changed in the last two years?
///   insights: What does a good week look like for you?
///   advice: …
///   resources: …
///   assignments: …
/// ```
///
/// `match:` lines are the words a user may type for the field. The five TIARA keys hold one
/// question each; repeat a key for more. The bank named `general` is the fallback for any field.
public enum QuestionBankParser {
    /// The keys a bank may have.
    static let keys = ["title", "match"] + TiaraCategory.allCases.map(\.rawValue)

    /// Parses one file's banks, in file order.
    public static func parse(_ text: String, file: String) throws(PromptError) -> [QuestionBank] {
        var banks: [QuestionBank] = []
        var firstSeen: [String: SourceLocation] = [:]
        let blocks = try PromptDocument.parse(text, file: file)
        // A stray header (often a question that lost its indent) is the mistake to report, not
        // the bank above it left without questions.
        if let stray = blocks.first(where: { $0.kind != "bank" }) {
            throw PromptError(reason: .unknownBlock(stray.kind, expected: ["bank"]), location: stray.location)
        }
        for block in blocks {
            try checkUnique(block, firstSeen: &firstSeen)
            banks.append(try bank(from: block))
        }
        return banks
    }

    /// Parses every file together: bank names are unique across files, and the `general` bank
    /// must be there.
    public static func parse(_ files: [(text: String, file: String)]) throws(PromptError) -> [QuestionBank] {
        var banks: [QuestionBank] = []
        var firstSeen: [String: SourceLocation] = [:]
        for (text, file) in files {
            for bank in try parse(text, file: file) {
                if let earlier = firstSeen[bank.name] {
                    throw PromptError(reason: .duplicateName(bank.name, firstSeen: earlier), location: bank.location)
                }
                firstSeen[bank.name] = bank.location
                banks.append(bank)
            }
        }
        guard banks.contains(where: { $0.name == QuestionBank.generalName }) else {
            throw PromptError(
                reason: .unreadable(
                    "no 'bank \(QuestionBank.generalName)' in questions/*.questions (expected it: its questions are suggested when no other bank matches the user's field)"
                ),
                location: SourceLocation(file: files.first?.file ?? "prompts/questions/general.questions", line: 0))
        }
        return banks
    }
}

private extension QuestionBankParser {
    static func checkUnique(_ block: PromptBlock, firstSeen: inout [String: SourceLocation]) throws(PromptError) {
        guard !block.name.isEmpty, block.name.allSatisfy(isNameCharacter) else {
            throw PromptError(
                reason: .badValue(key: "bank", value: block.name, expected: "a bank name of lowercase letters, digits and '-'"),
                location: block.location)
        }
        if let earlier = firstSeen[block.name] {
            throw PromptError(reason: .duplicateName(block.name, firstSeen: earlier), location: block.location)
        }
        firstSeen[block.name] = block.location
    }

    static func bank(from block: PromptBlock) throws(PromptError) -> QuestionBank {
        try block.checkKeys(keys)
        let titles = block.entries("title")
        if titles.count > 1 {
            throw PromptError(
                reason: .badValue(key: "title", value: titles[1].value, expected: "one 'title:' line per bank"),
                location: titles[1].location)
        }
        let title = try block.required("title")
        guard !title.value.isEmpty else {
            throw PromptError(reason: .badValue(key: "title", value: "", expected: "the field's name, such as Software engineering"), location: title.location)
        }
        var matches: [String] = []
        var questions: [QuestionBank.Question] = []
        var seenQuestions: [String: SourceLocation] = [:]
        for entry in block.entries {
            if entry.key == "match" {
                let phrase = Phrase.normalise(entry.value)
                guard !phrase.isEmpty else {
                    throw PromptError(
                        reason: .badValue(key: "match", value: entry.value, expected: "a word or phrase with letters or digits"),
                        location: entry.location)
                }
                matches.append(phrase)
            } else if let category = TiaraCategory(rawValue: entry.key) {
                guard entry.value.hasSuffix("?"), entry.value.count > 1 else {
                    throw PromptError(
                        reason: .badValue(key: entry.key, value: entry.value, expected: "one question, ending with '?'"),
                        location: entry.location)
                }
                let sameQuestion = Phrase.normalise(entry.value)
                if let earlier = seenQuestions[sameQuestion] {
                    throw PromptError(reason: .duplicateName(entry.value, firstSeen: earlier), location: entry.location)
                }
                seenQuestions[sameQuestion] = entry.location
                questions.append(QuestionBank.Question(text: entry.value, category: category, location: entry.location))
            }
        }
        guard !questions.isEmpty else {
            let categories = TiaraCategory.allCases.map { "\($0.rawValue):" }
            throw PromptError(
                reason: .unreadable(
                    "bank \(block.name) has no questions (expected at least one \(categories.dropLast().joined(separator: ", ")) or \(categories.last!) line)"
                ),
                location: block.location)
        }
        return QuestionBank(name: block.name, title: title.value, matches: matches, questions: questions, location: block.location)
    }

    static func isNameCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLowercase || character.isNumber || character == "-")
    }
}
