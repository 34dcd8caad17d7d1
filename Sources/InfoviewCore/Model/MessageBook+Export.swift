extension MessageBook {
    /// The placeholders of the Markdown export's messages (`prompts/chat/export.messages`).
    static let exportPlaceholders: [String: Set<String>] = [
        "md-live-heading": [], "md-live-line": ["question", "note"], "md-live-extra": ["note"], "md-debrief-heading": [],
        "md-debrief-field": ["label", "value"], "md-debrief-list": ["label"], "md-debrief-item": ["item"], "md-thanks-heading": ["label"],
        "md-overview-title": [], "md-progress": ["bar", "done", "min", "max", "left"], "md-interviews-heading": [],
        "md-table-columns": [], "md-table-file-column": [], "md-no-interviews": [],
        "md-agreement-heading": [], "md-topic-heading": ["topic"], "md-shared": ["item", "count", "names"],
        "md-single": ["item", "names"], "md-one-voice": ["item", "names"], "md-no-debriefs": [], "md-gaps-heading": [],
        "md-gap": ["rank", "item", "count", "names"], "md-tree-heading": [], "md-tree-line": ["name", "stage"],
        "md-follow-ups-heading": [], "md-follow-up": ["text", "name", "due"], "md-no-follow-ups": [],
    ]
}
