extension MessageBook {
    /// The placeholders of the messages said while debriefing (`prompts/chat/debrief.messages`).
    static let debriefPlaceholders: [String: Set<String>] = [
        "debrief-again": ["name"], "thanks-clean": [], "thanks-saved": ["name"], "show-note-heading": ["label"], "show-referred-by": ["name"], "debrief-missing": [], "referral-added": ["name", "by"],
        "live-notes-heading": ["name", "count"], "live-notes-line": ["question", "note"], "live-notes-extra": ["note"], "live-notes-hint": [],
        "live-offer": ["notes"], "live-offer-text-hint": [], "live-offer-heading": [], "live-offer-item": ["note"],
        "live-offer-list-hint": [], "live-taken": [], "live-taken-list": ["count"],
        "report-heading": [], "report-progress": ["bar", "done", "min", "max", "left"],
        "report-progress-enough": ["bar", "done", "min", "max", "left"], "report-progress-full": ["bar", "done", "min", "max", "left"],
        "report-no-debriefs": [], "report-topic": ["topic"], "report-shared": ["item", "names", "count"],
        "report-single": ["item", "names"], "report-one-voice": ["item", "names"], "report-gaps-heading": [], "report-gap": ["rank", "bar", "count", "item", "names"],
        "report-tree-heading": [], "report-tree-root": ["name", "stage"], "report-tree-branch": ["branch", "name", "stage"],
        "follow-up-thank-you": ["name"], "follow-up-second-contact": ["name", "organisation"], "follow-up-nudge": ["name"], "follow-up-report-back": ["name", "text"], "follow-ups-due": [],
        "follow-ups-heading": [], "follow-up-line": ["number", "text", "name", "when"], "follow-up-today": [],
        "follow-up-overdue": ["days"], "follow-up-in": ["days"], "follow-ups-done-hint": [], "follow-ups-none": [],
        "follow-ups-which": ["count"], "follow-up-marked": ["text"], "follow-up-report-back-added": ["name"],
        "report-pipeline-heading": [], "report-pipeline-line": ["stage", "count", "names"],
    ]
}
