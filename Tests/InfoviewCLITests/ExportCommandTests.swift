import Foundation
import Testing

@testable import InfoviewCore

/// `infoview export` and `infoview prepare` through the built program.
@Suite("infoview export and prepare")
struct ExportCommandTests {
    static let email = "Dear Sam,\n\nProfessor Tran suggested I write to you. Would you have 20 minutes to share your advice?\n\nThank you,\nAlex"

    /// A sandbox whose database holds Sam, prepared with two questions and an email, and Ana,
    /// with nothing but her name.
    func sandbox() throws -> Sandbox {
        let sandbox = try Sandbox()
        let store = try Store(path: sandbox.database)
        try store.apply(
            [
                .startInterview(name: "Sam", stage: .prepare),
                .save(interview: "Sam", flow: "prepare", step: "role", field: "role", value: "Engineer"),
                .save(interview: "Sam", flow: "prepare", step: "email", field: "outreach-email", value: Self.email),
                .saveQuestions(
                    interview: "Sam",
                    questions: [
                        PlannedQuestion(text: "What does a typical week look like for you?", category: .insights, origin: .own),
                        PlannedQuestion(text: "Who else should I talk to?", category: .resources, origin: .closing),
                    ]),
                .advanceStage(interview: "Sam", stage: .conduct),
                .startInterview(name: "Ana", stage: .prepare),
            ], now: Date(timeIntervalSince1970: 1_736_154_000))
        return sandbox
    }

    @Test("export NAME --format md prints the prep sheet the core writes")
    func sheet() throws {
        let sandbox = try sandbox()
        defer { sandbox.remove() }
        let run = try sandbox.run([], arguments: ["export", "sam", "--format", "md"])
        #expect(run.status == 0)
        let overview = try Store(path: sandbox.database).overview()
        let expected = PrepSheet(library: try PromptTexts.library.get()).markdown(for: try #require(overview.interview(named: "Sam")))
        #expect(run.output == expected)
        #expect(run.output.contains("What does a typical week look like for you?"))
        #expect(run.errors.isEmpty)
    }

    @Test("--outreach prints the email alone, plain")
    func outreach() throws {
        let sandbox = try sandbox()
        defer { sandbox.remove() }
        let run = try sandbox.run([], arguments: ["export", "Sam", "--outreach"])
        #expect(run.status == 0)
        #expect(run.output == Self.email + "\n")
    }

    @Test("--out writes the file and prints nothing")
    func outFile() throws {
        let sandbox = try sandbox()
        defer { sandbox.remove() }
        let file = sandbox.home.appendingPathComponent("sam.md").path
        let run = try sandbox.run([], arguments: ["export", "Sam", "--out", file])
        #expect(run.status == 0)
        #expect(run.output.isEmpty)
        let written = try String(contentsOfFile: file, encoding: .utf8)
        #expect(written.hasPrefix(try PromptTexts.text("sheet-title", ["name": "Sam"]) + "\n"))
    }

    @Test("names in several words need no quotes", arguments: [["Sam"], ["sam"]])
    func nameWords(words: [String]) throws {
        let sandbox = try sandbox()
        defer { sandbox.remove() }
        let run = try sandbox.run([], arguments: ["export"] + words + ["--outreach"])
        #expect(run.status == 0)
    }

    @Test("an unknown name, a missing email or a folder that cannot be written is an error that says what to do", arguments: [
        (["export", "Zed"], "there is no interview named 'Zed' (expected one of: Sam, Ana)"),
        (["export", "Ana", "--outreach"], "there is no outreach email for Ana yet (expected one drafted in /prepare Ana)"),
        (["export", "Sam", "--out", "/no/such/folder/sam.md"], "cannot write /no/such/folder/sam.md"),
    ])
    func errors(arguments: [String], message: String) throws {
        let sandbox = try sandbox()
        defer { sandbox.remove() }
        let run = try sandbox.run([], arguments: arguments)
        #expect(run.status == 1)
        #expect(run.output.isEmpty)
        #expect(run.errors.contains(message))
    }

    @Test("a format it does not know is a usage error")
    func badFormat() throws {
        let sandbox = try sandbox()
        defer { sandbox.remove() }
        let run = try sandbox.run([], arguments: ["export", "Sam", "--format", "pdf"])
        #expect(run.status == 64)
    }

    @Test("--format md --out DIR writes a file per interview and the overview the core writes, one path a line")
    func markdownFolder() throws {
        let sandbox = try sandbox()
        defer { sandbox.remove() }
        let folder = sandbox.home.appendingPathComponent("export")
        let run = try sandbox.run([], arguments: ["export", "--format", "md", "--out", folder.path])
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output == ["sam.md", "ana.md", "README.md"].map { folder.appendingPathComponent($0).path + "\n" }.joined())
        let overview = try Store(path: sandbox.database).overview()
        for file in MarkdownExport(library: try PromptTexts.library.get(), overview: overview).files() {
            #expect(try String(contentsOf: folder.appendingPathComponent(file.name), encoding: .utf8) == file.text)
        }
        let again = try sandbox.run([], arguments: ["export", "--format", "md", "--out", folder.path])
        #expect(again.status == 0, "an export replaces the files an earlier one wrote")
    }

