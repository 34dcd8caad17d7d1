import ArgumentParser
import Foundation
import InfoviewCore

/// `infoview prompts`: work with the prompt files.
struct PromptsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prompts", abstract: "Check the prompt files.", subcommands: [Verify.self])

    /// `infoview prompts verify`: parse every file, run every rule's examples and check every suggested question.
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Parse every prompt file, run every rule's examples and check every suggested question.")

        @OptionGroup var options: GlobalOptions

        func run() throws {
            let files = try options.locations.promptFiles()
            let library: PromptLibrary
            let rehearsal: RehearsalBook
            do {
                library = try PromptLibrary.load(files)
                rehearsal = try library.compileRehearsal()
            } catch {
                FileHandle.standardError.write(Data("\(TerminalText.sanitize(String(describing: error)))\n".utf8))
                throw ExitCode(1)
            }
            let problems = RuleVerifier.verify(library.rules) + RuleVerifier.verify(library.banks, against: library.rules)
                + RehearsalVerifier.verify(rehearsal, against: library.rules)
            for problem in problems {
                FileHandle.standardError.write(Data("\(TerminalText.sanitize(problem.description))\n".utf8))
            }
            let book = library.rules
            let examples = book.allRules.reduce(0) { $0 + $1.examples.count + $1.counterExamples.count }
                + book.allDoors.reduce(0) { $0 + $1.examples.count + $1.counterExamples.count }
                + book.allIntents.reduce(0) { $0 + $1.examples.count + $1.counterExamples.count }
                + book.allLints.reduce(0) { $0 + $1.examples.count + $1.counterExamples.count }
            print(
                "\(files.origin): \(files.files.count) files, \(book.allRules.count) rules, \(book.allDoors.count) doors, "
                    + "\(book.allIntents.count) intents, \(book.allLints.count) lints, \(rehearsal.personas.count) personas, "
                    + "\(rehearsal.topics.count) topics, \(examples + rehearsal.exampleCount) examples: "
                    + (problems.isEmpty ? "all good" : "\(problems.count) problem\(problems.count == 1 ? "" : "s")"))
            if !problems.isEmpty { throw ExitCode(1) }
        }
    }
}
