/// The texts the app says outside flows, the descriptions of the slash commands, the word lists
/// that answers are read with and the interview goal: everything in `prompts/chat/*.messages`.
public struct MessageBook: Sendable, Equatable {
    /// A message: either variants (one is said) or lines (all are said, in order).
    public struct Message: Sendable, Equatable {
        /// Alternatives; one is picked with the seeded generator.
        public var variants: [TextTemplate]
        /// Lines said together, in order.
        public var lines: [TextTemplate]
    }

    /// How `/help` describes one slash command.
    public struct CommandHelp: Sendable, Equatable {
        /// The command without its slash, such as `prepare`.
        public var name: String
        /// How it is typed, such as `/prepare [NAME]`.
        public var usage: String
        /// What it does, one line.
        public var does: String
        /// Whether it works inside a flow (`/back`) rather than at home (`/list`), or both.
        public var place: SlashCommand.Place
    }

    /// The messages by name.
    public var messages: [String: Message]
    /// The commands in file order.
    public var commands: [CommandHelp]
    /// Word lists by name (`yes`, `no`, `back` …), each phrase normalised.
    public var words: [String: [String]]
    /// How many interviews to aim for: at least this many…
    public var goalMinimum: Int
    /// …and up to this many.
    public var goalMaximum: Int
    /// How a conversation's minutes are spent (the `timing` block).
    public var timing = Timing(defaultMinutes: 0, minutesPerQuestion: 0, openingMinutes: 0, closingMinutes: 0, keepForEnd: [])
    /// The shortest and longest conversation a time plan accepts, in minutes.
    public var minutesRange = 0...0
    /// How the question list is built (the `question-list` block).
    public var questionList = QuestionListSettings(
        closing: "", closingCategory: .resources, closingLike: [], perCategory: 0, usualCategory: .insights, longest: 0)

    /// The placeholders each message may use; every one of these messages must be defined.
    static let placeholders: [String: Set<String>] = [
        "welcome": [], "welcome-back": [], "no-interviews": [], "interviews-heading": [],
        "interview-line": ["name", "stage", "role", "organisation", "connection", "next"],
        "goal": ["done", "total", "min", "max"],
        "progress": ["done", "total", "preparing", "min", "max"],
        "interrupted": ["doing", "step", "name"], "so-far": [], "answer-line": ["label", "value"],
        "resume-hint": ["name", "more"], "suggest-prepare": [], "suggest-next": [],
        "stage-prepare": [], "stage-conduct": [], "stage-debrief": [], "stage-done": [],
        "help-heading": [], "help-flow-heading": [], "help-chat": [],
        "unknown-command": ["command", "nearest"], "not-understood": [], "explain": [],
        "list-empty": [], "list-heading": [],
        "show-which": [], "show-unknown": ["name", "nearest"], "show-heading": ["name", "stage"],
        "show-nothing": ["name"], "show-paused": ["doing", "step"],
        "resume-none": [], "resume-unknown": ["name"], "resumed": ["doing"],
        "prepare-again": ["name"], "prepare-existing": ["name"], "in-flow-busy": ["doing", "command"],
        "not-in-flow": ["command"],
        "stopped": ["doing", "step"], "stopped-nothing": [],
        "back-at-start": [], "previous-answer": ["value"], "skip-refused": [], "empty-answer": [],
        "yes-no-unclear": [], "unsure": [], "choice-unclear": ["choices"], "choice-line": ["number", "label"],
        "list-added": ["count"], "name-too-long": ["max"], "name-taken": ["name"],
        "quit": ["doing"], "interrupt-home": [], "prompt-home": [], "prompt-flow": ["flow"],
        "store-failed": ["error"],
        "check-usage": [], "check-clean": [], "finding": ["severity", "why", "rule"], "finding-quote": ["quote"],
        "finding-instead": ["instead"], "why-nothing": [], "why-finding": ["rule", "location", "pattern", "matched"],
        "why-rule": ["rule", "location", "why"], "why-unknown": ["rule", "nearest"], "mute-usage": ["muted"],
        "mute-done": ["rule"], "mute-unknown": ["rule", "nearest"], "unmute-done": ["rule"], "unmute-not-muted": ["rule"],
    ].merging(preparePlaceholders) { general, _ in general }.merging(conductPlaceholders) { general, _ in general }
        .merging(debriefPlaceholders) { general, _ in general }.merging(exportPlaceholders) { general, _ in general }

    /// The word lists every flow relies on.
    static let requiredWords = ["yes", "no", "unsure", "back", "skip", "stop", "done"] + prepareWords

    /// The message's lines: all its lines, or one variant picked with `random`.
    func lines(
        _ name: String, _ values: [String: String] = [:], using random: inout some RandomNumberGenerator
    ) -> [String] {
        guard let message = messages[name] else { return [] }
        if !message.lines.isEmpty { return message.lines.map { $0.render(values) } }
        return random.pick(message.variants).map { [$0.render(values)] } ?? []
    }

    /// The message's first line (or one variant), for texts that are one line.
    func text(_ name: String, _ values: [String: String] = [:]) -> String {
        var first = FirstChoice()
        return lines(name, values, using: &first).first ?? ""
    }
}

/// A generator that always picks the first variant, for texts that must not vary (prompts, labels).
struct FirstChoice: RandomNumberGenerator {
    mutating func next() -> UInt64 { 0 }
}