    @Test("--format md --out DIR again removes the file of an interview renamed since, and no file it did not write")
    func markdownRemovesStaleFiles() throws {
        let sandbox = try sandbox()
        defer { sandbox.remove() }
        let folder = sandbox.home.appendingPathComponent("export")
        #expect(try sandbox.run([], arguments: ["export", "--format", "md", "--out", folder.path]).status == 0)
        let mine = folder.appendingPathComponent("my-notes.md")
        try "My own notes\n".write(to: mine, atomically: true, encoding: .utf8)
        try Store(path: sandbox.database).apply([.renameInterview(from: "Ana", to: "Ana Lima")], now: Date(timeIntervalSince1970: 1_736_154_100))
        let run = try sandbox.run([], arguments: ["export", "--format", "md", "--out", folder.path])
        #expect(run.status == 0, "\(run.errors)")
        let paths = ["sam.md", "ana-lima.md", "README.md"].map { folder.appendingPathComponent($0).path + "\n" }.joined()
        #expect(run.output == paths + "removed " + folder.appendingPathComponent("ana.md").path + "\n")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("ana.md").path))
        #expect(try String(contentsOf: mine, encoding: .utf8) == "My own notes\n")
    }

    @Test("--format md --out DIR replaces no file it did not write, and then writes nothing")
    func markdownKeepsOtherFiles() throws {
        let sandbox = try sandbox()
        defer { sandbox.remove() }
        let folder = sandbox.home.appendingPathComponent("notes")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let mine = folder.appendingPathComponent("README.md")
        try "My own notes\n".write(to: mine, atomically: true, encoding: .utf8)
        let run = try sandbox.run([], arguments: ["export", "--format", "md", "--out", folder.path])
        #expect(run.status == 1)
        #expect(run.errors.contains("\(mine.path) already exists and infoview did not write it; nothing was written"))
        #expect(try String(contentsOf: mine, encoding: .utf8) == "My own notes\n")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("sam.md").path))
    }

    @Test("--format md without a name or --out prints the overview, with no links to files")
    func markdownOverview() throws {
        let sandbox = try sandbox()
        defer { sandbox.remove() }
        let run = try sandbox.run([], arguments: ["export", "--format", "md"])
        #expect(run.status == 0)
        let overview = try Store(path: sandbox.database).overview()
        #expect(run.output == MarkdownExport(library: try PromptTexts.library.get(), overview: overview).overviewMarkdown())
        #expect(run.output.contains("| Sam | Engineer |"))
        let outreach = try sandbox.run([], arguments: ["export", "--outreach"])
        #expect(outreach.status == 64)
    }

    @Test("prepare NAME opens the chat on the first question for NAME, without the greeting")
    func prepare() throws {
        let sandbox = try sandbox()
        defer { sandbox.remove() }
        let run = try sandbox.run(Array("Teacher\n".utf8), arguments: ["prepare", "Jo", "Park", "--seed", "1"])
        #expect(run.status == 0)
        let lines = run.output.split(separator: "\n").map(String.init)
        #expect(try PromptTexts.asks("role", name: "Jo Park").contains(lines.first ?? ""))
        #expect(try !run.output.contains(PromptTexts.variants("welcome-back")[0]))
        #expect(try PromptTexts.asks("organisation", name: "Jo Park").contains(lines[1]))
        let listed = try sandbox.run([], arguments: ["list"])
        #expect(listed.output.contains("- Jo Park, Teacher: "))
    }

    @Test("prepare without a name is a usage error")
    func prepareWithoutName() throws {
        let sandbox = try sandbox()
        defer { sandbox.remove() }
        let run = try sandbox.run([], arguments: ["prepare"])
        #expect(run.status == 64)
    }
}
