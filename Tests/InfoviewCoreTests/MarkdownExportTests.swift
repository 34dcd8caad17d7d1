import Foundation
import Testing
@testable import InfoviewCore

/// Four interviews: Sam Lee prepared, met with live notes and debriefed; Priya Shah and Tom
/// Berg, whom Sam suggested, one debriefed and one not yet met; and a second "Sam Lee!" whose name
/// makes the same file name. A live note holds a `|` and a line break; a skill starts with `#`.
private func seeded() -> Overview {
    var sam = Overview.Interview(
        name: "Sam Lee", stage: .done,
        answers: [
            "name": "Sam Lee", "role": "Data analyst", "organisation": "Harbour | Bank", "immediate-boss": "yes", "field": "data",
            "learn": "What the first year is really like", "day-to-day": "Dashboards in the morning,\nstakeholder calls after lunch.",
            "skills": "SQL\n# of stakeholders you can calm", "gaps-named": "cloud tools\nA/B testing", "advice": "Build one project end to end",
            "referrals": "Priya Shah, data lead\nTom Berg", "assignments": "Rebuild my coursework analysis in SQL by Friday",
            "opportunity": "no", "asked-for-something": "no", "still-interested": "yes", "interest-why": "The work is *exactly* what I want.",
            "sender": "Alex", "thank-you-note": "Dear Sam Lee,\n\nThank you for taking the time to talk with me.\n```\nBest wishes,\nAlex",
        ],
        questions: [
            PlannedQuestion(text: "How is regulation changing your work?", category: .trends, origin: .own),
            PlannedQuestion(text: "What does a typical week look like for you?", category: .insights, origin: .own),
        ])
    sam.referredBy = nil
    var priya = Overview.Interview(
        name: "Priya Shah", stage: .done,
        answers: ["name": "Priya Shah", "skills": "sql\nPython", "gaps-named": "Cloud tools", "advice": "build one project end to end"])
    priya.referredBy = "Sam Lee"
    var tom = Overview.Interview(name: "Tom Berg", stage: .prepare)
    tom.referredBy = "Sam Lee"
    let twin = Overview.Interview(name: "Sam Lee!", stage: .prepare, answers: ["name": "Sam Lee!", "role": "Nurse"])
    var overview = Overview(interviews: [sam, priya, tom, twin])
    overview.liveSessions = [
        LiveSummary(
            interview: "Sam Lee", session: 1,
            notes: [
                LiveNote(position: 0, question: "How is regulation changing your work?", text: "Models must be explained | audited"),
                LiveNote(position: 1, question: "What does a typical week look like for you?", text: "Dashboards,\nthen calls"),
                LiveNote(position: 2, question: nil, text: "1. Ask Tom about the meetup"),
            ], progress: nil, updatedAt: TestSupport.now)
    ]
    overview.followUps = [
        FollowUp(id: 1, interview: "Sam Lee", kind: .thankYou, text: "Send Sam Lee a thank-you", due: TestSupport.now),
        FollowUp(id: 2, interview: "Sam Lee", kind: .assignment, text: "Rebuild my coursework analysis in SQL by Friday", due: TestSupport.now.addingTimeInterval(4 * 86_400)),
    ]
    return overview
}

@Suite("the Markdown export")
struct MarkdownExportTests {
    static let folder = (TestSupport.transcriptsFolder as NSString).appendingPathComponent("markdown-export")

    @Test("a file per interview and the overview, each compared whole with its golden file")
    func golden() throws {
        let files = MarkdownExport(library: try TestSupport.library(), overview: seeded()).files()
        #expect(files.map(\.name) == ["sam-lee.md", "priya-shah.md", "tom-berg.md", "sam-lee-2.md", "README.md"])
        let record = ProcessInfo.processInfo.environment["RECORD_TRANSCRIPTS"] == "1"
        for file in files {
            let path = (Self.folder as NSString).appendingPathComponent(file.name)
            if record {
                try file.text.write(toFile: path, atomically: true, encoding: .utf8)
            } else {
                let expected = try String(contentsOfFile: path, encoding: .utf8)
                #expect(file.text == expected, "\(file.name) differs; rerun with RECORD_TRANSCRIPTS=1 to rewrite it, then review the diff")
            }
        }
        let stored = try FileManager.default.contentsOfDirectory(atPath: Self.folder).filter { $0.hasSuffix(".md") }
        #expect(Set(stored) == Set(files.map(\.name)), "a golden file no export writes")
    }

    @Test("every file starts with the signature a later export looks for; the overview links each interview's file")
    func signatureAndLinks() throws {
        let files = MarkdownExport(library: try TestSupport.library(), overview: seeded()).files()
        #expect(files.allSatisfy { $0.text.hasPrefix(MarkdownExport.signature + "\n") })
        let overview = try #require(files.last?.text)
        for file in files.dropLast() { #expect(overview.contains("[\(file.name)](\(file.name))")) }
    }

    @Test("a | or a line break typed by the user never breaks the table; a # or a number at a line's start is no heading or list")
    func escaping() throws {
        let export = MarkdownExport(library: try TestSupport.library(), overview: seeded())
        let overview = export.overviewMarkdown(files: nil)
        let rows = overview.split(separator: "\n").filter { $0.hasPrefix("| ") }
        let columns = rows.map { row in row.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count }
        #expect(rows.count == 6)
        #expect(Set(columns).count == 1)
        #expect(overview.contains("| Sam Lee | Data analyst | Harbour \\| Bank | done |  |"))
        #expect(!overview.contains("](sam-lee.md)"))
        #expect(overview.contains("\n- \\# of stakeholders you can calm (only Sam Lee: possible outlier)\n"))
        let sam = export.markdown(for: seeded().interviews[0])
        #expect(sam.contains("— Models must be explained \\| audited"))
        #expect(sam.contains("— Dashboards, then calls"))
        #expect(sam.contains("- 1\\. Ask Tom about the meetup"))
        #expect(sam.contains("  - \\# of stakeholders you can calm"))
        #expect(sam.contains("- **Why:** The work is \\*exactly\\* what I want."))
        #expect(sam.contains(" ```\nBest wishes,"))
    }

    @Test("file names: lower-case ASCII letters, digits and -, accents dropped; a repeat gets -2, -3; README is kept for the overview", arguments: [
        (["Sam Lee", "sam  lee", "SAM-LEE", "Raúl O'Brien"], ["sam-lee.md", "sam-lee-2.md", "sam-lee-3.md", "raul-o-brien.md"]),
        (["README", "Readme", "../etc/passwd", "李明", ""], ["readme-2.md", "readme-3.md", "etc-passwd.md", "interview.md", "interview-2.md"]),
        (["Ana-2", "Ana", "Ana"], ["ana-2.md", "ana.md", "ana-3.md"]),
    ])
    func fileNames(names: [String], expected: [String]) {
        #expect(MarkdownExport.fileNames(for: names) == expected)
    }

    @Test("without interviews the overview says how to start, with nothing to link")
    func empty() throws {
        let files = MarkdownExport(library: try TestSupport.library(), overview: Overview()).files()
        #expect(files.map(\.name) == ["README.md"])
        #expect(files[0].text.contains(try TestSupport.library().messages.text("md-no-interviews")))
    }
}
