import Foundation

/// A rehearsal as the store holds it: finished with a scorecard, or paused with its progress.
public struct RehearsalSummary: Sendable, Equatable {
    /// The interview's name.
    public var interview: String
    /// 1 for the interview's first rehearsal.
    public var attempt: Int
    /// The persona's id.
    public var persona: String
    /// The scorecard, once it ended.
    public var scorecard: Scorecard?
    /// Where it stopped, while it has not ended.
    public var progress: RehearsalProgress?
    /// When it last changed.
    public var updatedAt: Date

    /// Creates a summary.
    public init(
        interview: String, attempt: Int, persona: String, scorecard: Scorecard?, progress: RehearsalProgress?, updatedAt: Date
    ) {
        self.interview = interview
        self.attempt = attempt
        self.persona = persona
        self.scorecard = scorecard
        self.progress = progress
        self.updatedAt = updatedAt
    }
}

/// A live checklist as the store holds it.
public struct LiveSummary: Sendable, Equatable {
    /// The interview's name.
    public var interview: String
    /// 1 for the interview's first live session.
    public var session: Int
    /// The notes typed, in position order.
    public var notes: [LiveNote]
    /// Where it stopped, while it has not ended.
    public var progress: LiveProgress?
    /// When it last changed.
    public var updatedAt: Date

    /// Creates a summary.
    public init(interview: String, session: Int, notes: [LiveNote], progress: LiveProgress?, updatedAt: Date) {
        self.interview = interview
        self.session = session
        self.notes = notes
        self.progress = progress
        self.updatedAt = updatedAt
    }
}

/// A note typed during a real meeting, with the question it was typed under.
public struct LiveNote: Sendable, Equatable {
    /// The question's place in the checklist (past the last question for a later note).
    public var position: Int
    /// The question it is about; `nil` for a note typed after the last question.
    public var question: String?
    /// The note as typed.
    public var text: String

    /// Creates a note.
    public init(position: Int, question: String?, text: String) {
        self.position = position
        self.question = question
        self.text = text
    }
}
