import Testing
@testable import InfoviewCore

// MARK: - The parser

@Test("a bank parses: title, normalised match phrases, questions in TIARA order with their lines")
func bankParses() throws {
    let text = """
        # a comment
        bank nonprofit-public
          title: Non-profit and public sector
          match: Non-Profit
          match: public   sector
          assignments: What could I volunteer for first?
          trends: How has funding changed?
          insights: What does a normal week look like?
          trends: Which debates shape your work?

        bank general
          title: Any field
          advice: What would you do in my place?
        """
    let banks = try QuestionBankParser.parse(text, file: "b.questions")
    #expect(banks.map(\.name) == ["nonprofit-public", "general"])
    let bank = banks[0]
    #expect(bank.title == "Non-profit and public sector")
    #expect(bank.matches == ["non profit", "public sector"])
    #expect(bank.location == SourceLocation(file: "b.questions", line: 2))
    #expect(bank.questions.map(\.category) == [.trends, .trends, .insights, .assignments])
    #expect(bank.questions.map(\.location.line) == [7, 9, 8, 6])
    #expect(bank.questions(in: .trends).map(\.text) == ["How has funding changed?", "Which debates shape your work?"])
    #expect(bank.questions(in: .advice).isEmpty)
    #expect(banks[1].matches.isEmpty)
}

@Test("TIARA categories sort in the order trends, insights, advice, resources, assignments")
func tiaraOrder() {
    #expect(TiaraCategory.allCases.map(\.rawValue) == ["trends", "insights", "advice", "resources", "assignments"])
    #expect(TiaraCategory.allCases.shuffled().sorted() == TiaraCategory.allCases)
}

@Test(
    "each mistake in a bank file names its file and line",
    arguments: [
        (
            "bank x\n  title: X\n  trnds: What changed?",
            "b.questions:3: unknown key 'trnds' (expected title, match, trends, insights, advice, resources or assignments)"
        ),
        (
            "bank x\n  match: x\n  trends: What changed?",
            "b.questions:1: bank x has no 'title:' line (every bank needs one)"
        ),
        (
            "bank x\n  title: X\n  trends: What changed?\n\nbank x\n  title: Y\n  trends: Why?",
            "b.questions:5: 'x' is defined twice (first at b.questions:1)"
        ),
        (
            "bank x\n  title: X\n  match: x",
            "b.questions:1: bank x has no questions (expected at least one trends:, insights:, advice:, resources: or assignments: line)"
        ),
        (
            "banks x\n  title: X",
            "b.questions:1: unknown block 'banks' (expected a header starting with bank)"
        ),
        (
            "bank Software\n  title: X\n  trends: Why?",
            "b.questions:1: 'bank: Software' is not valid (expected a bank name of lowercase letters, digits and '-')"
        ),
        (
            "bank\n  title: X\n  trends: Why?",
            "b.questions:1: 'bank: ' is not valid (expected a bank name of lowercase letters, digits and '-')"
        ),
        (
            "bank x\n  title: X\n  title: Y\n  trends: Why?",
            "b.questions:3: 'title: Y' is not valid (expected one 'title:' line per bank)"
        ),
        (
            "bank x\n  title:\n  trends: Why?",
            "b.questions:2: 'title: ' is not valid (expected the field's name, such as Software engineering)"
        ),
        (
            "bank x\n  title: X\n  match: --\n  trends: Why?",
            "b.questions:3: 'match: --' is not valid (expected a word or phrase with letters or digits)"
        ),
        (
            "bank x\n  title: X\n  advice: Tell me what you would do.",
            "b.questions:3: 'advice: Tell me what you would do.' is not valid (expected one question, ending with '?')"
        ),
        (
            "bank x\n  title: X\n  advice: What helped?\n  trends: what  helped",
            "b.questions:4: 'trends: what  helped' is not valid (expected one question, ending with '?')"
        ),
        (
            "bank x\n  title: X\n  advice: What helped?\n  trends: What HELPED ?",
            "b.questions:4: 'What HELPED ?' is defined twice (first at b.questions:3)"
        ),
        (
            "bank x\n  title: X\nadvice: What helped?",
            "b.questions:3: unknown block 'advice:' (expected a header starting with bank)"
        ),
    ])
func bankMistake(text: String, message: String) {
    #expect {
        try QuestionBankParser.parse(text, file: "b.questions")
    } throws: { error in
        (error as? PromptError)?.description == message
    }
}

@Test("a misspelled key is the PromptError for its line, with the keys a bank takes")
func bankUnknownKeyValue() {
    let at = SourceLocation(file: "g.questions", line: 3)
    #expect(throws: PromptError(reason: .unknownKey("sources", expected: QuestionBankParser.keys), location: at)) {
        try QuestionBankParser.parse("bank general\n  title: Any\n  sources: Who else?", file: "g.questions")
    }
}

@Test("bank names are unique across files, and the general bank must be somewhere")
func bankFilesTogether() throws {
    let general = (text: "bank general\n  title: Any\n  trends: What changed?", file: "g.questions")
    let design = (text: "bank design\n  title: Design\n  match: ux\n  advice: What helped?", file: "d.questions")
    #expect(try QuestionBankParser.parse([design, general]).map(\.name) == ["design", "general"])

    let again = (text: "# again\nbank design\n  title: Design 2\n  trends: Why now?", file: "e.questions")
    #expect {
        try QuestionBankParser.parse([design, general, again])
    } throws: { error in
        (error as? PromptError)?.description == "e.questions:2: 'design' is defined twice (first at d.questions:1)"
    }
    #expect {
        try QuestionBankParser.parse([design])
    } throws: { error in
        (error as? PromptError)?.description
            == "d.questions:0: no 'bank general' in questions/*.questions (expected it: its questions are suggested when no other bank matches the user's field)"
    }
}

