import Foundation
import Testing

/// `infoview rehearse NAME` and `infoview live NAME` through a pipe, on a database prepared first.
@Suite("infoview rehearse and live")
struct ConductCommandTests {
    /// A sandbox with one interview, Sam, whose role says the field.
    func sandbox(role: String = "Software engineer") throws -> Sandbox {
        let sandbox = try Sandbox()
        let run = try sandbox.run(Array("/prepare Sam\n\(role)\nstop\n".utf8), arguments: ["--seed", "1"])
        #expect(run.status == 0)
        return sandbox
    }

    @Test("a rehearsal from the command line: the persona for the field, the coach, the scorecard; the same seed replays it")
    func rehearse() throws {
        let lines = "How did you get into engineering?\nCould you refer me to your hiring manager?\n/retry\nWho else should I talk to?\nThanks, bye!\nnot read\n"
        var outputs: [String] = []
        for _ in 0..<2 {
            let sandbox = try sandbox()
            defer { sandbox.remove() }
            let run = try sandbox.run(Array(lines.utf8), arguments: ["rehearse", "Sam", "--seed", "5"])
            #expect(run.status == 0)
            #expect(run.errors == "")
            outputs.append(run.output)
        }
        let output = outputs[0]
        #expect(output.hasPrefix("Rehearsal for your conversation with Sam. Maya Okafor, engineering manager"))
        #expect(output.contains("\npitch: "))
        #expect(output.contains("\nTaken back: Maya never heard it."))
        #expect(output.contains("\nScorecard, rehearsal 1 for Sam (with Maya Okafor):\n"))
        #expect(output.contains("(ask-referral), taken back with /retry"))
        #expect(!output.contains("Bye! Everything is saved."), "the rehearsal's end ends the command")
        #expect(outputs[0] == outputs[1])
    }

    @Test("--with picks the persona; a rehearsal cut short by the end of input carries on next time")
    func rehearseWithAndResume() throws {
        let sandbox = try sandbox()
        defer { sandbox.remove() }
        let first = try sandbox.run(Array("What does your week look like?\n".utf8), arguments: ["rehearse", "Sam", "--with", "grace", "--seed", "2"])
        #expect(first.status == 0)
        #expect(first.output.hasPrefix("Rehearsal for your conversation with Sam. Grace Mensah"))
        #expect(first.output.hasSuffix("Bye! Everything is saved. Type /resume next time to carry on rehearsing your conversation with Sam.\n"))
        let second = try sandbox.run(Array("Bye!\n".utf8), arguments: ["rehearse", "Sam"])
        #expect(second.output.hasPrefix("Back to your rehearsal for Sam with Grace Mensah, at minute 2 of 20."))
        #expect(second.output.contains("Scorecard, rehearsal 1 for Sam (with Grace Mensah):"))
        let list = try sandbox.run(Array("/scorecards Sam\n".utf8))
        #expect(list.output.contains("1. with Grace Mensah: 1 questions"))
    }

    @Test("no such interview, or none named: a clear message and a failing exit status")
    func refusals() throws {
        let sandbox = try sandbox()
        defer { sandbox.remove() }
        let unknown = try sandbox.run([], arguments: ["rehearse", "Nobody"])
        #expect(unknown.status == 1)
        #expect(unknown.output == "There's no interview with Nobody. Type /prepare Nobody to start one, or /rehearse with a name from /list.\n")
        let unnamed = try sandbox.run([], arguments: ["live"])
        #expect(unnamed.status == 64)
        #expect(unnamed.errors.contains("Missing expected argument '<name> ...'"))
    }

    @Test("live notes from the command line are saved as typed and wait for the debrief")
    func live() throws {
        let sandbox = try sandbox(role: "Teacher")
        defer { sandbox.remove() }
        let run = try sandbox.run(Array("Whole-class feedback\n\nCalm and routines\n/stop\n".utf8), arguments: ["live", "Sam"])
        #expect(run.status == 0)
        let lines = run.output.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("Live notes for your conversation with Sam: 5 questions, 20 minutes.") == true)
        #expect(lines.filter { $0.hasPrefix("1/5 · ") || $0.hasPrefix("2/5 · ") || $0.hasPrefix("3/5 · ") || $0.hasPrefix("4/5 · ") }.count == 4)
        #expect(lines.last?.hasPrefix("Done: 2 notes saved from your conversation with Sam") == true)
        let list = try sandbox.run([], arguments: ["list"])
        #expect(list.output.contains("- Sam, Teacher: to debrief"))
    }
}
