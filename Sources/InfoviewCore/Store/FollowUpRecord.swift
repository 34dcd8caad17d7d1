import Foundation
import GRDB

/// A row of `followUp`: something to do after a conversation, and when.
public struct FollowUpRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    /// The table's name.
    public static let databaseTableName = "followUp"
    /// The row's id.
    public var id: Int64?
    /// The interview it belongs to.
    public var interviewId: Int64
    /// Its kind.
    public var kind: FollowUp.Kind
    /// What to do.
    public var text: String
    /// When it is due.
    public var dueAt: Date
    /// When it was marked done, if it was.
    public var doneAt: Date?
    /// When it was added.
    public var createdAt: Date

    /// Takes the new row's id after an insert.
    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
