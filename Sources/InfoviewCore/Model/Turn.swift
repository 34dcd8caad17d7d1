/// What the dialogue engine returns for one line: the reply, the next state and the effects.
public struct Turn: Sendable, Equatable {
    /// What to say.
    public var reply: Reply
    /// The conversation after this line.
    public var state: Conversation
    /// What the caller must do, in order, before taking `state`.
    public var effects: [Effect]

    /// Creates a turn.
    public init(reply: Reply, state: Conversation, effects: [Effect] = []) {
        self.reply = reply
        self.state = state
        self.effects = effects
    }
}
