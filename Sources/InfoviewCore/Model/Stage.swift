/// Where an interview is: the three stages of an informational interview, then done.
public enum Stage: String, Sendable, Codable, CaseIterable {
    case prepare, conduct, debrief, done
}
