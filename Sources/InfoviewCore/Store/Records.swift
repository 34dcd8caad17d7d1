import Foundation
import GRDB

/// An informational interview: the person and where the user is with them.
public struct InterviewRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    /// The table: `interview`.
    public static let databaseTableName = "interview"
    /// The row id; `nil` before insertion.
    public var id: Int64?
    /// The person's name, unique regardless of case.
    public var name: String
    /// Their role or job title.
    public var role: String?
    /// Where they work.
    public var organisation: String?
    /// How the user knows them.
    public var connection: String?
    /// Whether they would be the user's immediate boss in the job the user wants.
    public var isImmediateBoss: Bool?
    /// Where the interview is.
    public var stage: Stage
    /// The interview whose insider suggested this person, if any.
    public var referredBy: Int64?
    /// When it was started.
    public var createdAt: Date
    /// When anything about it last changed.
    public var updatedAt: Date

    /// Keeps the row id SQLite gave the new row.
    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// One answer, committed the moment it is given; a later answer to the same key replaces it.
public struct AnswerRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    /// The table: `answer`.
    public static let databaseTableName = "answer"
    /// The row id; `nil` before insertion.
    public var id: Int64?
    /// The interview it belongs to.
    public var interviewId: Int64
    /// The flow that asked.
    public var flow: String
    /// The step that asked.
    public var step: String
    /// The field it was saved to.
    public var key: String
    /// The answer as given (list items one a line; yes-no answers as `yes` or `no`).
    public var value: String
    /// When it was given.
    public var answeredAt: Date

    /// Keeps the row id SQLite gave the new row.
    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// Where an unfinished flow stopped, so that it resumes there.
public struct FlowProgressRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    /// The table: `flowProgress`.
    public static let databaseTableName = "flowProgress"
    /// The interview (one flow in progress per interview).
    public var interviewId: Int64
    /// The flow's name.
    public var flow: String
    /// The step to ask next.
    public var step: String
    /// The steps answered before it, oldest first, as a JSON array.
    public var trail: String
    /// When it was last recorded.
    public var updatedAt: Date
    /// What the step holds between lines (a `StepDetail` as JSON), if anything.
    public var detail: String?
}

/// A question on an interview's list, at its place.
public struct QuestionRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    /// The table: `question`.
    public static let databaseTableName = "question"
    /// The row id; `nil` before insertion.
    public var id: Int64?
    /// The interview it belongs to.
    public var interviewId: Int64
    /// Its place in the list, from 0.
    public var position: Int
    /// The question as the user will ask it.
    public var text: String
    /// Its TIARA category.
    public var category: TiaraCategory
    /// Where it came from.
    public var origin: PlannedQuestion.Origin

    /// Keeps the row id SQLite gave the new row.
    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// A coach rule the user has muted.
public struct MutedRuleRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    /// The table: `mutedRule`.
    public static let databaseTableName = "mutedRule"
    /// The rule's id, such as `ask-for-job`.
    public var ruleId: String
    /// When it was muted.
    public var mutedAt: Date
}
