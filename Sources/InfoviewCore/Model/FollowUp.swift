import Foundation

/// Something to do after a conversation, with a date: a thank-you note, an assignment the insider
/// suggested, reporting back once it is done.
public struct FollowUp: Sendable, Equatable {
    /// What kind of follow-up it is.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// Thank the insider within a day of the meeting.
        case thankYou = "thank-you"
        /// Do what was agreed in the meeting.
        case assignment
        /// Tell the insider how their advice worked out, once the assignment is done.
        case reportBack = "report-back"
        /// No reply to the outreach email after 3 business days: think of a second contact at
        /// that organisation.
        case secondContact = "second-contact"
        /// No reply after 7 business days: a polite follow-up email.
        case nudge
    }

    /// When a follow-up falls due, counted from the moment it is saved.
    public enum Due: Sendable, Equatable {
        /// A number of hours later (a thank-you: 24).
        case hours(Int)
        /// A number of business days later.
        case businessDays(Int)
        /// The date written in the text, else a number of business days later.
        case written(DueDate?, otherwise: Int)
    }

    /// The row's id, which `/done` refers to through the list's numbers.
    public var id: Int64
    /// The interview it belongs to.
    public var interview: String
    /// Its kind.
    public var kind: Kind
    /// What to do, as the user wrote it (for an assignment) or as the prompts say it.
    public var text: String
    /// When it is due.
    public var due: Date

    /// Creates a follow-up.
    public init(id: Int64, interview: String, kind: Kind, text: String, due: Date) {
        (self.id, self.interview, self.kind, self.text, self.due) = (id, interview, kind, text, due)
    }
}

extension FollowUp.Due {
    /// The moment this falls due, from `now`.
    public func resolve(from now: Date, in calendar: BusinessCalendar) -> Date {
        switch self {
        case .hours(let hours): return now.addingTimeInterval(TimeInterval(hours * 3600))
        case .businessDays(let days): return calendar.adding(businessDays: days, to: now)
        case .written(let date, let otherwise):
            return date?.resolve(from: now, in: calendar) ?? calendar.adding(businessDays: otherwise, to: now)
        }
    }
}
