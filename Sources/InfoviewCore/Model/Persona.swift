/// A scripted insider who plays the person being interviewed in a rehearsal, read from
/// `prompts/personas/NAME.persona`: who they are, how they answer each topic, what they say when
/// pitched, thanked or out of time, and the opportunity they may raise themselves.
public struct Persona: Sendable, Equatable {
    /// The file's name without `.persona`, such as `maya`: what `/rehearse NAME with maya` types.
    public var id: String
    /// Their full name, such as "Maya Okafor".
    public var name: String
    /// Their job title.
    public var role: String
    /// Where they work.
    public var organisation: String
    /// The question bank whose field they work in (`software`, `design` …): interviews in that
    /// field are rehearsed with them.
    public var field: String
    /// How they come across, in a word or two ("busy", "warm").
    public var temperament: String
    /// Their career story, in the order it happened.
    public var story: [String]
    /// What they believe about their field.
    public var opinions: [String]
    /// The chance, in percent, that they raise an opportunity themselves in a rehearsal.
    public var offerChance: Int
    /// Their answers by topic name.
    public var answers: [String: Answer]
    /// What they say on occasions that are not a topic (greeting, pitched, thanked …).
    public var reactions: [Reaction: [TextTemplate]]
    /// Where each `react` block is.
    public var reactionLocations: [Reaction: SourceLocation]
    /// Follow-ups that depend on what they just said, in file order.
    public var rejoinders: [Rejoinder]
    /// The opportunities they may raise, one picked per rehearsal.
    public var offers: [Offer]
    /// Where the `persona` block is.
    public var location: SourceLocation

    /// The first word of their name, as the transcript shows them.
    public var firstName: String {
        String(name.split(separator: " ").first ?? Substring(name))
    }

    /// One topic's answers: warm variants, and the shorter ones said while the insider is cool.
    public struct Answer: Sendable, Equatable {
        /// The usual answers; one is picked, never the same twice in a rehearsal.
        public var warm: [String]
        /// Shorter, cooler answers for after a pitch; when empty, the first sentence of a warm one.
        public var short: [String]
        /// Where the `answer` block is.
        public var location: SourceLocation
    }

    /// A follow-up the insider answers only right after saying something that invites it:
    /// "you mentioned the on-call rota —".
    public struct Rejoinder: Sendable, Equatable {
        /// Its name, unique within the persona.
        public var name: String
        /// The TIARA category a question answered this way counts in.
        public var category: TiaraCategory
        /// What the insider says.
        public var says: [String]
        /// Lines that must be answered with this rejoinder (`TEXT << WHAT THE INSIDER SAID`).
        public var examples: [Rule.Example]
        /// Lines that must not.
        public var counterExamples: [Rule.Example]
        /// Where the `rejoinder` block is.
        public var location: SourceLocation
    }

    /// An opportunity the insider may raise themselves, and what they say when it is taken up.
    public struct Offer: Sendable, Equatable {
        /// Ways of raising it; each opens one of the coach's doors.
        public var says: [String]
        /// What they say when the user takes it up: the details of this opportunity.
        public var details: [String]
        /// Where the `offer` block is.
        public var location: SourceLocation
    }

    /// Occasions on which the insider says something other than an answer.
    public enum Reaction: String, Sendable, CaseIterable, Codable {
        /// The first line of a rehearsal.
        case greeting
        /// A question they have no answer for.
        case deflect
        /// The user pitched for a job: a cooler reply.
        case pitched
        /// The user thanked them.
        case thanked
        /// The last words, when the user says goodbye or thanks them at the end.
        case farewell
        /// Near the planned end: time for a last question (`{left}` minutes left).
        case wrapUp = "wrap-up"
        /// Well past the planned end: they have to leave.
        case mustGo = "must-go"
        /// A topic asked again after every answer was given.
        case again
        /// "Tell me more" with nothing particular to add.
        case more
        /// The user declined the opportunity they raised.
        case declined

        /// The placeholders each reaction may use.
        var placeholders: Set<String> {
            switch self {
            case .greeting: ["minutes"]
            case .wrapUp: ["left"]
            default: []
            }
        }
    }
}
