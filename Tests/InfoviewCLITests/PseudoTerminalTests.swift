import Foundation
import Testing

/// The REPL in a real pseudo-terminal, driven by `pty/repl_pty.py` (Python's pexpect).
///
/// Each scenario has its own timeouts inside the script (30 s per expected output) and is
/// killed from here after 120 s, so a hang fails the test instead of stopping the run.
@Suite("infoview in a pseudo-terminal", .serialized)
struct PseudoTerminalTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("pty/repl_pty.py")

    static let scenarios = [
        "ctrl-c-at-prompt", "ctrl-c-discards-text", "ctrl-c-during-prepare", "multi-line-paste", "hangup-leaves",
        "ctrl-d-leaves", "history-persists", "tab-completes", "escapes-never-raw", "unicode-input",
        "colour-on-terminal", "no-colour-with-no-color", "resize", "dumb-terminal", "sigterm-leaves",
        "ctrl-z-suspends", "kill-9-mid-prepare", "rewrite-in-one-keystroke", "live-notes-at-terminal",
        "rehearse-ctrl-c-pauses",
        "resize-mid-flow", "narrow-terminal", "dumb-terminal-flow",
        "email-paste-in-flow", "ctrl-c-every-step", "ctrl-d-in-flow", "ctrl-c-every-debrief-step", "report-pictures",
    ]

    /// The script's environment: no `.pyc` files left in the source tree.
    static var environment: [String: String] {
        ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "PYTHONDONTWRITEBYTECODE": "1"]
    }

    @Test("a scenario at the terminal", arguments: scenarios)
    func scenario(_ name: String) throws {
        let run = try BuiltProgram.run(
            URL(fileURLWithPath: "/usr/bin/env"), ["python3", Self.script.path, try BuiltProgram.infoview().path, name],
            environment: Self.environment, timeout: 120)
        #expect(!run.timedOut, "the scenario did not finish within 120 seconds")
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output == "\(name): ok\n")
    }

    @Test("every scenario in the script is run here")
    func everyScenarioRuns() throws {
        let run = try BuiltProgram.run(
            URL(fileURLWithPath: "/usr/bin/env"), ["python3", Self.script.path, "--list"], environment: Self.environment,
            timeout: 60)
        #expect(run.status == 0, "\(run.errors)")
        let listed = run.output.split(separator: "\n").map(String.init)
        #expect(listed.count == Set(listed).count)
        #expect(Set(listed) == Set(Self.scenarios))
    }
}
