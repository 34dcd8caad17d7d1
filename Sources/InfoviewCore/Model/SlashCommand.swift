/// The slash commands the app understands. Their descriptions live in `prompts/chat/`.
public enum SlashCommand: String, Sendable, CaseIterable {
    case help, prepare, debrief, list, report, done, show, resume, check, why, mute, unmute, quit, back, skip, stop
    case rehearse, live, scorecards, retry, next

    /// Where a command works.
    public enum Place: String, Sendable, Equatable {
        /// At the home prompt (and in a flow, where it answers and then asks the question again).
        case home
        /// Only inside a flow.
        case flow
        /// Only while rehearsing or taking notes in a meeting.
        case conduct
    }

    /// Where this command works.
    public var place: Place {
        switch self {
        case .back, .skip, .stop: .flow
        case .retry, .next: .conduct
        default: .home
        }
    }

    /// `/name`.
    public var typed: String { "/" + rawValue }

    /// The command a line starts with, and the rest of the line; `nil` when it is not a known command.
    static func parse(_ line: String) -> (command: SlashCommand, argument: String)? {
        guard let typed = SlashCommand.word(of: line) else { return nil }
        guard let command = SlashCommand(rawValue: typed.word.lowercased()) else { return nil }
        return (command, typed.rest)
    }

    /// The first word of a line that starts with `/` (without the slash) and the rest, trimmed.
    static func word(of line: String) -> (word: String, rest: String)? {
        let trimmed = line.trimmingSpaces()
        guard trimmed.hasPrefix("/") else { return nil }
        let body = trimmed.dropFirst()
        let word = body.prefix { $0 != " " && $0 != "\t" }
        return (String(word), body.dropFirst(word.count).trimmingSpaces())
    }
}
