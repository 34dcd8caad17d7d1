import Foundation
import Testing
@testable import InfoviewCore

/// An interview prepared all the way, as the store would hand it over.
private let prepared = Overview.Interview(
    name: "Sam Lee", stage: .conduct,
    answers: [
        "name": "Sam Lee", "role": "Product designer", "organisation": "Acme", "connection": "a friend from university",
        "immediate-boss": "no", "why-chosen": "she knows the team well",
        "learn": "How she decides what to design, and how she got into the field",
        "gaps": "user research with real customers\nworking with engineers day to day", "field": "UX design", "minutes": "20",
        "outreach-email": """
            Dear Sam Lee,

            My friend Dana Whitfield suggested I write to you. I'm curious how your team turns customer research into designs.
            Would you have 20 minutes in the next few weeks to share your advice?

            Thank you,
            Alex Kim
            """,
    ],
    questions: [
        PlannedQuestion(text: "How are AI tools changing the way your team explores ideas?", category: .trends, origin: .suggested),
        PlannedQuestion(text: "What does a typical week look like for you?", category: .insights, origin: .own),
        PlannedQuestion(text: "What do you enjoy most about your job?", category: .insights, origin: .own),
        PlannedQuestion(
            text: "What experience do people usually have when they start in a role like yours?", category: .advice, origin: .rewrite),
        PlannedQuestion(text: "Which designers or studios do you learn the most from?", category: .resources, origin: .suggested),
        PlannedQuestion(
            text: "What redesign project could I take on to practise the way you work?", category: .assignments, origin: .suggested),
        PlannedQuestion(text: "Who else should I talk to?", category: .resources, origin: .closing),
    ])

@Suite("the prep sheet")
struct PrepSheetTests {
    @Test("a prepared interview's sheet reads as the golden file, whole")
    func golden() throws {
        let path = (TestSupport.transcriptsFolder as NSString).appendingPathComponent("prep-sheet.md")
        let actual = PrepSheet(library: try TestSupport.library()).markdown(for: prepared)
        if ProcessInfo.processInfo.environment["RECORD_TRANSCRIPTS"] == "1" {
            try actual.write(toFile: path, atomically: true, encoding: .utf8)
        } else {
            let expected = try String(contentsOfFile: path, encoding: .utf8)
            #expect(actual == expected, "prep-sheet.md differs; rerun with RECORD_TRANSCRIPTS=1 to rewrite it, then review the diff")
        }
    }

    @Test("the sheet has every part the principles ask for, in order")
    func parts() throws {
        let library = try TestSupport.library()
        let sheet = PrepSheet(library: library).markdown(for: prepared)
        let headings = sheet.split(separator: "\n").filter { $0.hasPrefix("#") }.map(String.init)
        let expected = [
            "sheet-title", "sheet-who-heading", "sheet-why-heading", "sheet-learn-heading", "sheet-gaps-heading",
            "sheet-questions-heading", "sheet-plan-heading", "sheet-email-heading", "sheet-reminders-heading",
        ].map { library.messages.text($0, ["name": "Sam Lee"]) }
        #expect(headings == expected)
        #expect(sheet.split(separator: "\n").count <= 60, "one page")
    }

    @Test("the plan marks the questions that fit, those if time allows and those kept for the end")
    func planMarks() throws {
        let library = try TestSupport.library()
        let sheet = PrepSheet(library: library).markdown(for: prepared)
        // 20 minutes: (20 - 3 - 3) / 3 = 4 questions; the last Resources and Assignments ones are kept.
        let keep = library.messages.text("mark-keep-for-end")
        let ifTime = library.messages.text("mark-if-time")
        let lines = sheet.split(separator: "\n").map(String.init).filter { $0.first?.isNumber == true && $0.contains("*:") }
        #expect(lines.count == 7)
        #expect(lines.map { $0.contains(keep) } == [false, false, false, false, false, true, true])
        #expect(lines.map { $0.contains(ifTime) } == [false, false, true, true, true, false, false])
        #expect(sheet.contains("Ask 1–2 in order. If time allows, 3–5. Keep 6–7 for the end."))
    }

    @Test("an interview with nothing yet says what is missing and how to get it")
    func bare() throws {
        let library = try TestSupport.library()
        let sheet = PrepSheet(library: library).markdown(for: Overview.Interview(name: "Ana", stage: .prepare))
        #expect(sheet.contains(library.messages.text("sheet-why-unknown", ["name": "Ana"])))
        #expect(sheet.contains(library.messages.text("sheet-missing")))
        #expect(sheet.contains(library.messages.text("sheet-no-questions", ["name": "Ana"])))
        #expect(sheet.contains(library.messages.text("sheet-no-email", ["name": "Ana"])))
        #expect(!sheet.contains(library.messages.text("sheet-who-heading")))
        #expect(!sheet.contains(library.messages.text("sheet-gaps-heading")))
        #expect(sheet.hasSuffix(library.messages.messages["sheet-reminders"]!.lines.last!.render(["name": "Ana"]) + "\n"))
    }

    @Test("what the user typed cannot turn into Markdown formatting", arguments: [
        ("a *bold* [link](x) <b>", "a \\*bold\\* \\[link\\](x) \\<b\\>"),
        ("line one\nline two", "line one line two"),
        ("snake_case | pipe", "snake\\_case \\| pipe"),
    ])
    func escaping(typed: String, shown: String) throws {
        var interview = Overview.Interview(name: "Ana", stage: .prepare)
        interview.questions = [PlannedQuestion(text: typed, category: .insights, origin: .own)]
        let sheet = PrepSheet(library: try TestSupport.library()).markdown(for: interview)
        #expect(sheet.contains(shown))
    }

    @Test("an answer that would start a heading or a list is escaped", arguments: [
        ("# everything", "\\# everything"), ("1. how it works", "1\\. how it works"), ("- the day-to-day", "\\- the day-to-day"),
        ("how it works", "how it works"),
    ])
    func paragraph(typed: String, shown: String) throws {
        let interview = Overview.Interview(name: "Ana", stage: .prepare, answers: ["learn": typed])
        let sheet = PrepSheet(library: try TestSupport.library()).markdown(for: interview)
        #expect(sheet.contains("\n" + shown + "\n"))
    }

    @Test("question numbers are written as short ranges", arguments: [
        ([1, 2, 3, 4], "1–4"), ([1, 3, 4, 6], "1, 3–4, 6"), ([7], "7"), ([], ""),
    ])
    func ranges(numbers: [Int], text: String) {
        #expect(PrepSheet.rangesText(numbers) == text)
    }

    @Test("the outreach email is the saved one, as it was written")
    func outreach() throws {
        let sheet = PrepSheet(library: try TestSupport.library())
        #expect(sheet.outreachEmail(for: prepared) == prepared.answers["outreach-email"])
        #expect(sheet.outreachEmail(for: Overview.Interview(name: "Ana", stage: .prepare)) == nil)
    }
}
