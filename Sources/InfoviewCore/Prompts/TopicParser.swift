/// The blocks of a `prompts/rehearse/*.topics` file, checked for unknown keys and bad values.
struct TopicFile: Sendable {
    struct TopicSource: Sendable {
        var topic: Topic
        var when: [PatternSource]
        var unless: [PatternSource]
    }

    struct FormSource: Sendable {
        var form: QuestionForm
        var weight: Int
        var when: [PatternSource]
        var unless: [PatternSource]
        var examples: [Rule.Example]
        var counterExamples: [Rule.Example]
        var location: SourceLocation
    }

    var topics: [TopicSource] = []
    var forms: [FormSource] = []
    /// `words about-them` and `words about-me`: normalised words.
    var words: [String: [String]] = [:]
    var clock: (clock: RehearsalClock, location: SourceLocation)?
}

/// Reads the topics of a rehearsal: what a line said to the insider is about, whether it is an
/// open or a closed question, which words are about whom, and the rehearsal's clock.
///
/// ```
/// clock
///   length: 20            # minutes, when the interview has no plan
///   per-question: 2       # minutes a question and its answer take
///   per-remark: 1         # minutes small talk, thanks or a deflection take
///   wrap-up: 4            # the insider signals the end this many minutes before it
///   overtime: 4           # and leaves this many minutes after it
///   cool-for: 3           # exchanges the insider stays cool after a pitch
///   offer-window: 3-6     # the exchanges after which an insider may raise an opportunity
///   live-warning: 5       # the live checklist warns this many minutes before the end
///   bank-questions: 5     # questions a live checklist takes from a bank without a list
///
/// topic trends
///   category: trends      # TIARA category; none for small talk and moves
///   reply: answer         # or offer-details, or a reaction: thanked, farewell, more, declined
///   notice: people        # what the scorecard notices: thanks or people
///   ends: true            # a goodbye ends the rehearsal
///   after-offer: true     # only right after the insider raised an opportunity
///   minutes: 2
///   weight: 1
///   when: how (has | is) * changing
///   unless: …
///   example: How has the field changed since you started?
///   not: …
///
/// form closed             # or open: the question's form, for the scorecard
///   when: ^ (is | are | do | does) *30 (? | $)
///
/// words about-them        # or about-me: words that say whom a line is about
///   is: you
/// ```
enum TopicParser {
    static let blockKinds = ["clock", "topic", "form", "words"]
    static let wordLists = ["about-them", "about-me"]

    static func parse(_ text: String, file: String) throws(PromptError) -> TopicFile {
        var result = TopicFile()
        var seen: [String: SourceLocation] = [:]
        for block in try PromptDocument.parse(text, file: file) {
            guard blockKinds.contains(block.kind) else {
                throw PromptError(reason: .unknownBlock(block.kind, expected: blockKinds), location: block.location)
            }
            let key = "\(block.kind) \(block.name)"
            if block.kind != "form", let earlier = seen[key] {
                throw PromptError(reason: .duplicateName(key, firstSeen: earlier), location: block.location)
            }
            seen[key] = block.location
            switch block.kind {
            case "clock": result.clock = (try clock(block), block.location)
            case "topic": result.topics.append(try topic(block))
            case "form": result.forms.append(try form(block))
            default:
                try block.checkKeys(["is"])
                guard wordLists.contains(block.name) else {
                    throw PromptError(
                        reason: .badValue(key: "words", value: block.name, expected: wordLists.joined(separator: " or ")),
                        location: block.location)
                }
                let words = block.values("is").map { Phrase.normalise($0) }.filter { !$0.isEmpty }
                guard !words.isEmpty else { throw PromptError(reason: .missingKey("is", block: key), location: block.location) }
                result.words[block.name] = words
            }
        }
        return result
    }
}

