/// Reads the chat's message files (`prompts/chat/*.messages`):
///
/// ```
/// message not-understood
///   say: I didn't quite catch that. Try /help.      # variants: one is said
///   say: Hmm, not sure what you mean. /help lists what I can do.
///
/// message explain
///   line: I help you prepare informational interviews.   # lines: all are said, in order
///
/// command prepare
///   usage: /prepare [NAME]
///   does: get ready for an interview, one question at a time
///
/// words yes
///   is: yes
///   is: sure
///
/// goal
///   at-least: 5
///   up-to: 15
///
/// timing                       # the time plan of a conversation
///   default-minutes: 30
///   per-question: 3
///   opening: 3
///   closing: 3
///   shortest: 10
///   longest: 120
///   keep-for-end: resources    # the last question of these categories is kept for the end
///
/// question-list                # how the question list is built
///   closing: Who else should I talk to?
///   closing-category: resources
///   closing-like: who else     # a suggestion starting so is the closing question again
///   per-category: 2            # suggestions move on once a category has this many
///   usual-category: insights   # for a question like no suggested one
///   longest: 300
/// ```
public enum MessageParser {
    static let kinds = ["message", "command", "words", "goal", "timing", "question-list"]

    /// Parses every message file together and checks that every message, command and word list the
    /// app needs is there, once.
    public static func parse(_ files: [(text: String, file: String)]) throws(PromptError) -> MessageBook {
        var book = MessageBook(messages: [:], commands: [], words: [:], goalMinimum: 0, goalMaximum: 0)
        var seen: [String: SourceLocation] = [:]
        var seenKinds: Set<String> = []
        for (text, file) in files {
            for block in try PromptDocument.parse(text, file: file) {
                guard kinds.contains(block.kind) else {
                    throw PromptError(reason: .unknownBlock(block.kind, expected: kinds), location: block.location)
                }
                let key = "\(block.kind) \(block.name)"
                if let earlier = seen[key] {
                    throw PromptError(reason: .duplicateName(key, firstSeen: earlier), location: block.location)
                }
                seen[key] = block.location
                switch block.kind {
                case "message": book.messages[block.name] = try message(block)
                case "command": book.commands.append(try command(block))
                case "words": book.words[block.name] = try words(block)
                case "timing": (book.timing, book.minutesRange) = try timing(block)
                case "question-list": book.questionList = try questionList(block)
                default: (book.goalMinimum, book.goalMaximum) = try goal(block)
                }
                seenKinds.insert(block.kind)
            }
        }
        let somewhere = SourceLocation(file: files.first?.file ?? "prompts/chat/home.messages", line: 1)
        try checkComplete(book, seenKinds: seenKinds, at: somewhere)
        return book
    }
}

private extension MessageParser {
    static func message(_ block: PromptBlock) throws(PromptError) -> MessageBook.Message {
        try block.checkKeys(["say", "line"])
        guard let allowed = MessageBook.placeholders[block.name] else {
            throw PromptError(
                reason: .badValue(key: "message", value: block.name, expected: "one of the messages the app says, such as welcome or not-understood"),
                location: block.location)
        }
        var message = MessageBook.Message(variants: [], lines: [])
        for entry in block.entries {
            guard let template = TextTemplate(entry.value) else {
                throw PromptError(
                    reason: .badValue(key: entry.key, value: entry.value, expected: "text whose {placeholders} and [optional parts] are closed"),
                    location: entry.location)
            }
            if let unknown = template.fields.first(where: { !allowed.contains($0) }) {
                let names = allowed.sorted().map { "{\($0)}" }.joined(separator: ", ")
                throw PromptError(
                    reason: .badValue(
                        key: entry.key, value: entry.value,
                        expected: allowed.isEmpty ? "no placeholders in this message, but found {\(unknown)}" : "only \(names) in this message, but found {\(unknown)}"),
                    location: entry.location)
            }
            if entry.key == "say" { message.variants.append(template) } else { message.lines.append(template) }
        }
        if message.variants.isEmpty && message.lines.isEmpty {
            throw PromptError(reason: .missingKey("say", block: "message \(block.name)"), location: block.location)
        }
        if !message.variants.isEmpty && !message.lines.isEmpty {
            throw PromptError(
                reason: .badValue(key: "line", value: block.values("line")[0], expected: "either 'say:' variants or 'line:' lines in one message, not both"),
                location: block.entries("line")[0].location)
        }
        return message
    }

    static func command(_ block: PromptBlock) throws(PromptError) -> MessageBook.CommandHelp {
        try block.checkKeys(["usage", "does"])
        guard let command = SlashCommand(rawValue: block.name) else {
            throw PromptError(
                reason: .badValue(key: "command", value: block.name, expected: SlashCommand.allCases.map(\.rawValue).joined(separator: ", ")),
                location: block.location)
        }
        let usage = try block.required("usage")
        guard usage.value.hasPrefix(command.typed) else {
            throw PromptError(reason: .badValue(key: "usage", value: usage.value, expected: "text starting with \(command.typed)"), location: usage.location)
        }
        return MessageBook.CommandHelp(name: block.name, usage: usage.value, does: try block.required("does").value, place: command.place)
    }

