/// Everything a rehearsal reads lines with, compiled once by the coach's pattern engine: the
/// topics (`prompts/rehearse/*.topics`), the question forms, the words that say whom a line is
/// about, and each persona with its rejoinders (`prompts/personas/*.persona`).
///
/// The patterns share the coach's concepts and word variants (`~hiring`, `ur` = `your`), and are
/// compiled as intents of their own rule book, apart from the chat's, so that nothing said at the
/// home prompt is read as a rehearsal topic.
public struct RehearsalBook: Sendable {
    /// What one compiled intent stands for.
    enum Entry: Sendable, Equatable {
        case topic(Int)
        case form(QuestionForm)
        /// A rejoinder's `when:`: the user's follow-up.
        case rejoinder(persona: Int, index: Int)
        /// A rejoinder's `heard:`: what the insider must just have said.
        case heard(persona: Int, index: Int)
    }

    /// A question form's examples, for verification.
    struct FormExamples: Sendable {
        var form: QuestionForm
        var examples: [Rule.Example]
        var counterExamples: [Rule.Example]
    }

    /// The personas, sorted by id.
    public let personas: [Persona]
    /// The topics, in file order.
    public let topics: [Topic]
    /// The clock of rehearsals and live checklists.
    public let clock: RehearsalClock
    let forms: [FormExamples]
    let aboutThem: Set<String>
    let aboutSelf: Set<String>
    let patterns: RuleBook
    let entries: [Entry]

    /// The persona with this id or first name, ignoring case.
    public func persona(named name: String) -> Persona? {
        let key = Phrase.normalise(name)
        return personas.first { $0.id == key || Phrase.normalise($0.firstName) == key || Phrase.normalise($0.name) == key }
    }

    /// The topic with this name.
    public func topic(named name: String) -> Topic? {
        topics.first { $0.name == name }
    }

