/// The state of the chat between two lines: at home, or inside a flow.
public struct Conversation: Sendable, Equatable {
    /// Where the user is.
    public enum Mode: Sendable, Equatable {
        /// The home prompt: commands and plain sentences.
        case home
        /// Answering the steps of a flow.
        case flow(FlowProgress)
        /// Rehearsing with a scripted insider.
        case rehearsal(RehearsalProgress)
        /// Taking notes during a real meeting.
        case live(LiveProgress)
    }

    /// Where the user is.
    public var mode: Mode
    /// Whether the user has asked to leave.
    public var hasQuit: Bool
    /// Which variant of the "not understood" reply was said last, so the next one differs.
    public var lastFallback: Int?
    /// What the coach said last (for `/why`).
    public var lastFindings: [Finding] = []

    /// A conversation at home.
    public init(mode: Mode = .home, hasQuit: Bool = false) {
        self.mode = mode
        self.hasQuit = hasQuit
    }

    /// The running flow, if any.
    public var flow: FlowProgress? {
        if case .flow(let progress) = mode { return progress }
        return nil
    }

    /// The running rehearsal, if any.
    public var rehearsal: RehearsalProgress? {
        if case .rehearsal(let progress) = mode { return progress }
        return nil
    }

    /// The running live checklist, if any.
    public var live: LiveProgress? {
        if case .live(let progress) = mode { return progress }
        return nil
    }
}
