/// What a plain sentence at home asks for, named by an intent's `do:` line in `prompts/chat/`.
///
/// The action string is a command line without its slash (`prepare Sam`, `show Sam`), or one of
/// the actions that have no command: `progress`, `explain`, and `reply` (only the intent's `say:`).
enum HomeAction: Equatable {
    case command(SlashCommand, argument: String)
    case progress
    case explain
    case reply

    /// Reads an action string; `nil` when it names nothing the app does.
    init?(_ action: String) {
        let trimmed = action.trimmingSpaces()
        let word = trimmed.prefix { $0 != " " }
        let rest = trimmed.dropFirst(word.count).trimmingSpaces()
        switch word {
        case "progress" where rest.isEmpty: self = .progress
        case "explain" where rest.isEmpty: self = .explain
        case "reply" where rest.isEmpty: self = .reply
        default:
            guard let command = SlashCommand(rawValue: String(word)), command.place == .home else { return nil }
            self = .command(command, argument: rest)
        }
    }
}
