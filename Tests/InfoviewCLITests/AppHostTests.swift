import InfoviewCore
import Testing

@testable import InfoviewCLI

@Suite("AppHost")
struct AppHostTests {
    func makeHost() throws -> AppHost {
        try AppHost(library: PromptLibrary.load(PromptFiles(files: [], origin: "test")), storePath: ":memory:", seed: 1)
    }

    @Test("/help lists the commands, /quit finishes, other lines are echoed")
    func commands() throws {
        var host = try makeHost()
        #expect(host.handle("/help").plainText.contains("/quit"))
        #expect(host.handle("hi there").plainText == "You said: hi there")
        #expect(!host.isFinished)
        _ = host.handle("/quit")
        #expect(host.isFinished)
    }

    @Test("/h completes to /help; a word that is no command completes to nothing")
    func completions() throws {
        let host = try makeHost()
        #expect(host.completions(for: "/h", in: "/h") == ["/help"])
        #expect(host.completions(for: "/", in: "/") == ["/help", "/quit"])
        #expect(host.completions(for: "x", in: "x").isEmpty)
    }
}
