import Testing
@testable import InfoviewCore

@Test("a header opens a block and indented lines are its entries")
func blocks() throws {
    let blocks = try PromptDocument.parse("# c\nrule greet\n  when: hello\n  say: Hi!\n\nrule bye\n  when: bye", file: "t.rules")
    #expect(blocks.map(\.name) == ["greet", "bye"])
    #expect(blocks[0].values("say") == ["Hi!"])
    #expect(blocks[1].entries[0].location == SourceLocation(file: "t.rules", line: 7))
}
