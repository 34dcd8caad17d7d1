import Testing
@testable import InfoviewCore

/// Eight interviews at every stage, five debriefed, with referrals two levels deep.
private let seeded = Overview(interviews: [
    interview("Sam Lee", .done, skills: ["SQL", "Explaining results to non-coders"], gaps: ["cloud tools", "A/B testing"],
              advice: ["Build one project end to end"], trends: ["Analytics moves into product teams"]),
    interview("Ana", .done, skills: ["sql", "Python"], gaps: ["Cloud tools", "stakeholder management"],
              advice: ["Build one project end to end", "Write about your work"]),
    interview("Priya Shah", .done, by: "Sam Lee", skills: ["Python", "SQL"], gaps: ["cloud  tools", "A/B testing"],
              trends: ["analytics moves into product teams"]),
    interview("Tom Berg", .done, by: "Sam Lee", skills: ["Storytelling"], gaps: ["A/B testing"]),
    interview("Lena", .debrief, by: "Priya Shah", skills: ["Python"]),
    interview("Kofi", .conduct, by: "Priya Shah"),
    interview("Mei", .prepare),
    interview("Raúl", .prepare, by: "Ana"),
])

private func interview(
    _ name: String, _ stage: Stage, by referrer: String? = nil, skills: [String] = [], gaps: [String] = [],
    advice: [String] = [], trends: [String] = []
) -> Overview.Interview {
    var answers = ["name": name]
    for (field, items) in [("skills", skills), ("gaps-named", gaps), ("advice", advice), ("trends", trends)] where !items.isEmpty {
        answers[field] = items.joined(separator: "\n")
    }
    var snapshot = Overview.Interview(name: name, stage: stage, answers: answers)
    snapshot.referredBy = referrer
    return snapshot
}

@Test("the report on eight interviews, compared whole")
func wholeReport() throws {
    let engine = DialogueEngine(library: try TestSupport.library())
    let expected = """
        Across your interviews
        Progress [####.|..........] 4 done: 1 more to reach 5, and up to 15 for a sharper picture.
        Skills that matter: said by several is likely true; said by one may be an outlier.
        - SQL (3: Sam Lee, Ana, Priya Shah)
        - Python (3: Ana, Priya Shah, Lena)
        - Explaining results to non-coders (only Sam Lee: possible outlier)
        - Storytelling (only Tom Berg: possible outlier)
        Advice: said by several is likely true; said by one may be an outlier.
        - Build one project end to end (2: Sam Lee, Ana)
        - Write about your work (only Ana: possible outlier)
        Trends: said by several is likely true; said by one may be an outlier.
        - Analytics moves into product teams (2: Sam Lee, Priya Shah)
        Expertise gaps, most raised first: your learning plan.
        1. ### cloud tools (3: Sam Lee, Ana, Priya Shah)
        2. ### A/B testing (3: Sam Lee, Priya Shah, Tom Berg)
        3. #   stakeholder management (1: Ana)
        Who led to whom
        Sam Lee (done)
           -> Priya Shah (done)
              -> Lena (to debrief)
              -> Kofi (ready to meet)
           -> Tom Berg (done)
        Ana (done)
           -> Raúl (preparing)
        Where everyone is
        preparing (2): Mei, Raúl
        ready to meet (1): Kofi
        to debrief (1): Lena
        done (4): Sam Lee, Ana, Priya Shah, Tom Berg
        """
    #expect(engine.report(seeded).plainText == expected)
}

@Test("the same report drawn in blocks: the progress bar, the gap chart and the tree; the words the same")
func blocksReport() throws {
    var engine = DialogueEngine(library: try TestSupport.library())
    let plain = engine.report(seeded).lines.map(\.text)
    engine.drawing = .blocks
    let blocks = engine.report(seeded).lines.map(\.text)
    #expect(blocks.count == plain.count)
    #expect(blocks[1] == "Progress ▕████░│░░░░░░░░░░▏ 4 done: 1 more to reach 5, and up to 15 for a sharper picture.")
    let gaps = try #require(blocks.firstIndex { $0.hasPrefix("Expertise gaps") })
    #expect(Array(blocks[(gaps + 1)...(gaps + 3)]) == [
        "1. ████████████████ cloud tools (3: Sam Lee, Ana, Priya Shah)",
        "2. ████████████████ A/B testing (3: Sam Lee, Priya Shah, Tom Berg)",
        "3. █████▍           stakeholder management (1: Ana)",
    ])
    let tree = try #require(blocks.firstIndex { $0 == "Who led to whom" })
    #expect(Array(blocks[(tree + 1)...(tree + 7)]) == [
        "Sam Lee (done)",
        "├── Priya Shah (done)",
        "│   ├── Lena (to debrief)",
        "│   └── Kofi (ready to meet)",
        "└── Tom Berg (done)",
        "Ana (done)",
        "└── Raúl (preparing)",
    ])
    for (index, line) in plain.enumerated() where !line.contains("#") && !line.contains("->") {
        #expect(blocks[index] == line)
    }
}

@Test("the progress bar fills one cell an interview done, and says when the minimum and the maximum are reached", arguments: [
    (0, "Progress [.....|..........] 0 done: 5 more to reach 5, and up to 15 for a sharper picture."),
    (5, "Progress [#####|..........] 5 done: enough voices to tell what insiders agree on; up to 15 sharpens it."),
    (15, "Progress [#####|##########] 15 done: that's the full picture. Time to decide."),
])
func progressBar(done: Int, expected: String) throws {
    let engine = DialogueEngine(library: try TestSupport.library())
    let overview = Overview(interviews: (0..<done).map { Overview.Interview(name: "P\($0)", stage: .done) })
    let lines = engine.report(overview).lines.map(\.text)
    #expect(lines.count > 1)
    #expect(lines[1] == expected)
}
