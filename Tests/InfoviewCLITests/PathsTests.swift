import Foundation
import Testing

@testable import InfoviewCLI

@Suite("Paths")
struct PathsTests {
    @Test("the XDG variables decide the folders")
    func xdgSet() {
        let paths = Paths(environment: ["HOME": "/home/sam", "XDG_DATA_HOME": "/d", "XDG_STATE_HOME": "/s/"])
        #expect(paths.databasePath == "/d/infoview/infoview.sqlite")
        #expect(paths.historyPath == "/s/infoview/history")
    }

    @Test(
        "without them (or when empty or relative) the folders are under HOME",
        arguments: [
            ["HOME": "/home/sam"],
            ["HOME": "/home/sam/", "XDG_DATA_HOME": "", "XDG_STATE_HOME": ""],
            ["HOME": "/home/sam", "XDG_DATA_HOME": "relative/data", "XDG_STATE_HOME": "state"],
        ])
    func xdgUnset(environment: [String: String]) {
        let paths = Paths(environment: environment)
        #expect(paths.databasePath == "/home/sam/.local/share/infoview/infoview.sqlite")
        #expect(paths.historyPath == "/home/sam/.local/state/infoview/history")
    }

    @Test("without HOME the given home folder stands in")
    func noHome() {
        let paths = Paths(environment: [:], home: "/var/lib/sam")
        #expect(paths.dataDirectory == "/var/lib/sam/.local/share/infoview")
        #expect(paths.stateDirectory == "/var/lib/sam/.local/state/infoview")
    }

    @Test("folders are created with their parents, owner-only")
    func makeDirectory() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("infoview-paths-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("state/infoview").path
        try Paths.makeDirectory(folder)
        try Paths.makeDirectory(folder)  // a second time is fine
        for path in [root.path, root.appendingPathComponent("state").path, folder] {
            let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
            #expect(mode == 0o700, "mode of \(path)")
        }
    }

    @Test("a file in the way is reported by name")
    func fileInTheWay() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("infoview-paths-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try Paths.makeDirectory(root.path)
        let blocker = root.appendingPathComponent("state")
        try Data().write(to: blocker)
        #expect(throws: PathError(path: blocker.path, reason: "it exists and is not a folder")) {
            try Paths.makeDirectory(blocker.appendingPathComponent("infoview").path)
        }
    }
}
