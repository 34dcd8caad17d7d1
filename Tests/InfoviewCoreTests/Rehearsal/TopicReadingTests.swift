import Testing
@testable import InfoviewCore

@Test("the questions of every bank are read as a topic of their own TIARA category, nearly all of them")
func bankQuestionsFindTheirCategory() throws {
    let library = try TestSupport.library()
    var misses: [String] = []
    var total = 0
    for bank in library.banks {
        for question in bank.questions {
            total += 1
            let category = library.rehearsal.topics(of: question.text, offerOpen: false).first?.category
            if category != question.category {
                misses.append("\(question.category.rawValue) -> \(category?.rawValue ?? "none"): \(question.text)")
            }
        }
    }
    let listed = misses.joined(separator: "\n")
    #expect(Double(misses.count) <= Double(total) * 0.15, "\(misses.count) of \(total) bank questions read in another category:\n\(listed)")
}

@Test("lines a person might say to an insider are read as their topic", arguments: [
    ("How did you end up in this line of work?", "career-path"),
    ("what's a normal week like for u", "day-to-day"),
    ("Which skills count most on your team?", "skills"),
    ("What do new hires usually get wrong?", "gaps"),
    ("What surprised you when you started here?", "surprises"),
    ("What do you love most about the job?", "rewards"),
    ("How is AI affecting your field?", "trends"),
    ("If you were in my shoes, what would you do first?", "advice"),
    ("Are there any podcasts you'd recommend?", "resources"),
    ("Who else do you think I should talk to?", "people"),
    ("What small project could I try this month to test whether I like this?", "assignments"),
    ("What's the culture like on your team?", "culture"),
    ("What's the toughest part of your job?", "challenges"),
    ("Hi Grace, how are you?", "small-talk"),
    ("Thanks so much for your time!", "thanks"),
    ("That's all my questions - I'll let you go.", "goodbye"),
    ("Could you give me an example?", "more"),
])
func topicOfLine(line: String, topic: String) throws {
    #expect(try TestSupport.library().rehearsal.topics(of: line, offerOpen: false).first?.name == topic)
}

@Test("taking up or turning down an offer counts only right after one was raised")
func afterOffer() throws {
    let book = try TestSupport.library().rehearsal
    #expect(book.topics(of: "Yes, I'd love that - what are the next steps?", offerOpen: true).first?.name == "accept")
    #expect(book.topics(of: "Yes, I'd love that - what are the next steps?", offerOpen: false).first?.name != "accept")
    #expect(book.topics(of: "Not right now, but thank you.", offerOpen: true).first?.name == "decline")
    #expect(book.topics(of: "Not right now, but thank you.", offerOpen: false).first?.name == "thanks")
}

@Test("questions are open or closed by their form; other lines have none", arguments: [
    ("Do you enjoy the work?", QuestionForm.closed),
    ("Are you hiring right now?", .closed),
    ("Can people switch teams easily", .closed),
    ("How do you like the work?", .open),
    ("Could you tell me about your first year?", .open),
    ("I'd love to hear how you started.", .open),
    ("Is it mostly remote or in the office?", .open),
])
func formOfLine(line: String, form: QuestionForm) throws {
    #expect(try TestSupport.library().rehearsal.form(of: line) == form)
}

@Test("a plain statement has no question form")
func statementHasNoForm() throws {
    #expect(try TestSupport.library().rehearsal.form(of: "I studied history at university.") == nil)
}

@Test("words about the insider and about the speaker are counted after contractions and variants", arguments: [
    ("What do you enjoy about your work?", 2, 0),
    ("I'm curious how u got started", 1, 1),
    ("My background is in law, and I wonder what ur team values.", 1, 2),
    ("Thanks!", 0, 0),
])
func wordsAbout(line: String, them: Int, me: Int) throws {
    let counted = try TestSupport.library().rehearsal.wordsAbout(line)
    #expect(counted.them == them)
    #expect(counted.me == me)
}

@Test("a rejoinder answers only after the insider said what it follows up")
func rejoinderNeedsWhatWasHeard() throws {
    let book = try TestSupport.library().rehearsal
    let maya = try #require(book.persona(named: "maya"))
    let heard = "And one week in six I'm on the on-call rota myself."
    #expect(book.rejoinder(for: "How does the on-call rota work?", persona: maya, heard: heard)?.name == "on-call")
    #expect(book.rejoinder(for: "How does the on-call rota work?", persona: maya, heard: "Mornings are stand-up.") == nil)
    #expect(book.rejoinder(for: "Tell me more.", persona: maya, heard: heard, anyFollowUp: true)?.name == "on-call")
    let grace = try #require(book.persona(named: "Grace"))
    #expect(book.rejoinder(for: "How does the on-call rota work?", persona: grace, heard: heard) == nil)
}

@Test("personas are found by id, first name or full name, in any case")
func personaByName() throws {
    let book = try TestSupport.library().rehearsal
    #expect(book.persona(named: "maya")?.name == "Maya Okafor")
    #expect(book.persona(named: "MAYA")?.id == "maya")
    #expect(book.persona(named: "Maya Okafor")?.id == "maya")
    #expect(book.persona(named: "Nobody") == nil)
}
