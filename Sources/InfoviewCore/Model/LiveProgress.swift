import Foundation

/// Where the live checklist of a real meeting is: the planned questions, which one is next, the
/// notes taken and when the meeting started. Saved after each line.
public struct LiveProgress: Sendable, Equatable, Codable {
    /// The interview being held.
    public var interview: String
    /// Which live session of this interview it is: 1 for the first.
    public var session: Int
    /// How long the meeting is planned to last, in minutes.
    public var plannedMinutes: Int
    /// When the checklist started, as the clock outside the engine said.
    public var startedAt: Date
    /// The questions, in the order planned.
    public var questions: [String]
    /// The question being asked: its index, or `questions.count` and beyond for notes after
    /// the last one.
    public var position: Int
    /// The positions of the questions to ask only if there is time.
    public var ifTime: [Int] = []
    /// The notes typed, by position.
    public var notes: [Int: String]
    /// Whether the "time is nearly up" line was said.
    public var warned: Bool
    /// Whether the "time is up" line was said.
    public var overran: Bool

    /// A checklist at its first question.
    public init(interview: String, session: Int, plannedMinutes: Int, startedAt: Date, questions: [String]) {
        self.interview = interview
        self.session = session
        self.plannedMinutes = plannedMinutes
        self.startedAt = startedAt
        self.questions = questions
        self.position = 0
        self.notes = [:]
        self.warned = false
        self.overran = false
    }

    /// Whole minutes since the start, never negative.
    public func elapsedMinutes(at now: Date) -> Int {
        max(0, Int(now.timeIntervalSince(startedAt) / 60))
    }

    /// Seconds since the start, never negative.
    public func elapsedSeconds(at now: Date) -> Int {
        max(0, Int(now.timeIntervalSince(startedAt)))
    }
}
