import ArgumentParser
import Foundation
import InfoviewCore

/// `infoview debrief NAME`: the chat, opened straight into debriefing the conversation with NAME.
struct DebriefCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "debrief",
        abstract: "Open the chat straight into debriefing a conversation (as /debrief NAME does).")

    @OptionGroup var options: GlobalOptions

    @Option(help: "Seed for the chat's random choices, to replay a session exactly.")
    var seed: UInt64?

    @Argument(help: "The person's name.")
    var name: [String]

    func validate() throws {
        if name.joined(separator: " ").trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("a name is needed: infoview debrief NAME")
        }
    }

    func run() throws {
        try InfoviewCommand.chat(locations: options.locations, seed: seed, opening: "/debrief " + name.joined(separator: " "))
    }
}