    static func words(_ block: PromptBlock) throws(PromptError) -> [String] {
        try block.checkKeys(["is"])
        guard MessageBook.requiredWords.contains(block.name) else {
            throw PromptError(
                reason: .badValue(key: "words", value: block.name, expected: MessageBook.requiredWords.joined(separator: ", ")),
                location: block.location)
        }
        var phrases: [String] = []
        for entry in block.entries {
            let phrase = Phrase.normalise(entry.value)
            guard !phrase.isEmpty else {
                throw PromptError(reason: .badValue(key: "is", value: entry.value, expected: "a word or phrase with letters or digits"), location: entry.location)
            }
            phrases.append(phrase)
        }
        if phrases.isEmpty {
            throw PromptError(reason: .missingKey("is", block: "words \(block.name)"), location: block.location)
        }
        return phrases
    }

    static func goal(_ block: PromptBlock) throws(PromptError) -> (Int, Int) {
        try block.checkKeys(["at-least", "up-to"])
        let low = try block.required("at-least")
        let high = try block.required("up-to")
        guard let minimum = Int(low.value), minimum > 0 else {
            throw PromptError(reason: .badValue(key: "at-least", value: low.value, expected: "a whole number above 0"), location: low.location)
        }
        guard let maximum = Int(high.value), maximum >= minimum else {
            throw PromptError(reason: .badValue(key: "up-to", value: high.value, expected: "a whole number no smaller than at-least"), location: high.location)
        }
        return (minimum, maximum)
    }

    static func timing(_ block: PromptBlock) throws(PromptError) -> (Timing, ClosedRange<Int>) {
        try block.checkKeys(["default-minutes", "per-question", "opening", "closing", "shortest", "longest", "keep-for-end"])
        let shortest = try number(block, "shortest", atLeast: 1)
        let longest = try number(block, "longest", atLeast: shortest)
        let defaultEntry = try block.required("default-minutes")
        let defaultMinutes = try number(block, "default-minutes", atLeast: 1)
        guard (shortest...longest).contains(defaultMinutes) else {
            throw PromptError(
                reason: .badValue(key: "default-minutes", value: defaultEntry.value, expected: "a number from shortest (\(shortest)) to longest (\(longest))"),
                location: defaultEntry.location)
        }
        let keep = try block.entries("keep-for-end").map { entry throws(PromptError) in try PromptText.category(entry) }
        let timing = Timing(
            defaultMinutes: defaultMinutes, minutesPerQuestion: try number(block, "per-question", atLeast: 1),
            openingMinutes: try number(block, "opening", atLeast: 0), closingMinutes: try number(block, "closing", atLeast: 0),
            keepForEnd: keep)
        return (timing, shortest...longest)
    }

    static func questionList(_ block: PromptBlock) throws(PromptError) -> QuestionListSettings {
        try block.checkKeys(["closing", "closing-category", "closing-like", "per-category", "usual-category", "longest"])
        let closing = try block.required("closing")
        guard closing.value.hasSuffix("?") else {
            throw PromptError(reason: .badValue(key: "closing", value: closing.value, expected: "one question, ending with '?'"), location: closing.location)
        }
        var like: [String] = []
        for entry in block.entries("closing-like") {
            let phrase = Phrase.normalise(entry.value)
            guard !phrase.isEmpty else {
                throw PromptError(reason: .badValue(key: "closing-like", value: entry.value, expected: "a word or phrase with letters or digits"), location: entry.location)
            }
            like.append(phrase)
        }
        return QuestionListSettings(
            closing: closing.value, closingCategory: try PromptText.category(try block.required("closing-category")), closingLike: like,
            perCategory: try number(block, "per-category", atLeast: 1), usualCategory: try PromptText.category(try block.required("usual-category")),
            longest: try number(block, "longest", atLeast: 20))
    }

    static func number(_ block: PromptBlock, _ key: String, atLeast minimum: Int) throws(PromptError) -> Int {
        let entry = try block.required(key)
        guard let value = Int(entry.value), value >= minimum else {
            throw PromptError(reason: .badValue(key: key, value: entry.value, expected: "a whole number, at least \(minimum)"), location: entry.location)
        }
        return value
    }


    static func checkComplete(_ book: MessageBook, seenKinds: Set<String>, at location: SourceLocation) throws(PromptError) {
        func missing(_ what: String) -> PromptError {
            PromptError(reason: .unreadable("no \(what) in prompts/chat/*.messages (the app needs it)"), location: location)
        }
        if let name = MessageBook.placeholders.keys.sorted().first(where: { book.messages[$0] == nil }) {
            throw missing("'message \(name)'")
        }
        if let command = SlashCommand.allCases.first(where: { c in !book.commands.contains { $0.name == c.rawValue } }) {
            throw missing("'command \(command.rawValue)'")
        }
        if let name = MessageBook.requiredWords.first(where: { book.words[$0] == nil }) {
            throw missing("'words \(name)'")
        }
        for kind in ["goal", "timing", "question-list"] where !seenKinds.contains(kind) {
            throw missing("'\(kind)' block")
        }
    }
}
