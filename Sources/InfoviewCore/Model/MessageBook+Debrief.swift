extension MessageBook {
    /// The placeholders of the messages said while debriefing (`prompts/chat/debrief.messages`).
    static let debriefPlaceholders: [String: Set<String>] = [
        "debrief-again": ["name"], "debrief-missing": [], "referral-added": ["name", "by"],
    ]
}
