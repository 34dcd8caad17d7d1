import Testing
@testable import InfoviewCore

@Suite("Drawing") struct DrawingTests {
    @Test("the progress bar: a cell an interview up to the maximum, a mark at the minimum", arguments: [
        (Drawing.plain, 0, "[.....|..........]"),
        (.plain, 3, "[###..|..........]"),
        (.plain, 15, "[#####|##########]"),
        (.plain, 20, "[#####|##########]"),
        (.blocks, 0, "▕░░░░░│░░░░░░░░░░▏"),
        (.blocks, 7, "▕█████│██░░░░░░░░▏"),
        (.blocks, 15, "▕█████│██████████▏"),
    ])
    func progressBar(drawing: Drawing, done: Int, expected: String) {
        #expect(drawing.progressBar(done: done, minimum: 5, maximum: 15) == expected)
    }

    @Test("a minimum equal to the maximum draws no mark")
    func progressWithoutMark() {
        #expect(Drawing.plain.progressBar(done: 1, minimum: 3, maximum: 3) == "[#..]")
        #expect(Drawing.blocks.progressBar(done: 3, minimum: 3, maximum: 3) == "▕███▏")
    }

    @Test("a bar is always its width: empty at zero, full at the scale, eighth blocks for a fraction", arguments: [
        (Drawing.plain, 0, 3, 3, "   "),
        (.plain, 1, 3, 3, "#  "),
        (.plain, 3, 3, 3, "###"),
        (.plain, 1, 4, 10, "###       "),
        (.plain, 1, 100, 10, "#         "),
        (.plain, 9, 3, 4, "####"),
        (.blocks, 0, 3, 8, "        "),
        (.blocks, 3, 3, 8, "████████"),
        (.blocks, 1, 2, 8, "████    "),
        (.blocks, 1, 3, 8, "██▋     "),
        (.blocks, 2, 3, 16, "██████████▋     "),
        (.blocks, 1, 3, 16, "█████▍          "),
        (.blocks, 1, 16, 2, "▏ "),
        (.blocks, 1, 1000, 4, "▏   "),
        (.blocks, 5, 3, 4, "████"),
        (.blocks, 2, 3, 0, ""),
    ])
    func bar(drawing: Drawing, value: Int, scale: Int, width: Int, expected: String) {
        let bar = drawing.bar(value, of: scale, width: width)
        #expect(bar == expected)
        #expect(bar.count == width)
    }

    @Test("every eighth has its block")
    func eighths() {
        let bars = (1...8).map { Drawing.blocks.bar($0, of: 8, width: 1) }
        #expect(bars == ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"])
    }

    @Test("the branches of a tree three levels deep with siblings, in both drawings")
    func tree() {
        // Ana ─ Priya ─ Lena, Kofi; Ana ─ Tom ─ Mei
        let levels: [(below: [Bool], isLast: Bool)] = [
            ([], false),  // Priya
            ([true], false),  // Lena
            ([true], true),  // Kofi
            ([], true),  // Tom
            ([false], true),  // Mei
        ]
        #expect(levels.map { Drawing.blocks.branch(below: $0.below, isLast: $0.isLast) } == [
            "├── ", "│   ├── ", "│   └── ", "└── ", "    └── ",
        ])
        #expect(levels.map { Drawing.plain.branch(below: $0.below, isLast: $0.isLast) } == [
            "   -> ", "      -> ", "      -> ", "   -> ", "      -> ",
        ])
    }
}
