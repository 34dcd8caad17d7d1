import Foundation

/// What a rehearsal or a live meeting asks its caller to save: the transcript line by line, the
/// flags, the state to resume from, the scorecard, the notes typed during a real meeting.
public enum ConductEffect: Sendable, Equatable {
    /// A new rehearsal of an interview, with the persona playing the insider.
    case startRehearsal(interview: String, attempt: Int, persona: String, plannedMinutes: Int)
    /// One line of the transcript: the user's (with what the coach flagged) or the insider's.
    case rehearsalLine(interview: String, attempt: Int, line: RehearsalLine)
    /// The user took back their last line with `/retry`: it and the insider's reply stay in the
    /// transcript, marked as retried.
    case retractLastExchange(interview: String, attempt: Int)
    /// Where the rehearsal is, to resume it.
    case rehearsalState(RehearsalProgress)
    /// The rehearsal ended: its scorecard.
    case finishRehearsal(interview: String, attempt: Int, scorecard: Scorecard)
    /// A live checklist for a real meeting began.
    case startLive(interview: String, session: Int, plannedMinutes: Int, startedAt: Date)
    /// A note typed during the meeting; a later note at the same position replaces it.
    case liveNote(interview: String, session: Int, position: Int, question: String?, note: String, elapsedSeconds: Int)
    /// Where the live checklist is, to resume it.
    case liveState(LiveProgress)
    /// The meeting is over: the notes wait for the debrief.
    case finishLive(interview: String, session: Int)
}

/// One line of a rehearsal's transcript.
public struct RehearsalLine: Sendable, Equatable, Codable {
    /// Who said it.
    public enum Speaker: String, Sendable, Equatable, Codable {
        /// The person rehearsing.
        case user
        /// The persona playing the insider.
        case insider
    }

    /// Who said it.
    public var speaker: Speaker
    /// What was said.
    public var text: String
    /// For the user's line: the topic it was read as.
    public var topic: String?
    /// For the user's line: what the coach flagged.
    public var flags: [RehearsalFlag]
    /// The meeting's minute when it was said.
    public var minute: Int

    /// Creates a line.
    public init(speaker: Speaker, text: String, topic: String? = nil, flags: [RehearsalFlag] = [], minute: Int) {
        self.speaker = speaker
        self.text = text
        self.topic = topic
        self.flags = flags
        self.minute = minute
    }
}
