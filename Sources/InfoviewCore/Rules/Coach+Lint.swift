import Foundation

extension Coach {
    /// The whole-text checks (`lint` blocks) that apply to a text on its channel.
    mutating func lintFindings(in tokens: [Token], text: String, channel: Channel) -> [Finding] {
        var findings: [Finding] = []
        let words = tokens.filter { !$0.isBreak }
        guard !words.isEmpty else { return [] }
        let whole = Int(words[0].start)..<Int(words[words.count - 1].end)
        for compiled in book.lints {
            let lint = compiled.lint
            if !lint.channels.isEmpty && !lint.channels.contains(channel) { continue }
            if muted.contains(lint.id) { continue }
            var span = whole
            var values: [(key: String, value: String)] = []  // in the order `matched` lists them
            switch lint.measure {
            case .wordsOver(let limit):
                guard words.count > limit else { continue }
                span = Int(words[limit].start)..<whole.upperBound
                values = [("limit", String(limit)), ("words", String(words.count))]
            case .noQuestion:
                guard !tokens.contains(where: { $0.id == Token.questionBreak }) else { continue }
            case .missingInOpening(let within):
                var end = 0
                var sentences = 0
                while end < tokens.count, sentences < within {
                    if tokens[end].isBreak { sentences += 1 }
                    end += 1
                }
                guard let require = compiled.require,
                    matcher.firstMatch(of: require, in: tokens, sets: book.sets, from: 0, upTo: end) == nil
                else { continue }
                let opening = tokens[..<end].filter { !$0.isBreak }
                if let first = opening.first, let last = opening.last { span = Int(first.start)..<Int(last.end) }
                values = [("sentences", String(within))]
            case .selfOverOther:
                let mine = words.reduce(0) { $0 + (book.firstPerson.contains($1.id) ? 1 : 0) }
                let theirs = words.reduce(0) { $0 + (book.secondPerson.contains($1.id) ? 1 : 0) }
                guard mine > theirs else { continue }
                values = [("other", String(theirs)), ("self", String(mine))]
            }
            let matched = values.map { $0.key + " " + $0.value }.joined(separator: ", ")
            findings.append(
                Finding(
                    rule: lint.id, severity: lint.severity, kind: lint.kind, start: span.lowerBound, end: span.upperBound,
                    quote: Self.text(text, span), why: Self.fill(lint.why, values), instead: lint.instead, matched: matched,
                    pattern: "measure", location: lint.location.description))
        }
        return findings
    }

    /// `{words}`, `{limit}` … in a lint's text, filled with what was measured.
    private static func fill(_ template: String, _ values: [(key: String, value: String)]) -> String {
        values.isEmpty ? template : Template.fill(template) { key in values.first { $0.key == key }?.value }
    }
}