    /// Compiles the rehearsal's files; `ruleFiles` lend their concepts and word variants.
    static func compile(
        topicFiles: [TopicFile], personaFiles: [PersonaSource], ruleFiles: [RuleFile], banks: [QuestionBank], origin: String
    ) throws(PromptError) -> RehearsalBook {
        let somewhere = SourceLocation(file: "prompts/rehearse/talk.topics", line: 0)
        guard let clock = topicFiles.compactMap(\.clock).first?.clock else {
            throw PromptError(reason: .unreadable("no 'clock' block in rehearse/*.topics (the rehearsal needs one; expected it in \(origin))"), location: somewhere)
        }
        var intents = RuleFile()
        var entries: [Entry] = []
        func add(_ name: String, weight: Int, when: [PatternSource], unless: [PatternSource], location: SourceLocation, _ entry: Entry) {
            let intent = Intent(
                name: name, action: "", replies: [], weight: weight, examples: [], counterExamples: [], location: location,
                order: entries.count)
            intents.intents.append(.init(intent: intent, when: when, unless: unless))
            entries.append(entry)
        }
        var topics: [Topic] = []
        var seenTopics: [String: SourceLocation] = [:]
        for source in topicFiles.flatMap(\.topics) {
            if let earlier = seenTopics[source.topic.name] {
                throw PromptError(reason: .duplicateName("topic \(source.topic.name)", firstSeen: earlier), location: source.topic.location)
            }
            seenTopics[source.topic.name] = source.topic.location
            add(
                "topic \(source.topic.name)", weight: source.topic.weight, when: source.when, unless: source.unless,
                location: source.topic.location, .topic(topics.count))
            topics.append(source.topic)
        }
        var forms: [FormExamples] = []
        for source in topicFiles.flatMap(\.forms) {
            add("form \(source.form.rawValue)", weight: source.weight, when: source.when, unless: source.unless, location: source.location, .form(source.form))
            forms.append(FormExamples(form: source.form, examples: source.examples, counterExamples: source.counterExamples))
        }
        let sorted = personaFiles.sorted { $0.persona.id < $1.persona.id }
        let bankNames = banks.map(\.name)
        for (index, source) in sorted.enumerated() {
            let persona = source.persona
            guard bankNames.contains(persona.field) else {
                throw PromptError(
                    reason: .badValue(key: "field", value: persona.field, expected: "the name of a question bank: " + bankNames.joined(separator: ", ")),
                    location: persona.location)
            }
            for (topic, answer) in persona.answers.sorted(by: { $0.key < $1.key })
            where !topics.contains(where: { $0.name == topic && $0.needsAnswer }) {
                let names = topics.filter(\.needsAnswer).map(\.name).joined(separator: ", ")
                throw PromptError(reason: .badValue(key: "answer", value: topic, expected: "a topic that takes an answer: \(names)"), location: answer.location)
            }
            for (number, patterns) in source.rejoinders.enumerated() {
                let rejoinder = persona.rejoinders[number]
                add("\(persona.id) rejoinder \(rejoinder.name)", weight: 0, when: patterns.when, unless: patterns.unless, location: rejoinder.location,
                    .rejoinder(persona: index, index: number))
                add("\(persona.id) heard \(rejoinder.name)", weight: 0, when: patterns.heard, unless: [], location: rejoinder.location,
                    .heard(persona: index, index: number))
            }
        }
        var lent: [RuleFile] = []
        for file in ruleFiles {
            var borrowed = RuleFile()
            borrowed.concepts = file.concepts
            borrowed.replacements = file.replacements
            lent.append(borrowed)
        }
        let words = topicFiles.reduce(into: [String: [String]]()) { $0.merge($1.words) { first, _ in first } }
        for list in TopicParser.wordLists where words[list] == nil {
            throw PromptError(reason: .unreadable("no 'words \(list)' block in rehearse/*.topics (the scorecard needs it)"), location: somewhere)
        }
        return RehearsalBook(
            personas: sorted.map(\.persona), topics: topics, clock: clock, forms: forms, aboutThem: Set(words["about-them"] ?? []),
            aboutSelf: Set(words["about-me"] ?? []), patterns: try RuleBook.compile(lent + [intents]), entries: entries)
    }
}

extension RehearsalBook {
    /// A pattern group that matched a line, and how specific the match was.
    struct Found: Sendable {
        var entry: Entry
        var specificity: Specificity
    }

    /// Lines longer than this are not read for topics (a pasted page): the insider deflects.
    static let longestLine = 2_000

    /// Every entry that `include` admits and whose patterns match the text, most specific first.
    func matches(in text: String, where include: (Entry) -> Bool) -> [Found] {
        guard text.utf8.count <= Self.longestLine else { return [] }
        let book = patterns
        let tokens = book.normaliser.tokens(of: text)
        var marks: [UInt64] = []
        var matcher = Matcher()
        var best: [Int: Specificity] = [:]
        let present = WordSet(words: tokens)
        for candidate in book.intentIndex.candidates(for: tokens, scratch: &marks) {
            let reference = book.intentPrograms[Int(candidate)]
            guard include(entries[reference.intent]) else { continue }
            let compiled = book.intents[reference.intent]
            let program = compiled.when[reference.pattern].program
            guard program.isPossible(present: present), matcher.firstMatch(of: program, in: tokens, sets: book.sets) != nil else { continue }
            if compiled.unless.contains(where: { matcher.firstMatch(of: $0, in: tokens, sets: book.sets) != nil }) { continue }
            let specificity = Specificity(
                weight: compiled.intent.weight, literalWords: program.literalCount, wildcards: program.wildcardCount,
                order: compiled.intent.order)
            if let known = best[reference.intent], known >= specificity { continue }
            best[reference.intent] = specificity
        }
        return best.map { Found(entry: entries[$0.key], specificity: $0.value) }.sorted { $0.specificity > $1.specificity }
    }

