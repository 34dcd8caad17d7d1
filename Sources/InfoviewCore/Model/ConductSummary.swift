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
    public var notes: [String]
    /// Where it stopped, while it has not ended.
    public var progress: LiveProgress?
    /// When it last changed.
    public var updatedAt: Date

    /// Creates a summary.
    public init(interview: String, session: Int, notes: [String], progress: LiveProgress?, updatedAt: Date) {
        self.interview = interview
        self.session = session
        self.notes = notes
        self.progress = progress
        self.updatedAt = updatedAt
    }
}
