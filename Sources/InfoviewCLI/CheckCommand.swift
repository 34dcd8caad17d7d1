import ArgumentParser
import InfoviewCore

/// `infoview check`: the coach as a linter.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Flag pitching-for-a-job mistakes in text.")

    func run() throws {
        throw ValidationError("check is not available yet")
    }
}
