/// Where a running flow is: the state a flow engine reads and returns.
public struct FlowProgress: Sendable, Equatable {
    /// The flow's name.
    public var flow: String
    /// The interview the answers belong to; `nil` until its name is known.
    public var interview: String?
    /// The step being asked.
    public var step: String
    /// The steps answered before this one, oldest first, for `back`.
    public var trail: [String]
    /// The answers so far, by field (list items one a line).
    public var answers: [String: String]
    /// The interview's question list, as built so far.
    public var questions: [PlannedQuestion]
    /// What the current step holds between lines (the question list's suggestion, an email).
    public var detail: StepDetail?

    /// Creates a progress value.
    public init(
        flow: String, interview: String?, step: String, trail: [String] = [], answers: [String: String] = [:],
        questions: [PlannedQuestion] = [], detail: StepDetail? = nil
    ) {
        self.flow = flow
        self.interview = interview
        self.step = step
        self.trail = trail
        self.answers = answers
        self.questions = questions
        self.detail = detail
    }
}
