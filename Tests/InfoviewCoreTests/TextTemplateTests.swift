import Testing
@testable import InfoviewCore

@Test("placeholders are filled; a bracketed part vanishes when a field inside it has no value", arguments: [
    ("- {name}[, {role}][ at {organisation}]", ["name": "Sam", "role": "Designer"], "- Sam, Designer"),
    ("- {name}[, {role}][ at {organisation}]", ["name": "Sam", "organisation": "Acme"], "- Sam at Acme"),
    ("[- Role: {role}]", [:], ""),
    ("[- Role: {role}]", ["role": ""], ""),
    ("Hi {name}!", [:], "Hi !"),
    ("no fields [at all]", [:], "no fields at all"),
    ("[outer {a} [inner {b}]]", ["a": "A"], "outer A "),
])
func render(source: String, values: [String: String], expected: String) throws {
    let template = try #require(TextTemplate(source))
    #expect(template.render(values) == expected)
}

@Test("unclosed or stray braces and brackets do not parse", arguments: ["{name", "name}", "[a", "a]", "{}", "{na me}"])
func malformed(source: String) {
    #expect(TextTemplate(source) == nil)
}

@Test("fields are listed in order, including those in brackets")
func fields() throws {
    #expect(try #require(TextTemplate("{a} [{b} {c}] {a}")).fields == ["a", "b", "c", "a"])
}
