import Foundation
import Testing
@testable import InfoviewCore

private let clock = """
    clock
      length: 25
      per-question: 3
      per-remark: 1
      wrap-up: 5
      overtime: 2
      cool-for: 2
      offer-window: 2-4
      live-warning: 6
      bank-questions: 4
    """

@Test("a topics file is read into the clock, topics, question forms and word lists")
func readsTopics() throws {
    let text = clock + """


        topic thanks
          reply: thanked
          notice: thanks
          weight: -2
          minutes: 0
          when: thank you
          example: Thank you!

        topic accept
          reply: offer-details
          after-offer: true
          when: yes

        topic trends
          category: trends
          when: trends

        form open
          weight: 1
          when: ^ ~wh

        words about-me
          is: I
          is: me
        """
    let file = try TopicParser.parse(text, file: "prompts/rehearse/t.topics")
    #expect(
        file.clock?.clock
            == RehearsalClock(
                length: 25, perQuestion: 3, perRemark: 1, wrapUp: 5, overtime: 2, coolFor: 2, offerWindow: 2...4, liveWarning: 6,
                bankQuestions: 4))
    let thanks = try #require(file.topics.first?.topic)
    #expect(thanks.reply == .reaction(.thanked))
    #expect(thanks.notice == .thanks)
    #expect((thanks.weight, thanks.minutes, thanks.category) == (-2, 0, nil))
    #expect(thanks.examples.map(\.text) == ["Thank you!"])
    #expect(file.topics[1].topic.reply == .offerDetails)
    #expect(file.topics[1].topic.afterOffer)
    #expect(file.topics[2].topic.category == .trends)
    #expect(file.topics[2].topic.needsAnswer)
    #expect(file.forms.map(\.form) == [.open])
    #expect(file.words["about-me"] == ["i", "me"])
}

@Test("each mistake in a topics file names its line and what was expected", arguments: [
    ("topic trends\n  category: fashion\n  when: x",
        "t.topics:2: 'category: fashion' is not valid (expected trends, insights, advice, resources, assignments)"),
    ("topic hi\n  reply: wave\n  when: x",
        "t.topics:2: 'reply: wave' is not valid (expected answer, offer-details or thanked, farewell, more, declined)"),
    ("topic hi\n  notice: smiles\n  when: x", "t.topics:2: 'notice: smiles' is not valid (expected thanks or people)"),
    ("topic hi\n  say: x", "t.topics:2: unknown key 'say' (expected category, reply, notice, ends, after-offer, minutes, weight, when, unless, example or not)"),
    ("topic hi\n  ends: maybe\n  when: x", "t.topics:2: 'ends: maybe' is not valid (expected true or false)"),
    ("topic Hi There\n  when: x", "t.topics:1: 'topic: Hi There' is not valid (expected a name of lowercase letters, digits and '-')"),
    ("topic hi\n  category: trends", "t.topics:1: topic hi has no 'when:' line (every topic needs one)"),
    ("form maybe\n  when: x", "t.topics:1: 'form: maybe' is not valid (expected open or closed)"),
    ("words about-us\n  is: we", "t.topics:1: 'words: about-us' is not valid (expected about-them or about-me)"),
    ("topics hi", "t.topics:1: unknown block 'topics' (expected a header starting with clock, topic, form or words)"),
    (clock.replacingOccurrences(of: "2-4", with: "4-2"),
        "t.topics:8: 'offer-window: 4-2' is not valid (expected two exchange numbers such as 3-6, the first at least 1)"),
    (clock.replacingOccurrences(of: "length: 25", with: "length: 0"), "t.topics:2: 'length: 0' is not valid (expected a whole number, at least 1)"),
    ("topic hi\n  when: x\n\ntopic hi\n  when: y", "t.topics:4: 'topic hi' is defined twice (first at t.topics:1)"),
])
func topicMistakes(source: String, message: String) {
    #expect {
        _ = try TopicParser.parse(source, file: "t.topics")
    } throws: { error in
        (error as? PromptError)?.description == message
    }
}

@Test("the rehearsal needs a clock and both word lists")
func requiredBlocks() throws {
    let shipped = try String(contentsOfFile: TestSupport.promptsFolder + "/rehearse/talk.topics", encoding: .utf8)
    let clockStart = try #require(shipped.range(of: "\nclock\n"))
    let clockEnd = try #require(shipped.range(of: "\n\n", range: clockStart.upperBound..<shipped.endIndex))
    let withoutClock = String(shipped[..<clockStart.lowerBound]) + String(shipped[clockEnd.lowerBound...])
    #expect {
        _ = try RehearsalTestSupport.library(with: ["rehearse/talk.topics": withoutClock])
    } throws: { error in
        (error as? PromptError)?.description.contains("no 'clock' block in rehearse/*.topics") == true
    }
    let withoutWords = String(shipped[..<(try #require(shipped.range(of: "words about-me"))).lowerBound])
    #expect {
        _ = try RehearsalTestSupport.library(with: ["rehearse/talk.topics": withoutWords])
    } throws: { error in
        (error as? PromptError)?.description.contains("no 'words about-me' block in rehearse/*.topics (the scorecard needs it)") == true
    }
}