private extension TopicParser {
    static func topic(_ block: PromptBlock) throws(PromptError) -> TopicFile.TopicSource {
        try block.checkKeys(["category", "reply", "notice", "ends", "after-offer", "minutes", "weight", "when", "unless", "example", "not"])
        try PromptText.checkName(block)
        _ = try block.required("when")
        let category = try block.entries("category").last.map { entry throws(PromptError) in try PromptText.category(entry) }
        var reply = Topic.Reply.answer
        if let entry = block.entries("reply").last, entry.value != "answer" {
            let allowed: [Persona.Reaction] = [.thanked, .farewell, .more, .declined]
            if entry.value == "offer-details" {
                reply = .offerDetails
            } else if let reaction = Persona.Reaction(rawValue: entry.value), allowed.contains(reaction) {
                reply = .reaction(reaction)
            } else {
                throw PromptError(
                    reason: .badValue(
                        key: "reply", value: entry.value,
                        expected: "answer, offer-details or " + allowed.map(\.rawValue).joined(separator: ", ")),
                    location: entry.location)
            }
        }
        var notice: Topic.Notice?
        if let entry = block.entries("notice").last {
            guard let value = Topic.Notice(rawValue: entry.value) else {
                throw PromptError(
                    reason: .badValue(key: "notice", value: entry.value, expected: Topic.Notice.allCases.map(\.rawValue).joined(separator: " or ")),
                    location: entry.location)
            }
            notice = value
        }
        let topic = Topic(
            name: block.name, category: category, reply: reply, notice: notice, ends: try PromptText.flag(block, "ends"),
            afterOffer: try PromptText.flag(block, "after-offer"), minutes: try PromptText.number(block, "minutes"),
            weight: try PromptText.number(block, "weight", allowNegative: true) ?? 0,
            examples: PromptText.examples(block, "example"), counterExamples: PromptText.examples(block, "not"),
            location: block.location)
        return TopicFile.TopicSource(topic: topic, when: PromptText.patterns(block, "when"), unless: PromptText.patterns(block, "unless"))
    }

    static func form(_ block: PromptBlock) throws(PromptError) -> TopicFile.FormSource {
        try block.checkKeys(["when", "unless", "weight", "example", "not"])
        guard let form = QuestionForm(rawValue: block.name) else {
            throw PromptError(reason: .badValue(key: "form", value: block.name, expected: "open or closed"), location: block.location)
        }
        _ = try block.required("when")
        return TopicFile.FormSource(
            form: form, weight: try PromptText.number(block, "weight", allowNegative: true) ?? 0,
            when: PromptText.patterns(block, "when"), unless: PromptText.patterns(block, "unless"),
            examples: PromptText.examples(block, "example"), counterExamples: PromptText.examples(block, "not"),
            location: block.location)
    }

    static func clock(_ block: PromptBlock) throws(PromptError) -> RehearsalClock {
        let keys = [
            "length", "per-question", "per-remark", "wrap-up", "overtime", "cool-for", "offer-window", "live-warning", "bank-questions",
        ]
        try block.checkKeys(keys)
        func required(_ key: String, atLeast minimum: Int = 0) throws(PromptError) -> Int {
            let entry = try block.required(key)
            guard let value = Int(entry.value), value >= minimum else {
                throw PromptError(reason: .badValue(key: key, value: entry.value, expected: "a whole number, at least \(minimum)"), location: entry.location)
            }
            return value
        }
        let window = try block.required("offer-window")
        let ends = window.value.split(separator: "-").map { Int($0.trimmingSpaces()) }
        guard ends.count == 2, let low = ends[0], let high = ends[1], low >= 1, high >= low else {
            throw PromptError(
                reason: .badValue(key: "offer-window", value: window.value, expected: "two exchange numbers such as 3-6, the first at least 1"),
                location: window.location)
        }
        return RehearsalClock(
            length: try required("length", atLeast: 1), perQuestion: try required("per-question", atLeast: 1),
            perRemark: try required("per-remark"), wrapUp: try required("wrap-up"), overtime: try required("overtime"),
            coolFor: try required("cool-for"), offerWindow: low...high, liveWarning: try required("live-warning"),
            bankQuestions: try required("bank-questions", atLeast: 1))
    }
}
