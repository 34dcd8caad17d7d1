import ArgumentParser
import Foundation
import InfoviewCore

/// `infoview prepare NAME`: the chat, opened straight into preparing the interview with NAME.
struct PrepareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prepare",
        abstract: "Open the chat straight into preparing an interview (as /prepare NAME does).")

    @OptionGroup var options: GlobalOptions

    @OptionGroup var replay: ReplayOptions

    @Argument(help: "The person's name.")
    var name: [String]

    func validate() throws {
        if name.joined(separator: " ").trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("a name is needed: infoview prepare NAME")
        }
    }

    func run() throws {
        try InfoviewCommand.chat(locations: options.locations, seed: replay.seed, opening: "/prepare " + name.joined(separator: " "))
    }
}
