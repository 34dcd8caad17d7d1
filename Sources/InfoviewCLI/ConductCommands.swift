import ArgumentParser
import Foundation
import InfoviewCore

/// `infoview rehearse NAME`: a rehearsal of one interview with a scripted insider, then its
/// scorecard. The same as typing `/rehearse NAME` in the chat; it ends with the rehearsal.
struct RehearseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rehearse",
        abstract: "Rehearse an informational interview with a scripted insider.",
        discussion: """
            A persona for the interview's field plays the person you will meet (or you pick one); \
            the coach flags what you say, /retry takes a flagged line back, and a scorecard ends \
            it. A paused rehearsal carries on. Exit status 1 when no rehearsal could start.
            """)

    @OptionGroup var options: GlobalOptions

    @OptionGroup var replay: ReplayOptions

    @Option(name: .customLong("with"), help: "The persona to play the insider, such as maya (default: one for the field).")
    var persona: String?

    @Argument(help: "The interview's name, as `infoview list` shows it.")
    var name: [String]

    func validate() throws {
        guard !name.joined().isEmpty else { throw ValidationError("Name the interview to rehearse, such as: infoview rehearse Sam Lee") }
    }

    func run() throws {
        let command = "/rehearse " + name.joined(separator: " ") + (persona.map { " with " + $0 } ?? "")
        if try !InfoviewCommand.chat(locations: options.locations, seed: replay.seed, opening: command, endsWithOpening: true) { throw ExitCode(1) }
    }
}

/// `infoview live NAME`: the quiet checklist for the real meeting, the same as `/live NAME`.
struct LiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "live",
        abstract: "Take notes during the real meeting: the next question, one-line notes, the time.",
        discussion: """
            Each note is saved as you press Enter; Enter alone moves on, /back goes back, /stop ends \
            the meeting (its notes wait for the debrief), Ctrl-C pauses. Exit status 1 when no \
            checklist could start.
            """)

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The interview's name, as `infoview list` shows it.")
    var name: [String]

    func validate() throws {
        guard !name.joined().isEmpty else { throw ValidationError("Name the interview, such as: infoview live Sam Lee") }
    }

    func run() throws {
        let opening = "/live " + name.joined(separator: " ")
        if try !InfoviewCommand.chat(locations: options.locations, seed: nil, opening: opening, endsWithOpening: true) { throw ExitCode(1) }
    }
}
