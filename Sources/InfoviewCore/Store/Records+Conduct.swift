import Foundation
import GRDB

/// A rehearsal of an interview with a persona: its state while it runs, its scorecard once over.
public struct RehearsalRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    /// The table: `rehearsal`.
    public static let databaseTableName = "rehearsal"
    /// The row id; `nil` before insertion.
    public var id: Int64?
    /// The interview rehearsed.
    public var interviewId: Int64
    /// 1 for the interview's first rehearsal.
    public var attempt: Int
    /// The persona's id.
    public var persona: String
    /// The planned length in minutes.
    public var plannedMinutes: Int
    /// Where it is, as JSON, while it has not ended.
    public var state: String?
    /// The scorecard, as JSON, once it ended.
    public var scorecard: String?
    /// When it started.
    public var startedAt: Date
    /// When it last changed.
    public var updatedAt: Date
    /// When it ended, if it has.
    public var finishedAt: Date?

    /// Keeps the row id SQLite gave the new row.
    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// One line of a rehearsal's transcript, saved as it is said.
public struct RehearsalLineRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    /// The table: `rehearsalLine`.
    public static let databaseTableName = "rehearsalLine"
    /// The row id; `nil` before insertion.
    public var id: Int64?
    /// The rehearsal it belongs to.
    public var rehearsalId: Int64
    /// 0 for the first line.
    public var position: Int
    /// `user` or `insider`.
    public var speaker: String
    /// What was said.
    public var text: String
    /// For the user's line: the topic it was read as.
    public var topic: String?
    /// For the user's line: the coach's flags, as JSON.
    public var flags: String
    /// The meeting's minute.
    public var minute: Int
    /// Whether the user took the exchange back with `/retry`.
    public var isRetried: Bool
    /// When it was said.
    public var saidAt: Date

    /// Keeps the row id SQLite gave the new row.
    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// A live checklist kept during a real meeting.
public struct LiveSessionRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    /// The table: `liveSession`.
    public static let databaseTableName = "liveSession"
    /// The row id; `nil` before insertion.
    public var id: Int64?
    /// The interview held.
    public var interviewId: Int64
    /// 1 for the interview's first live session.
    public var session: Int
    /// The planned length in minutes.
    public var plannedMinutes: Int
    /// Where it is, as JSON, while it has not ended.
    public var state: String?
    /// When it started.
    public var startedAt: Date
    /// When it last changed.
    public var updatedAt: Date
    /// When it ended, if it has.
    public var finishedAt: Date?

    /// Keeps the row id SQLite gave the new row.
    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// A note typed during a real meeting, for the debrief.
public struct LiveNoteRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    /// The table: `liveNote`.
    public static let databaseTableName = "liveNote"
    /// The row id; `nil` before insertion.
    public var id: Int64?
    /// The live session it belongs to.
    public var liveSessionId: Int64
    /// The question's place in the checklist (past the last question for later notes).
    public var position: Int
    /// The question it is about, if any.
    public var question: String?
    /// The note as typed.
    public var note: String
    /// Seconds into the meeting.
    public var elapsedSeconds: Int
    /// When it was typed.
    public var notedAt: Date

    /// Keeps the row id SQLite gave the new row.
    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
