import ArgumentParser
import Foundation
import InfoviewCore

/// `infoview export NAME`: an interview's one-page prep sheet in Markdown, or its outreach email;
/// `infoview export --format md [--out DIR]`: every interview as Markdown, a file each and an
/// overview; `infoview export --format json|csv|ics`: every interview (or the follow-ups) as data.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write an interview's one-page prep sheet (Markdown) or its outreach email; or every interview.",
        discussion: """
            The prep sheet holds who you are meeting and why them, what you want to learn, the gaps \
            you suspect, your questions in TIARA order with the time plan, the outreach email and \
            three reminders. --outreach prints only the email, plain, ready to paste into a message. \
            Without a name, --format md --out DIR writes DIR/<name>.md for every interview (the prep \
            sheet, the notes of the meeting, the debrief) and DIR/README.md, the overview, and prints \
            each path written; it never replaces a file it did not write. Without --out it prints \
            the overview. --format json or csv writes every interview and its answers, --format ics \
            the open follow-ups as calendar events; with --out DIR they go to DIR/infoview.json, \
            DIR/infoview.csv or DIR/follow-ups.ics.
            """)

    /// The document formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case md, json, csv, ics
    }

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The person's name, as `infoview list` shows it.")
    var name: [String] = []

    @Option(help: "md: the prep sheet (with a name) or every interview in Markdown; json, csv: every interview; ics: the follow-ups.")
    var format: Format = .md

    @Flag(help: "Only the outreach email, as plain text.")
    var outreach = false

    @Option(help: "Write to this file (md with a name) or into this folder (md without one, json, csv, ics) instead of standard output.")
    var out: String?

    func run() throws {
        let library = try options.locations.promptLibrary()
        let store = try Store(path: options.locations.databasePath())
        let overview = try store.overview()
        if format != .md {
            try writeData(overview)
            return
        }
        let typed = name.joined(separator: " ").trimmingCharacters(in: .whitespaces)
        if typed.isEmpty {
            try writeMarkdown(MarkdownExport(library: library, overview: overview))
            return
        }
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
        text = Self.clean(text)
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
        if outreach && name.joined().trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--outreach needs the interview's name: infoview export NAME --outreach")
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

extension ExportCommand {
    /// Every interview as Markdown: with `--out DIR`, a file each and the overview, each path
    /// printed as it is written; else the overview on standard output. A file already in the
    /// folder is replaced only if an earlier export wrote it; otherwise nothing is written. The
    /// files an earlier export wrote for interviews renamed or deleted since are removed.
    func writeMarkdown(_ export: MarkdownExport) throws {
        guard let out else {
            FileHandle.standardOutput.write(Data(Self.clean(export.overviewMarkdown()).utf8))
            return
        }
        let folder = URL(fileURLWithPath: out, isDirectory: true)
        let files = export.files()
        let foreign = files.map { folder.appendingPathComponent($0.name) }.filter { url in
            guard let data = FileManager.default.contents(atPath: url.path) else { return false }
            return !String(decoding: data.prefix(MarkdownExport.signature.utf8.count), as: UTF8.self).hasPrefix(MarkdownExport.signature)
        }
        if !foreign.isEmpty {
            let names = foreign.map { TerminalText.sanitize($0.path) }.joined(separator: ", ")
            throw ExportFailure(
                "\(names) already \(foreign.count == 1 ? "exists" : "exist") and infoview did not write \(foreign.count == 1 ? "it" : "them"); "
                    + "nothing was written: give --out a new folder (or one an earlier export wrote), or move \(foreign.count == 1 ? "that file" : "those files") away")
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw ExportFailure("cannot create the folder \(out): \((error as NSError).localizedDescription) (expected a folder you can write to)")
        }
        for file in files {
            let url = folder.appendingPathComponent(file.name)
            do {
                try Data(Self.clean(file.text).utf8).write(to: url, options: .atomic)
            } catch {
                throw ExportFailure("cannot write \(url.path): \((error as NSError).localizedDescription) (expected a folder you can write to)")
            }
            print(TerminalText.sanitize(url.path))
        }
        removeStale(in: folder, keeping: Set(files.map(\.name)))
    }

    /// Removes the `.md` files an earlier export wrote for interviews that are no longer there
    /// (renamed or deleted since), each path printed as `removed PATH`; a file without the
    /// export's first line is never touched.
    private func removeStale(in folder: URL, keeping names: Set<String>) {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in entries.sorted() where name.hasSuffix(".md") && !names.contains(name) {
            let url = folder.appendingPathComponent(name)
            guard let handle = FileHandle(forReadingAtPath: url.path) else { continue }
            let head = handle.readData(ofLength: MarkdownExport.signature.utf8.count)
            try? handle.close()
            guard head == Data(MarkdownExport.signature.utf8) else { continue }
            if (try? FileManager.default.removeItem(at: url)) != nil {
                print("removed " + TerminalText.sanitize(url.path))
            }
        }
    }

    /// Text with no raw control character, line by line.
    static func clean(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { TerminalText.sanitize(String($0)) }.joined(separator: "\n")
    }
}

/// Why `export` could not write what was asked: printed as `Error: …`, exit status 1.
struct ExportFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
