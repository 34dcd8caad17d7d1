/// A guided conversation read from `prompts/flows/NAME.flow`: steps asked one at a time.
public struct Flow: Sendable, Equatable {
    /// The file's name without `.flow`, such as `prepare`.
    public var name: String
    /// What the user is doing while the flow runs, such as "preparing the interview with {name}".
    public var doing: TextTemplate
    /// The stage an interview is in while this flow runs on it.
    public var stage: Stage
    /// The stage an interview moves to when the flow runs to its end, if it moves.
    public var finishedStage: Stage?
    /// The steps in file order; the first one starts the flow.
    public var steps: [Step]
    /// The channel the coach reads every text and list answer on (`check:`), such as `note` for
    /// a debrief; `nil` when the answers are not checked.
    public var checkChannel: Channel? = nil

    /// The step with this name.
    public func step(named name: String) -> Step? {
        steps.first { $0.name == name }
    }

    /// The step after `name` in file order, where a step without `next:` goes.
    func step(after name: String) -> Step? {
        guard let index = steps.firstIndex(where: { $0.name == name }), index + 1 < steps.count else { return nil }
        return steps[index + 1]
    }

    /// The label shown for each saved field, in step order.
    public var labels: [(field: String, label: String)] {
        steps.compactMap { step in step.save.map { ($0, step.label ?? $0) } }
    }
}

/// One step of a flow: a question, the kind of answer it takes, where the answer goes and what
/// comes next.
public struct Step: Sendable, Equatable {
    /// The kind of answer a step takes.
    public enum Answer: String, Sendable, Equatable, CaseIterable {
        /// Any text.
        case text
        /// Yes or no, in the user's own words.
        case yesNo = "yes-no"
        /// One of the step's choices, by label or number.
        case choice
        /// Several items, one a line, until an empty line or `done`.
        case list
        /// The interview's question list, built in conversation with suggestions from the
        /// field's question bank; every question the user writes is checked by the coach.
        case questions
        /// A number of minutes (Enter takes the default); says which questions fit.
        case minutes
        /// An email assembled from the step's `draft:` lines, checked by the coach, kept,
        /// redone part by part, or replaced by one the user pastes.
        case email
    }


    /// One option of a choice step and the step it leads to.
    public struct Choice: Sendable, Equatable {
        /// What the user types (or its number).
        public var label: String
        /// The step it leads to; `nil` goes on as without a choice.
        public var next: String?
    }

    /// The step's name, unique in its flow.
    public var name: String
    /// Where the step's header is.
    public var location: SourceLocation
    /// The question, in variants; empty for a closing step that only says `done`.
    public var asks: [TextTemplate]
    /// The kind of answer.
    public var answer: Answer
    /// The field the answer is saved to.
    public var save: String?
    /// How the saved field is shown in summaries.
    public var label: String?
    /// The options of a choice step.
    public var choices: [Choice]
    /// The step after this one, when no branch says otherwise.
    public var next: String?
    /// For a yes-no step, where a yes leads.
    public var ifYes: String?
    /// For a yes-no step, where a no leads.
    public var ifNo: String?
    /// Said after any answer, in variants.
    public var says: [TextTemplate]
    /// Coaching said after a yes, in variants.
    public var saysIfYes: [TextTemplate]
    /// Coaching said after a no, in variants.
    public var saysIfNo: [TextTemplate]
    /// Whether `skip` may leave the step unanswered.
    public var isOptional: Bool
    /// Whether the step is passed over when its field already has a value.
    public var skipsIfKnown: Bool
    /// Whether the answer is the same for every interview (the user's own name): a new
    /// interview starts with the latest one given.
    public var isShared: Bool
    /// The closing lines: reaching this step (or answering it) ends the flow with them.
    public var done: [TextTemplate]
    /// The answer Enter gives, shown with the question (text steps).
    public var suggestion: TextTemplate?
    /// The lines of an email step's draft, filled from the answers.
    public var draft: [TextTemplate]
    /// On a question-list step, the field whose words pick the question bank, such as `{field}`.
    public var bankFor: TextTemplate?
    /// On a list step, whether each item names a person to meet next (`refers:`): each becomes a
    /// new interview, referred by this one.
    public var refers: Bool = false
    /// The follow-up this step leaves (`follow-up:`): on a list step, one for each item (an
    /// assignment, due on the date it names); on the closing step, one when the flow ends (a
    /// thank-you).
    public var followUp: FollowUp.Kind? = nil
    /// On an email step, the kinds of finding the coach leaves out (`ignore:`): a thank-you note
    /// asks nothing and need not open with the connection, unlike an outreach email.
    public var ignoredKinds: Set<String> = []
    /// On a text or list step, the TIARA categories whose live notes bear on it (`from-live:`):
    /// the notes typed under questions of those categories are offered as its answer.
    public var fromLive: [TiaraCategory] = []

    /// Whether the step only closes the flow, without a question.
    public var isClosing: Bool { asks.isEmpty }
}
