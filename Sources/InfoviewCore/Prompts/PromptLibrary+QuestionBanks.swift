extension PromptLibrary {
    /// The bank whose `match:` phrases best fit what the user typed for their field, else the
    /// `general` bank.
    ///
    /// Case and punctuation do not matter ("I'm into UX design" finds `design`). A longer phrase
    /// wins over a shorter one ("software engineer" is `software`, not `engineering`), then the
    /// bank covering more of the typed words, then the bank that comes first in the files.
    public func bank(forField text: String) -> QuestionBank {
        let words = Phrase.normalise(text).split(separator: " ")
        var best: (bank: QuestionBank, relevance: FieldRelevance)?
        for bank in banks {
            guard let relevance = bank.relevance(toField: words), best.map({ $0.relevance < relevance }) ?? true else { continue }
            best = (bank, relevance)
        }
        if let best { return best.bank }
        guard let general = banks.first(where: { $0.name == QuestionBank.generalName }) else {
            fatalError("PromptLibrary.load guarantees a '\(QuestionBank.generalName)' bank")
        }
        return general
    }
}
