extension MessageBook {
    /// The placeholders of the messages a rehearsal, a scorecard and the live checklist say
    /// (`prompts/chat/rehearse.messages`); every one of them must be defined.
    static let conductPlaceholders: [String: Set<String>] = [
        "help-conduct-heading": [], "prompt-rehearse": ["minute", "minutes"], "prompt-rehearse-pick": [],
        "prompt-live": ["elapsed", "minutes"],
        "conduct-no-interviews": ["command"], "conduct-paused": ["doing", "minute", "minutes"], "conduct-which": ["command", "names"], "conduct-unknown": ["name", "nearest", "command"],
        "insider-says": ["name", "text"], "rehearse-doing": ["name"], "rehearse-persona-unknown": ["persona", "names"],
        "rehearse-pick-heading": ["name", "field"],
        "rehearse-pick-line": ["number", "persona", "role", "organisation", "field", "temperament"], "rehearse-pick-unclear": ["names"],
        "rehearse-intro": ["name", "persona", "first", "role", "organisation", "temperament", "story", "minutes"],
        "rehearse-resumed": ["name", "persona", "minute", "minutes"], "rehearse-empty": ["first"], "rehearse-retry-hint": [],
        "rehearse-retry": ["first"], "rehearse-retry-instead": ["instead"], "rehearse-retry-nothing": [], "rehearse-you": ["question"],
        "rehearse-next-source": ["title"], "rehearse-next-list": ["name"], "rehearse-next-none": [], "rehearse-paused": ["name", "minute", "minutes"],
        "rehearse-cancelled": [], "rehearse-not-now": ["command"], "rehearse-no-steps": ["command"],
        "scorecard-heading": ["attempt", "name", "persona"],
        "scorecard-questions": ["count", "trends", "insights", "advice", "resources", "assignments", "other"],
        "scorecard-forms": ["open", "closed"], "scorecard-no-pitches": [], "scorecard-pitches": ["count"],
        "scorecard-pitch": ["quote", "kind", "retried"], "scorecard-retried": [], "scorecard-other-flags": ["count"],
        "scorecard-people": ["answer"], "scorecard-thanked": ["first", "answer"], "scorecard-on-time": ["minutes", "planned"],
        "scorecard-over-time": ["minutes", "planned"], "scorecard-talk": ["first", "percent", "rest", "them", "me"],
        "scorecard-offer-answered": ["first"], "scorecard-offer-over-asked": ["first"], "scorecard-offer-left": ["first"], "scorecard-next": ["name"],
        "scorecard-yes": [], "scorecard-no": [],
        "scorecards-none": ["name"], "show-rehearsals": ["count", "questions", "pitches", "name"], "show-notes-heading": ["count"],
        "show-note": ["note"], "scorecards-heading": ["name"], "scorecards-paused": ["attempt", "persona", "minute"],
        "scorecards-line": [
            "attempt", "persona", "questions", "trends", "insights", "advice", "resources", "assignments", "open", "closed", "pitches",
            "people", "thanked", "minutes", "planned", "percent",
        ],
        "live-doing": ["name"], "live-start": ["name", "count", "minutes"], "live-from-bank": ["title"],
        "live-question": ["number", "count", "elapsed", "minutes", "question", "spare"], "live-if-time": [], "live-last": ["elapsed", "minutes"], "live-noted": [],
        "live-after-last": [], "live-previous-note": ["note"], "live-warning": ["left"], "live-time-up": ["elapsed", "minutes"],
        "live-finished": ["name", "count", "elapsed", "minutes"], "live-finished-empty": ["name", "count", "elapsed", "minutes"],
        "live-paused": ["name"], "live-resumed": ["name"],
    ]
}
