import Foundation

/// What the store holds, as the dialogue engine sees it: the interviews, their answers and any
/// interrupted flow. The session reads it from the store before each line.
public struct Overview: Sendable, Equatable {
    /// One interview.
    public struct Interview: Sendable, Equatable {
        /// The person's name, as first given.
        public var name: String
        /// Where the interview is.
        public var stage: Stage
        /// The saved answers by field (list items one a line).
        public var answers: [String: String]
        /// The flow left unfinished on this interview, if any (its `answers` are filled in).
        public var interrupted: FlowProgress?
        /// The question list, in order.
        public var questions: [PlannedQuestion]
        /// The name of the interview whose insider suggested this one, if any.
        public var referredBy: String? = nil

        /// Creates an interview snapshot.
        public init(
            name: String, stage: Stage, answers: [String: String] = [:], interrupted: FlowProgress? = nil,
            questions: [PlannedQuestion] = []
        ) {
            self.name = name
            self.stage = stage
            self.answers = answers
            self.interrupted = interrupted
            self.questions = questions
        }
    }

    /// The interviews, oldest first.
    public var interviews: [Interview]
    /// The names of interviews with an interrupted flow, the most recently touched first.
    public var recentlyInterrupted: [String]
    /// The coach rules the person has muted.
    public var mutedRules: Set<String> = []
    /// Every rehearsal, by interview in the order they were started.
    public var rehearsals: [RehearsalSummary] = []
    /// Every live session, by interview in the order they were started.
    public var liveSessions: [LiveSummary] = []
    /// When the most recently interrupted flow was last touched, to tell whether a paused
    /// rehearsal or live checklist is more recent.
    public var flowPausedAt: Date?
    /// The follow-ups not done yet, soonest due first.
    public var followUps: [FollowUp] = []
    /// The moment the overview was read at (the session's clock), to tell what is due; `nil` in
    /// an overview no clock was asked for.
    public var now: Date? = nil
    /// The calendar days are counted in (the user's time zone), with `now`.
    public var calendar = BusinessCalendar()

    /// Creates an overview.
    public init(interviews: [Interview] = [], recentlyInterrupted: [String] = []) {
        self.interviews = interviews
        self.recentlyInterrupted = recentlyInterrupted
    }

    /// The interview with this name, ignoring case.
    public func interview(named name: String) -> Interview? {
        let key = name.lowercased()
        return interviews.first { $0.name.lowercased() == key }
    }
}
