import Testing
@testable import InfoviewCore

/// A persona with every block it needs: `extra` goes after the persona block.
private func persona(_ head: String = "", extra: String = "") -> String {
    let reactions = Persona.Reaction.allCases.map { "react \($0.rawValue)\n  say: \($0.rawValue) line" }.joined(separator: "\n\n")
    return """
        persona kim
          name: Kim Park
          role: data lead
          organisation: Acme
          field: data
          temperament: calm
          story: Started as an analyst.
          opinion: Plots before models.
          offers: 50
        \(head)
        \(extra)

        answer trends
          say: Everything is moving to the cloud. And we hire a lot.
          short: The cloud.

        rejoinder cloud
          heard: cloud
          when: cloud
          say: We moved last year.
          example: How did the move to the cloud go? << Everything is moving to the cloud.

        offer
          say: Would you like to apply for our analyst role?
          details: It opens in May.

        \(reactions)
        """
}

@Test("a persona file is read into who they are, answers, rejoinders, reactions and offers")
func readsPersona() throws {
    let source = try PersonaParser.parse(persona(), file: "prompts/personas/kim.persona")
    let kim = source.persona
    #expect(kim.id == "kim")
    #expect(kim.firstName == "Kim")
    #expect((kim.role, kim.organisation, kim.field, kim.temperament) == ("data lead", "Acme", "data", "calm"))
    #expect(kim.story == ["Started as an analyst."])
    #expect(kim.opinions == ["Plots before models."])
    #expect(kim.offerChance == 50)
    #expect(kim.answers["trends"]?.warm == ["Everything is moving to the cloud. And we hire a lot."])
    #expect(kim.answers["trends"]?.short == ["The cloud."])
    #expect(kim.rejoinders.map(\.name) == ["cloud"])
    #expect(kim.rejoinders[0].category == .insights)
    #expect(kim.rejoinders[0].examples[0].context == "Everything is moving to the cloud.")
    #expect(source.rejoinders[0].heard.map(\.text) == ["cloud"])
    #expect(kim.offers.map(\.details) == [["It opens in May."]])
    #expect(Set(kim.reactions.keys) == Set(Persona.Reaction.allCases))
    #expect(kim.reactions[.greeting]?.first?.render([:]) == "greeting line")
}

@Test("each mistake in a persona file names its line and what was expected", arguments: [
    (persona().replacingOccurrences(of: "persona kim", with: "persona lee"),
        "prompts/personas/kim.persona:1: 'persona: lee' is not valid (expected the file's name, kim)"),
    ("answer trends\n  say: Hi.\n\n" + persona(),
        "prompts/personas/kim.persona:1: a persona file starts with a 'persona kim' block (expected it before any other)"),
    (persona(extra: "react shrug\n  say: Meh."),
        "prompts/personas/kim.persona:11: 'react: shrug' is not valid (expected greeting, deflect, pitched, thanked, farewell, wrap-up, must-go, again, more, declined)"),
    (persona("  hobby: chess"),
        "prompts/personas/kim.persona:10: unknown key 'hobby' (expected name, role, organisation, field, temperament, story, opinion or offers)"),
    (persona("  offers: 150"), "prompts/personas/kim.persona:10: 'offers: 150' is not valid (expected a percentage from 0 to 100)"),
    (persona(extra: "offer\n  say: Want to apply?"), "prompts/personas/kim.persona:11: offer has no 'details:' line (every offer needs one)"),
    (persona(extra: "rejoinder bare\n  heard: x\n  when: y\n  say: z\n  example: y"),
        "prompts/personas/kim.persona:15: 'example: y' is not valid (expected 'TEXT << WHAT THE INSIDER SAID': a rejoinder answers only after the insider said something it follows)"),
    (persona(extra: "react wrap-up\n  say: {minutes} left"),
        "prompts/personas/kim.persona:12: 'say: {minutes} left' is not valid (expected only {left} here, but found {minutes})"),
])
func personaMistakes(source: String, message: String) {
    #expect {
        _ = try PersonaParser.parse(source, file: "prompts/personas/kim.persona")
    } throws: { error in
        (error as? PromptError)?.description == message
    }
}

@Test("a persona without one of the reactions is refused, naming them all")
func missingReaction() {
    let text = persona().replacingOccurrences(of: "react must-go\n  say: must-go line", with: "")
    #expect {
        _ = try PersonaParser.parse(text, file: "prompts/personas/kim.persona")
    } throws: { error in
        (error as? PromptError)?.description
            == "prompts/personas/kim.persona:1: persona kim has no 'react must-go' block (every persona says something for each of greeting, deflect, pitched, thanked, farewell, wrap-up, must-go, again, more, declined)"
    }
}

@Test("a persona's field must be a question bank, and its answers must be topics that take one")
func compiledAgainstTopicsAndBanks() throws {
    #expect {
        _ = try RehearsalTestSupport.library(with: ["personas/kim.persona": persona().replacingOccurrences(of: "field: data", with: "field: astrology")])
    } throws: { error in
        (error as? PromptError)?.description.hasPrefix("prompts/personas/kim.persona:1: 'field: astrology' is not valid (expected the name of a question bank: ") == true
    }
    #expect {
        _ = try RehearsalTestSupport.library(with: ["personas/kim.persona": persona(extra: "answer thanks\n  say: You are welcome.")])
    } throws: { error in
        (error as? PromptError)?.description.hasPrefix("prompts/personas/kim.persona:11: 'answer: thanks' is not valid (expected a topic that takes an answer: career-path, ") == true
    }
}
