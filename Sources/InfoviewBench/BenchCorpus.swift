import Foundation
import InfoviewCore

/// Generated inputs: sentences in the shape of what people write, and rules in the shape of the
/// shipped ones.
enum BenchCorpus {
    static let openers = ["", "So, ", "Honestly, ", "Thanks so much! ", "Quick question - ", "I was wondering: ", "ok so "]
    static let questions = [
        "how did you get into {field} in the first place?", "what does a typical week look like on your team?",
        "are you hiring for {role}s right now?", "could you refer me for the {role} opening?",
        "what skills matter most for a {role} in {field}?", "can I send you my resume in case something opens up?",
        "who else would you suggest I talk to about {field}?", "I'd be a great fit for your team.",
        "what do you wish you had known before starting in {field}?", "if anything comes up, think of me.",
        "how do {role}s usually move up in your organisation?", "is the pace pretty intense or more steady?",
        "what trends are changing {field} this year?", "would you mind booking me a slot with your hiring manager?",
        "I'm not looking for a job right now, I just want to learn how {field} works.",
    ]
    static let fields = ["design", "data science", "nursing", "finance", "teaching", "public policy", "marketing", "radio"]
    static let roles = ["analyst", "designer", "nurse", "engineer", "coordinator", "producer", "teacher", "planner"]
    static let channels = ["question", "spoken", "email", "note"]

    static func lines(count: Int, random: inout BenchRandom) -> [String] {
        (0..<count).map { index in
            var text = openers.randomElement(using: &random)! + questions.randomElement(using: &random)!
            text = text.replacingOccurrences(of: "{field}", with: fields.randomElement(using: &random)!)
            text = text.replacingOccurrences(of: "{role}", with: roles.randomElement(using: &random)!)
            if index % 5 == 0 { text += " " + questions.randomElement(using: &random)!.replacingOccurrences(of: "{field}", with: "law").replacingOccurrences(of: "{role}", with: "clerk") }
            var line = "{\"id\":\(index),\"text\":"
            JSONValue.appendString(text, to: &line)
            line += ",\"channel\":\"\(channels[index % channels.count])\"}\n"
            return line
        }
    }

    static let syllables = ["ka", "lo", "mi", "ne", "ru", "ta", "vo", "zi", "pe", "su", "bra", "kel", "dor", "fin", "gar"]

    static func word(_ random: inout BenchRandom) -> String {
        (0..<3).map { _ in syllables.randomElement(using: &random)! }.joined()
    }

    /// Rules over a vocabulary of invented words, with the constructs the shipped rules use.
    static func rules(count: Int, random: inout BenchRandom) -> String {
        var text = "# Generated for the benchmark.\n"
        for index in 0..<count {
            let a = word(&random), b = word(&random), c = word(&random), d = word(&random)
            let pattern: String
            switch index % 4 {
            case 0: pattern = "\(a) * \(b) [\(c)]"
            case 1: pattern = "(\(a) | \(b)) \(c) *3 \(d)"
            case 2: pattern = "^ \(a) ~your-org * \(b)"
            default: pattern = "could you \(a) me *4 (\(b) | \(c))"
            }
            text += "\nrule generated-\(index)\n  severity: caution\n  when: \(pattern)\n  why: generated rule \(index)\n"
        }
        return text
    }
}
