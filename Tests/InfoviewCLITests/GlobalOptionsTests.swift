import Testing

@testable import InfoviewCLI

@Suite("GlobalOptions")
struct GlobalOptionsTests {
    let paths = Paths(environment: ["HOME": "/home/sam"])

    @Test("--db wins over INFOVIEW_DB, which wins over the data folder")
    func databasePath() throws {
        let withFlag = try GlobalOptions.parse(["--db", "/tmp/flag.sqlite"])
        let without = try GlobalOptions.parse([])
        #expect(withFlag.locations.databasePath(environment: ["INFOVIEW_DB": "/tmp/env.sqlite"], paths: paths) == "/tmp/flag.sqlite")
        #expect(without.locations.databasePath(environment: ["INFOVIEW_DB": "/tmp/env.sqlite"], paths: paths) == "/tmp/env.sqlite")
        #expect(without.locations.databasePath(environment: ["INFOVIEW_DB": ""], paths: paths) == paths.databasePath)
        #expect(without.locations.databasePath(environment: [:], paths: paths) == "/home/sam/.local/share/infoview/infoview.sqlite")
    }

    @Test("--prompts wins over INFOVIEW_PROMPTS; neither means the built-in prompts")
    func promptsFolder() throws {
        let withFlag = try GlobalOptions.parse(["--prompts", "/tmp/p"])
        let without = try GlobalOptions.parse([])
        #expect(withFlag.locations.promptsFolder(environment: ["INFOVIEW_PROMPTS": "/tmp/e"]) == "/tmp/p")
        #expect(without.locations.promptsFolder(environment: ["INFOVIEW_PROMPTS": "/tmp/e"]) == "/tmp/e")
        #expect(without.locations.promptsFolder(environment: ["INFOVIEW_PROMPTS": ""]) == nil)
        #expect(without.locations.promptsFolder(environment: [:]) == nil)
    }
}
