import Foundation
import Testing
@testable import InfoviewCore

private func shipped(_ path: String) throws -> String {
    try String(contentsOfFile: TestSupport.promptsFolder + "/" + path, encoding: .utf8)
}

/// What `prompts verify` says about the rehearsal after one change to the shipped files.
private func problems(_ path: String, _ change: (String) -> String) throws -> [String] {
    let library = try RehearsalTestSupport.library(with: [path: change(try shipped(path))])
    return RehearsalVerifier.verify(library.rehearsal, against: library.rules).map(\.description)
}

@Test("the shipped personas, topics and forms pass their own checks")
func shippedRehearsalVerifies() throws {
    let library = try TestSupport.library()
    let found = RehearsalVerifier.verify(library.rehearsal, against: library.rules).map(\.description)
    #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    #expect(library.rehearsal.personas.count >= 6)
    #expect(Set(library.rehearsal.personas.map(\.field)).count >= 6, "personas in six different fields")
}

@Test("every persona answers every topic with several variants, and has rejoinders and an offer")
func personasAreComplete() throws {
    let book = try TestSupport.library().rehearsal
    for persona in book.personas {
        for topic in book.topics where topic.needsAnswer {
            #expect((persona.answers[topic.name]?.warm.count ?? 0) >= 3, "\(persona.id) answers \(topic.name) in fewer than 3 ways")
        }
        #expect(persona.rejoinders.count >= 3, "\(persona.id) has fewer than 3 rejoinders")
        #expect(!persona.offers.isEmpty && persona.offerChance > 0, "\(persona.id) never raises an opportunity")
        #expect((persona.reactions[.deflect]?.count ?? 0) >= 2, "\(persona.id) deflects in one way only")
    }
}

@Test("a missing answer, an offer that opens no door, a line that opens one and a rejoinder nobody can ask are all reported")
func reportedProblems() throws {
    let noAnswer = try problems("personas/maya.persona") { text in
        let start = text.range(of: "answer culture\n")!
        let end = text.range(of: "\n\n", range: start.upperBound..<text.endIndex)!
        return String(text[..<start.lowerBound]) + String(text[end.upperBound...])
    }
    #expect(
        noAnswer.contains {
            $0.hasSuffix("persona maya has no 'answer culture' block (every persona answers every topic that takes an answer)")
        })
    let closedDoor = try problems("personas/maya.persona") { text in
        text.replacingOccurrences(
            of: "Actually, we're opening a junior backend role next month - would you be interested in applying?",
            with: "Actually, we have a reading group on Thursdays.")
    }
    #expect(closedDoor.contains { $0.contains("the offer \"Actually, we have a reading group on Thursdays.\" opens none of the coach's doors") })
    let openDoor = try problems("personas/maya.persona") { text in
        text.replacingOccurrences(of: "No problem at all.\n", with: "No problem at all - you should apply for our junior role.\n")
    }
    #expect(openDoor.contains { $0.contains("opens the coach's door role though it offers nothing (react thanked)") })
    let unreachable = try problems("personas/maya.persona") { text in
        text.replacingOccurrences(of: "  heard: code review\n", with: "  heard: quantum computing\n")
    }
    #expect(unreachable.contains { $0.hasSuffix("rejoinder code-review: its 'heard:' matches nothing Maya says, so it can never be asked") })
    #expect(unreachable.contains { $0.contains("rejoinder code-review does not answer its example \"How do you approach code review?\"") })
}

@Test("a topic example read as another topic, or a form example read wrongly, is reported at its line")
func topicExamples() throws {
    let found = try problems("rehearse/talk.topics") { text in
        text.replacingOccurrences(of: "  example: What trends are changing your field right now?\n", with: "  example: What books do you read?\n")
            .replacingOccurrences(of: "  example: Is the work stressful?\n", with: "  example: What is stressful about the work?\n")
    }
    #expect(found.contains { $0.contains("topic trends does not match its example \"What books do you read?\" (topic resources does)") })
    #expect(found.contains { $0.contains("form closed does not match its example \"What is stressful about the work?\"") })
}
