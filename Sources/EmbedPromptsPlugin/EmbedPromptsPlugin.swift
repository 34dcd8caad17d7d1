import Foundation
import PackagePlugin

/// Embeds every file under the package's `prompts/` folder into the target as Swift source,
/// so that a built `infoview` finds its prompts wherever the binary is copied.
@main
struct EmbedPromptsPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let prompts = context.package.directoryURL.appending(path: "prompts")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedPrompts.swift")
        return [
            .buildCommand(
                displayName: "Embedding prompts/ into \(target.name)",
                executable: try context.tool(named: "EmbedPromptsTool").url,
                arguments: [prompts.path, output.path],
                inputFiles: promptFiles(under: prompts),
                outputFiles: [output]
            )
        ]
    }

    private func promptFiles(under folder: URL) -> [URL] {
        let walker = FileManager.default.enumerator(
            at: folder, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles])
        // Folders are inputs too: adding or removing a file changes its folder, which reruns the tool.
        var files: [URL] = [folder]
        while let url = walker?.nextObject() as? URL {
            files.append(url)
        }
        return files.sorted { $0.path < $1.path }
    }
}
