import Foundation
import Testing
@testable import InfoviewCLI
@testable import InfoviewCore

/// A database in a new folder under the system's temporary folder.
private func temporaryDatabase() throws -> (folder: URL, path: String) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("infoview-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return (folder, folder.appendingPathComponent("infoview.sqlite").path)
}

@Test("answers typed before the app dies are offered for resuming at the next start")
func resumeAfterRestart() throws {
    let (folder, path) = try temporaryDatabase()
    defer { try? FileManager.default.removeItem(at: folder) }
    let library = try PromptLibrary.load(.builtIn)
    do {
        var host = try AppHost(library: library, storePath: path, seed: 1)
        _ = host.greeting()
        _ = host.handle("/prepare Sam")
        _ = host.handle("Product designer")
        #expect(host.prompt.hasPrefix("prepare"))
    }
    var host = try AppHost(library: library, storePath: path, seed: 1)
    let greeting = host.greeting().plainText
    #expect(greeting.contains("(step: organisation)"))
    #expect(greeting.contains("Product designer"))
    #expect(host.handle("/resume").plainText.contains("Sam"))
    #expect(host.prompt.hasPrefix("prepare"))
}

@Test("Ctrl-C in a flow stops it with the answers kept; at home it says how to leave")
func interrupt() throws {
    let (folder, path) = try temporaryDatabase()
    defer { try? FileManager.default.removeItem(at: folder) }
    var host = try AppHost(library: try PromptLibrary.load(.builtIn), storePath: path, seed: 2)
    _ = host.handle("/prepare Ana")
    #expect(host.interrupt().plainText.contains("/resume"))
    #expect(!host.prompt.hasPrefix("prepare"))
    #expect(host.interrupt().plainText.contains("/quit"))
    #expect(!host.isFinished)
    _ = host.handle("/quit")
    #expect(host.isFinished)
}

@Test("completions offer slash commands, and interview names after /show")
func completions() throws {
    let (folder, path) = try temporaryDatabase()
    defer { try? FileManager.default.removeItem(at: folder) }
    var host = try AppHost(library: try PromptLibrary.load(.builtIn), storePath: path, seed: 3)
    _ = host.handle("/prepare Samira")
    _ = host.handle("stop")
    #expect(host.completions(for: "/pr", in: "/pr") == ["/prepare"])
    #expect(host.completions(for: "/s", in: "/s") == ["/show", "/scorecards"])
    #expect(host.completions(for: "sa", in: "/show sa") == ["Samira"])
    #expect(host.completions(for: "x", in: "/show x").isEmpty)
}

@Test("a file that is not a database is refused by name and left as it was")
func notADatabase() throws {
    let (folder, path) = try temporaryDatabase()
    defer { try? FileManager.default.removeItem(at: folder) }
    let text = Data("my shopping list\n".utf8)
    try text.write(to: URL(fileURLWithPath: path))
    #expect(throws: StoreError.self) {
        _ = try AppHost(library: try PromptLibrary.load(.builtIn), storePath: path, seed: nil)
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == text)
}