    /// The topics a line matches, most specific first; topics that follow an opportunity count
    /// only when one was just raised.
    public func topics(of line: String, offerOpen: Bool) -> [Topic] {
        matches(in: line) { entry in
            guard case .topic(let index) = entry else { return false }
            return offerOpen || !topics[index].afterOffer
        }.compactMap { found in
            if case .topic(let index) = found.entry { return topics[index] }
            return nil
        }
    }

    /// Whether a line is an open or a closed question, if the form patterns say.
    public func form(of line: String) -> QuestionForm? {
        for found in matches(in: line, where: { if case .form = $0 { true } else { false } }) {
            if case .form(let form) = found.entry { return form }
        }
        return nil
    }

    /// The persona's rejoinder for a line, given something the insider said: the most specific
    /// one whose `when:` matches the line and whose `heard:` matches the insider's words.
    /// `anyFollowUp` takes any rejoinder that the insider's words invite ("tell me more").
    public func rejoinder(for line: String, persona: Persona, heard: String, anyFollowUp: Bool = false) -> Persona.Rejoinder? {
        guard let index = personas.firstIndex(where: { $0.id == persona.id }), !heard.isEmpty else { return nil }
        let invited = Set(
            matches(in: heard) { entry in
                if case .heard(let owner, _) = entry { return owner == index }
                return false
            }.compactMap { found -> Int? in
                if case .heard(_, let number) = found.entry { return number }
                return nil
            })
        guard !invited.isEmpty else { return nil }
        if anyFollowUp, let first = invited.min() { return personas[index].rejoinders[first] }
        let asked = matches(in: line) { entry in
            if case .rejoinder(let owner, let number) = entry { return owner == index && invited.contains(number) }
            return false
        }
        guard let found = asked.first, case .rejoinder(_, let number) = found.entry else { return nil }
        return personas[index].rejoinders[number]
    }

    /// How many words of a line are about the insider and how many about the speaker.
    public func wordsAbout(_ line: String) -> (them: Int, me: Int) {
        var them = 0
        var me = 0
        let limit = Self.longestLine * 8
        let text = line.utf8.count <= limit ? line : String(decoding: line.utf8.prefix(limit), as: UTF8.self)
        for word in patterns.normaliser.words(of: text) {
            if aboutThem.contains(word) { them += 1 } else if aboutSelf.contains(word) { me += 1 }
        }
        return (them, me)
    }
}

extension RehearsalBook {
    /// Reads and compiles the rehearsal's files from a set of prompt files.
    static func load(_ files: PromptFiles, ruleFiles: [RuleFile], banks: [QuestionBank]) throws(PromptError) -> RehearsalBook {
        var topics: [TopicFile] = []
        for file in files.files(in: "rehearse", ending: ".topics") {
            topics.append(try TopicParser.parse(file.text, file: file.displayName))
        }
        var personas: [PersonaSource] = []
        for file in files.files(in: "personas", ending: ".persona") {
            personas.append(try PersonaParser.parse(file.text, file: file.displayName))
        }
        return try compile(topicFiles: topics, personaFiles: personas, ruleFiles: ruleFiles, banks: banks, origin: files.origin)
    }
}

extension RehearsalBook {
    /// How many examples the topics, forms and rejoinders carry, for `prompts verify`'s summary.
    public var exampleCount: Int {
        topics.reduce(0) { $0 + $1.examples.count + $1.counterExamples.count }
            + forms.reduce(0) { $0 + $1.examples.count + $1.counterExamples.count }
            + personas.flatMap(\.rejoinders).reduce(0) { $0 + $1.examples.count + $1.counterExamples.count }
    }
}

extension RehearsalBook {
    /// The `.rules` files parsed, for the concepts and word variants the rehearsal's patterns share.
    static func ruleFiles(_ files: PromptFiles) throws(PromptError) -> [RuleFile] {
        var parsed: [RuleFile] = []
        for file in files.files where file.path.hasSuffix(".rules") {
            parsed.append(try RuleParser.parse(file.text, file: file.displayName))
        }
        return parsed
    }
}
