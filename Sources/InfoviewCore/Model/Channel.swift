/// Where a text comes from, which changes how it is read (LABELING.md).
public enum Channel: String, Sendable, CaseIterable, Codable {
    /// A line in the planned question list.
    case question
    /// Something said in the meeting or in a rehearsal.
    case spoken
    /// An outreach, follow-up or thank-you email.
    case email
    /// A debrief note about what happened or what the user plans to do.
    case note

    /// The channel as one bit of a set.
    var bit: UInt8 {
        switch self {
        case .question: return 1
        case .spoken: return 2
        case .email: return 4
        case .note: return 8
        }
    }

    /// The channel a text most likely comes from when nobody said: several lines read as an email.
    public static func guess(for text: String) -> Channel {
        text.containsByte(0x0A) ? .email : .spoken
    }
}

/// How serious a finding is.
public enum Severity: String, Sendable, CaseIterable, Codable, Comparable {
    /// Asking for a job in any form: the mistake the coach exists to catch.
    case pitch
    /// A weak question or habit.
    case caution
    /// A suggestion.
    case tip

    private var rank: Int {
        switch self {
        case .pitch: return 0
        case .caution: return 1
        case .tip: return 2
        }
    }

    /// More serious first.
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
