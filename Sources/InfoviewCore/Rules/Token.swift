/// One word of normalised text, or a sentence break, with where it came from.
///
/// `start` and `end` are offsets in Unicode scalars into the original text, so that a finding can
/// quote exactly what the person wrote (`"CV"`, not the normalised `resume`).
struct Token: Sendable, Equatable {
    /// The word's id in the `Vocabulary`, `unknownWord` for a word no rule mentions, or one of the
    /// break ids.
    var id: Int32
    /// First scalar offset in the original text.
    var start: Int32
    /// Scalar offset just past the end in the original text.
    var end: Int32
    /// Clause boundaries around the word (`startsClause`, `endsClause`).
    var flags: UInt8

    static let unknownWord: Int32 = -1
    /// A sentence break after `.`, `!`, `;` or a line break.
    static let statementBreak: Int32 = -2
    /// A sentence break after `?`.
    static let questionBreak: Int32 = -3

    static let startsClause: UInt8 = 1
    static let endsClause: UInt8 = 2

    var isBreak: Bool { id <= Token.statementBreak }
    var startsClause: Bool { flags & Token.startsClause != 0 }
    var endsClause: Bool { flags & Token.endsClause != 0 }
}

/// A word as written, before contractions and variants are resolved.
struct RawWord: Sendable, Equatable {
    /// Where its bytes lie in the scan's `letters`: lower case, accents folded, apostrophes
    /// unified to `'`.
    var letters: Range<Int32>
    var start: Int32
    var end: Int32
    var flags: UInt8
}

/// What the tokenizer sees: words and sentence breaks.
enum RawPiece: Sendable, Equatable {
    case word(RawWord)
    case sentenceBreak(isQuestion: Bool, start: Int32, end: Int32)
}

/// A scanned text: its pieces, and the letters of its words end to end.
struct ScannedText: Sendable {
    var pieces: [RawPiece]
    var letters: [UInt8]

    /// A word's letters as text.
    func text(of word: RawWord) -> String {
        String(decoding: letters[Int(word.letters.lowerBound)..<Int(word.letters.upperBound)], as: UTF8.self)
    }
}
