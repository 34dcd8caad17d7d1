import ArgumentParser
import Foundation
import InfoviewCore

/// What `infoview check` was asked, and the checking itself.
///
/// `parse` reads the usual arguments without swift-argument-parser (whose description of the
/// command costs more than a short check); anything it does not know (help, a mistake, an
/// unusual spelling) is left to `CheckCommand`, which prints what is wrong.
struct CheckRun {
    var locations = Locations()
    var channel: String?
    var format: CheckCommand.Format = .text
    var jsonl = false
    var explain = false
    var context: String?
    var files: [String] = []

    /// The arguments after `check`, when each is one of the plain forms; nil otherwise.
    static func parse(_ arguments: [String]) -> CheckRun? {
        var run = CheckRun()
        var db: String?
        var prompts: String?
        var seen: Set<String> = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            guard argument.hasPrefix("--") else {
                guard argument == "-" || !argument.hasPrefix("-") else { return nil }
                run.files.append(argument)
                continue
            }
            var name = argument
            var value: String?
            if let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                value = String(argument[argument.index(after: equals)...])
            }
            switch name {
            case "--jsonl", "--explain":
                guard value == nil else { return nil }
                if name == "--jsonl" { run.jsonl = true } else { run.explain = true }
                continue
            case "--channel", "--format", "--context", "--db", "--prompts":
                break
            default:
                return nil
            }
            guard seen.insert(name).inserted else { return nil }
            if value == nil {
                guard index < arguments.count, !arguments[index].hasPrefix("-") else { return nil }
                value = arguments[index]
                index += 1
            }
            guard let value else { return nil }
            switch name {
            case "--channel": run.channel = value
            case "--format":
                guard let format = CheckCommand.Format(rawValue: value) else { return nil }
                run.format = format
            case "--context": run.context = value
            case "--db": db = value
            default: prompts = value
            }
        }
        run.locations = Locations(db: db, prompts: prompts)
        return run
    }

    func run() throws {
        let book: RuleBook
        let chosenChannel: Channel?
        do {
            // An edited folder is checked whole; of the built-in prompts only the rules are needed.
            book = locations.promptsFolder() == nil ? try PromptLibrary.rules(of: .builtIn) : try locations.promptLibrary().rules
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
        var coach = Coach(book: book, muted: Self.mutedRules(at: locations.databasePath()))
        coach.keepsMatchedWords = explain
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

