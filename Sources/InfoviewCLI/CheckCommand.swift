import ArgumentParser
import Foundation
import InfoviewCore

/// `infoview check`: the coach as a linter.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Flag pitching-for-a-job mistakes in what you plan to say or write.",
        discussion: """
            Reads each FILE (or standard input when there is none, or for '-') and prints one \
            diagnostic a finding, FILE:LINE:COL: SEVERITY: MESSAGE [RULE-ID], followed by the quoted \
            words and a better thing to say. Exit status: 1 when a pitch was found, 0 when none, 2 on \
            a usage or input error.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var options: GlobalOptions

    @Option(help: "Where the text comes from: question, spoken, email or note (default: email for several lines, else spoken).")
    var channel: String?

    @Option(help: "text (diagnostics) or json (one document).")
    var format: Format = .text

    @Flag(help: "Read JSON lines {\"id\", \"text\", \"context\", \"channel\"} and answer each with a JSON line.")
    var jsonl = false

    @Flag(help: "Also show which pattern of which rule matched which words.")
    var explain = false

    @Option(help: "What the insider said just before (their last line), for a single text.")
    var context: String?

    @Argument(help: "Files to check ('-' for standard input).")
    var files: [String] = []

    func run() throws {
        let book: RuleBook
        let chosenChannel: Channel?
        do {
            // An edited folder is checked whole; of the built-in prompts only the rules are needed.
            book = options.locations.promptsFolder() == nil ? try PromptLibrary.rules(of: .builtIn) : try options.locations.promptLibrary().rules
            chosenChannel = try channel.map { name in
                guard let channel = Channel(rawValue: name) else {
                    throw CheckFailure("unknown channel '\(name)' (expected question, spoken, email or note)")
                }
                return channel
            }
            if jsonl && !files.isEmpty && files != ["-"] { throw CheckFailure("--jsonl reads standard input only") }
        } catch {
            throw CheckFailure(String(describing: error)).exit()
        }
        var coach = Coach(book: book, muted: Self.mutedRules(at: options.locations.databasePath()))
        if jsonl {
            if try JSONLinesLoop.run(coach: coach, explain: explain) { throw ExitCode(1) }
            return
        }
        var sources: [(name: String, text: String)] = []
        for file in files.isEmpty ? ["-"] : files {
            do {
                sources.append((file == "-" ? "<stdin>" : file, try Self.read(file)))
            } catch {
                throw error.exit()
            }
        }
        var pitched = false
        var documents: [String] = []
        var output = ""
        for source in sources {
            let channel = chosenChannel ?? Channel.guess(for: source.text.trimmingCharacters(in: .newlines))
            let findings = coach.checkDocument(source.text, context: context, channel: channel)
            pitched = pitched || findings.contains { $0.severity == .pitch }
            switch format {
            case .text:
                for line in CheckReport.diagnostics(for: findings, in: source.text, file: source.name, explain: explain) {
                    output += TerminalText.sanitize(line) + "\n"
                }
            case .json:
                var document = "{\"file\":"
                JSONValue.appendString(source.name, to: &document)
                document += ",\"channel\":\"\(channel.rawValue)\",\"flagged\":\(findings.contains { $0.severity == .pitch }),\"flags\":["
                for (index, finding) in findings.enumerated() {
                    if index > 0 { document += "," }
                    CheckReport.append(finding, explain: explain, to: &document)
                }
                documents.append(document + "]}")
            }
        }
        if format == .json {
            output = "{\"flagged\":\(pitched),\"files\":[" + documents.joined(separator: ",") + "]}\n"
        }
        FileHandle.standardOutput.write(Data(output.utf8))
        if pitched { throw ExitCode(1) }
    }

    /// The rules muted in the chat (`/mute`), if there is a database; `check` never creates one.
    private static func mutedRules(at path: String) -> Set<String> {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        do {
            return Set(try Store(path: path).mutedRules().map(\.ruleId))
        } catch {
            FileHandle.standardError.write(Data("infoview check: muted rules not read: \(TerminalText.sanitize(String(describing: error)))\n".utf8))
            return []
        }
    }

    private static func read(_ file: String) throws -> String {
        let data: Data
        if file == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: file, isDirectory: &isFolder) else {
                throw CheckFailure("\(file): no such file")
            }
            guard !isFolder.boolValue else { throw CheckFailure("\(file): is a folder, not a file") }
            guard let contents = FileManager.default.contents(atPath: file) else {
                throw CheckFailure("\(file): cannot be read (permission denied?)")
            }
            data = contents
        }
        return String(decoding: data, as: UTF8.self)
    }
}

/// A usage or input error of `check`: printed, exit status 2.
struct CheckFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

extension Error {
    /// Prints the error and turns it into exit status 2, the linter's "could not check".
    func exit() -> ExitCode {
        FileHandle.standardError.write(Data("infoview check: \(TerminalText.sanitize(String(describing: self)))\n".utf8))
        return ExitCode(2)
    }
}
