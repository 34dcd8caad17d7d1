import Testing
@testable import InfoviewCore

@Test(arguments: [
    ("rule r\n  severity: pitch\n  when: x\n  wy: w", "r.rules:4: unknown key 'wy' (expected severity, kind, when, unless, context, unless-context, channel, allowed-after, longer-than, weight, why, instead, example or not)"),
    ("rule r\n  severity: urgent\n  when: x\n  why: w", "r.rules:2: 'severity: urgent' is not valid (expected pitch, caution or tip)"),
    ("rule r\n  severity: tip\n  why: w", "r.rules:1: rule r has no 'when:' line (every rule needs one)"),
    ("rule r\n  severity: tip\n  when: x\n  why: w\n  channel: phone", "r.rules:5: 'channel: phone' is not valid (expected question, spoken, email or note)"),
    ("rule r\n  severity: tip\n  when: x\n  why: w\n  weight: heavy", "r.rules:5: 'weight: heavy' is not valid (expected a whole number)"),
    ("rules r\n  when: x", "r.rules:1: unknown block 'rules' (expected a header starting with concept, replace, rule, door, intent or lint)"),
    ("rule r\n  severity: tip\n  when: x\n  why: w\nseverity tip", "r.rules:5: unknown block 'severity' (expected a header starting with concept, replace, rule, door, intent or lint)"),
    ("  when: x", "r.rules:1: cannot read 'when: x' (expected a header at column 0, an indented 'key: value' line, a '#' comment or a blank line)"),
    ("rule r\n  severity: tip\n  when: x\n  why: w\n\nrule r\n  severity: tip\n  when: y\n  why: w", "r.rules:6: 'rule r' is defined twice (first at r.rules:1)"),
    ("rule r\n  severity: tip\n  when: x\n  why: w\n  allowed-after: nowhere", "r.rules:1: 'allowed-after: nowhere' is not valid (expected one of the doors: )"),
])
func mistakeNamesItsLine(source: String, message: String) {
    do {
        _ = try RuleBook.compile([(name: "r.rules", text: source)])
        Issue.record("expected an error: \(message)")
    } catch {
        #expect(error.description == message)
    }
}

@Test("examples carry what the insider said after <<")
func exampleContext() throws {
    let source = "rule r\n  severity: tip\n  when: x\n  why: w\n  example: sure, x << Want to join us?"
    let rule = try RuleBook.compile([(name: "r.rules", text: source)]).allRules[0]
    #expect(rule.examples == [Rule.Example(text: "sure, x", context: "Want to join us?", location: SourceLocation(file: "r.rules", line: 5))])
}
