import Foundation

/// Files a question the user wrote under a TIARA category: the category of the most similar
/// question in the banks, by the words they share, rarer words counting more.
///
/// The banks are the examples, so a new bank or question teaches it without code.
struct QuestionClassifier {
    private let examples: [(words: [String: Double], category: TiaraCategory)]
    private let weights: [String: Double]

    /// Learns from every question of every bank.
    init(banks: [QuestionBank]) {
        let questions = banks.flatMap(\.questions)
        let wordSets = questions.map { Set(Self.words(of: $0.text)) }
        var frequency: [String: Int] = [:]
        for words in wordSets {
            for word in words { frequency[word, default: 0] += 1 }
        }
        let total = Double(max(1, questions.count))
        let weights = frequency.mapValues { log(total / Double($0)) }
        self.weights = weights
        examples = zip(wordSets, questions).map { words, question in
            (Dictionary(uniqueKeysWithValues: words.map { ($0, weights[$0] ?? 0) }), question.category)
        }
    }

    /// The category of the most similar bank question; `nil` when no bank question shares a
    /// telling word with it.
    func category(of text: String) -> TiaraCategory? {
        let words = Set(Self.words(of: text))
        let vector = words.compactMap { word in weights[word].map { (word, $0) } }
        let norm = sqrt(vector.reduce(0) { $0 + $1.1 * $1.1 })
        guard norm > 0 else { return nil }
        var best: (score: Double, category: TiaraCategory)?
        for example in examples {
            var dot = 0.0
            for (word, weight) in vector {
                if let other = example.words[word] { dot += weight * other }
            }
            guard dot > 0 else { continue }
            let otherNorm = sqrt(example.words.values.reduce(0) { $0 + $1 * $1 })
            let score = dot / (norm * otherNorm)
            if score > best?.score ?? Self.threshold { best = (score, example.category) }
        }
        return best?.category
    }

    /// Below this similarity a question resembles nothing in particular.
    static let threshold = 0.12

    /// The words of a question, lower case, a plural `s` dropped so "trend" meets "trends".
    static func words(of text: String) -> [String] {
        Phrase.normalise(text).split(separator: " ").map { word in
            word.count > 3 && word.hasSuffix("s") && !word.hasSuffix("ss") ? String(word.dropLast()) : String(word)
        }
    }
}
