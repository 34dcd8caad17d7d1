import ArgumentParser
import Foundation
import InfoviewCore

/// `infoview export NAME`: an interview's one-page prep sheet in Markdown, or its outreach email;
/// `infoview export --format json|csv|ics`: every interview (or the follow-ups) as data.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write an interview's one-page prep sheet (Markdown), or its outreach email.",
        discussion: """
            The prep sheet holds who you are meeting and why them, what you want to learn, the gaps \
            you suspect, your questions in TIARA order with the time plan, the outreach email and \
            three reminders. --outreach prints only the email, plain, ready to paste into a message.             --format json or csv writes every interview and its answers, --format ics the open             follow-ups as calendar events; with --out DIR they go to DIR/infoview.json,             DIR/infoview.csv or DIR/follow-ups.ics.
            """)

    /// The document formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case md, json, csv, ics
    }

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The person's name, as `infoview list` shows it.")
    var name: [String] = []

    @Option(help: "md: the prep sheet in Markdown; json, csv: every interview; ics: the follow-ups.")
    var format: Format = .md

    @Flag(help: "Only the outreach email, as plain text.")
    var outreach = false

    @Option(help: "Write to this file (md) or into this folder (json, csv, ics) instead of standard output.")
    var out: String?

    func run() throws {
        let library = try options.promptLibrary()
        let store = try Store(path: options.databasePath())
        let overview = try store.overview()
        if format != .md {
            try writeData(overview)
            return
        }
        let typed = name.joined(separator: " ")
        guard let interview = overview.interview(named: typed) else {
            let names = overview.interviews.map(\.name)
            throw ExportFailure(
                "there is no interview named '\(typed)' "
                    + (names.isEmpty ? "(expected one started with infoview prepare NAME)" : "(expected one of: \(names.joined(separator: ", ")))"))
        }
        let sheet = PrepSheet(library: library)
        var text: String
        if outreach {
            guard let email = sheet.outreachEmail(for: interview) else {
                throw ExportFailure("there is no outreach email for \(interview.name) yet (expected one drafted in /prepare \(interview.name))")
            }
            text = email + "\n"
        } else {
            text = sheet.markdown(for: interview)
        }
        // Nothing typed reaches a terminal or a file as a raw control character.
        text = text.split(separator: "\n", omittingEmptySubsequences: false).map { TerminalText.sanitize(String($0)) }
            .joined(separator: "\n")
        guard let out else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
        } catch {
            throw ExportFailure("cannot write \(out): \((error as NSError).localizedDescription) (expected a file in a folder you can write to)")
        }
    }
}

extension ExportCommand {
    func validate() throws {
        if format == .md && name.joined().trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("a name is needed for the prep sheet: infoview export NAME (or --format json, csv or ics for everything)")
        }
        if format != .md && outreach {
            throw ValidationError("--outreach goes with one interview's prep sheet, not with --format \(format.rawValue)")
        }
    }

    /// Every interview as JSON or CSV, or the follow-ups as iCalendar: to standard output, or
    /// into the folder `--out` names.
    func writeData(_ overview: Overview) throws {
        let export = DataExport(overview: overview)
        let (text, file): (String, String) =
            switch format {
            case .json: (export.json(), "infoview.json")
            case .csv: (export.csv(), "infoview.csv")
            default: (export.ics(now: Date()), "follow-ups.ics")
            }
        guard let out else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        let folder = URL(fileURLWithPath: out, isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: folder.appendingPathComponent(file), options: .atomic)
        } catch {
            throw ExportFailure("cannot write \(file) in \(out): \((error as NSError).localizedDescription) (expected a folder you can write to)")
        }
    }
}

/// Why `export` could not write what was asked: printed as `Error: …`, exit status 1.
struct ExportFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
