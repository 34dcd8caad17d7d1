/// Something a turn asks its caller to do, such as saving an answer. The dialogue engine only
/// describes effects; the session applies them to the store.
public enum Effect: Sendable, Equatable {
    /// Make sure an interview with this name exists (the existing one is kept, whatever its case).
    case startInterview(name: String, stage: Stage)
    /// Give an interview another name.
    case renameInterview(from: String, to: String)
    /// Save an answer the moment it is given; a later answer to the same field replaces it.
    case save(interview: String, flow: String, step: String, field: String, value: String)
    /// Record where a flow is, so that an interrupted flow resumes there.
    case progress(interview: String, flow: String, step: String, trail: [String])
    /// The flow ran to its end: nothing is left to resume.
    case finished(interview: String, flow: String)
    /// Move an interview forward to a stage (preparation done: ready to meet); an interview
    /// already at that stage or a later one stays where it is.
    case advanceStage(interview: String, stage: Stage)
    /// Replace an interview's question list with this one, in this order.
    case saveQuestions(interview: String, questions: [PlannedQuestion])
    /// Keep what the current step holds between lines with the flow's place (`nil` clears it).
    case saveDetail(interview: String, detail: StepDetail?)
    /// Someone an insider suggested meeting: a new interview (at its first stage) unless one with
    /// that name exists, recorded as referred by `referredBy` when it has no referrer yet.
    case refer(name: String, referredBy: String)
    /// Something to do after the meeting, due as `due` says from the moment it is saved.
    case followUp(interview: String, kind: FollowUp.Kind, text: String, due: FollowUp.Due)
    /// A follow-up is done (by its id); an assignment done adds reporting back to the insider.
    case completeFollowUp(id: Int64, reportBack: String?)
    /// The person disagrees with a coach rule: it stays silent for them from now on.
    case mute(rule: String)
    /// The rule speaks again.
    case unmute(rule: String)
    /// Something a rehearsal or a live meeting saves.
    case conduct(ConductEffect)
}