@Test("a prompts folder without question banks is refused, naming the general bank")
func libraryNeedsGeneralBank() throws {
    let files = try PromptFiles.read(from: TestSupport.promptsFolder)
    let without = PromptFiles(files: files.files.filter { !$0.path.hasPrefix("questions/") }, origin: "a copy")
    #expect {
        try PromptLibrary.load(without)
    } throws: { error in
        (error as? PromptError)?.description.hasPrefix("prompts/questions/general.questions:0: no 'bank general'") == true
    }
}

// MARK: - The shipped banks

@Test("the general bank has at least ten questions in every TIARA category")
func generalBankSize() throws {
    let library = try TestSupport.library()
    let general = try #require(library.banks.first { $0.name == QuestionBank.generalName })
    for category in TiaraCategory.allCases {
        #expect(general.questions(in: category).count >= 10, "general has too few \(category) questions")
    }
    #expect(general.questions.count >= 50)
}

@Test(
    "every field a career centre needs has a bank with at least three questions per TIARA category",
    arguments: ["software", "data", "marketing", "finance", "design", "healthcare", "education", "nonprofit-public", "law", "engineering", "media", "science"])
func fieldBankSize(name: String) throws {
    let bank = try #require(try TestSupport.library().banks.first { $0.name == name })
    #expect(!bank.matches.isEmpty)
    for category in TiaraCategory.allCases {
        #expect(bank.questions(in: category).count >= 3, "\(bank.location): \(name) has too few \(category) questions")
    }
}

@Test("every shipped question passes the shipped coach: no pitch and no caution on the question channel")
func shippedQuestionsPassTheCoach() throws {
    let library = try TestSupport.library()
    var coach = library.coach()
    var checked = 0
    for bank in library.banks {
        for question in bank.questions {
            let findings = coach.check(question.text, channel: .question).filter { $0.severity != .tip }
            #expect(findings.isEmpty, "\(question.location): \"\(question.text)\" draws \(findings.map { "\($0.rule) on \"\($0.quote)\"" })")
            checked += 1
        }
    }
    #expect(checked >= 50 + 8 * 15)
    #expect(RuleVerifier.verify(library.banks, against: library.rules).isEmpty)
}

@Test("every shipped question is one open question of at most 25 words")
func shippedQuestionsAreShortAndOpen() throws {
    let openers: Set = ["what", "how", "why", "which", "who", "whose", "where", "when"]
    for bank in try TestSupport.library().banks {
        for question in bank.questions {
            let words = Phrase.normalise(question.text).split(separator: " ")
            #expect(words.count <= 25, "\(question.location): \(words.count) words")
            #expect(openers.contains(String(words.first ?? "")), "\(question.location): \"\(question.text)\" does not open with a question word")
            #expect(question.text.filter { $0 == "?" }.count == 1, "\(question.location): more than one question")
        }
    }
}

@Test("a suggested question the coach flags is reported at its line, with the rule and the words")
func verifierReportsFlaggedQuestion() throws {
    let library = try TestSupport.library()
    let banks = try QuestionBankParser.parse(
        "bank x\n  title: X\n  trends: What has changed in your field lately?\n  insights: Are you hiring at the moment?",
        file: "x.questions")
    let problems = RuleVerifier.verify(banks, against: library.rules)
    #expect(problems.count == 1)
    let problem = try #require(problems.first)
    #expect(problem.location == SourceLocation(file: "x.questions", line: 4))
    #expect(problem.description.hasPrefix("x.questions:4: 'insights: Are you hiring at the moment?' is not valid (expected a question the coach passes, but rule "))
    #expect(problem.description.hasSuffix(" as a pitch)"))
}

// MARK: - Choosing a bank for the user's field

@Test(
    "the field the user types picks the bank with the best match, else general",
    arguments: [
        ("I'm into UX design", "design"),
        ("nursing", "healthcare"),
        ("Nurses and midwives", "healthcare"),
        ("software engineer", "software"),
        ("SOFTWARE ENGINEERING!", "software"),
        ("civil engineering", "engineering"),
        ("data engineering", "data"),
        ("instructional design", "education"),
        ("market research", "marketing"),
        ("UX research", "design"),
        ("lab research in biology", "science"),
        ("non-profit work", "nonprofit-public"),
        ("the public sector", "nonprofit-public"),
        ("investment banking", "finance"),
        ("a law firm", "law"),
        ("radio and podcasts", "media"),
        ("underwater basket weaving", "general"),
        ("", "general"),
        ("!!!", "general"),
    ])
func fieldLookup(typed: String, expected: String) throws {
    #expect(try TestSupport.library().bank(forField: typed).name == expected)
}

@Test("ties go to the longer phrase, then to more of the typed words covered, then to the earlier bank")
func fieldLookupTieBreaks() throws {
    var library = try TestSupport.library()
    library.banks = try QuestionBankParser.parse(
        """
        bank general
          title: Any
          trends: What changed?

        bank one
          title: One
          match: design
          match: web
          trends: What changed?

        bank two
          title: Two
          match: design
          match: web design
          trends: What changed?

        bank three
          title: Three
          match: design
          match: tools
          match: print
          trends: What changed?
        """, file: "t.questions")
    #expect(library.bank(forField: "web design").name == "two")
    #expect(library.bank(forField: "design tools for print").name == "three")
    #expect(library.bank(forField: "design").name == "one")
    #expect(library.bank(forField: "designs").name == "one")
    #expect(library.bank(forField: "designer").name == "general")
}
