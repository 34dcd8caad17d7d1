import Foundation

// Writes a Swift file holding the text of every file below a folder, in path order:
//   EmbedPromptsTool PROMPTS_DIR OUTPUT.swift
let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: EmbedPromptsTool PROMPTS_DIR OUTPUT.swift\n".utf8))
    exit(2)
}
let root = URL(fileURLWithPath: arguments[1]).standardizedFileURL
let output = URL(fileURLWithPath: arguments[2])

var entries: [(path: String, text: String)] = []
if let walker = FileManager.default.enumerator(
    at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
{
    while let url = walker.nextObject() as? URL {
        guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
        let relative = String(url.standardizedFileURL.path.dropFirst(root.path.count + 1))
        guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else {
            FileHandle.standardError.write(Data("prompts/\(relative): not readable as UTF-8 text\n".utf8))
            exit(1)
        }
        entries.append((relative, text))
    }
}
entries.sort { $0.path < $1.path }

/// A raw string delimiter longer than any run of `#` in the text, so no text can end the literal.
func delimiter(for text: String) -> String {
    var longest = 0
    var run = 0
    for character in text.unicodeScalars {
        run = character == "#" ? run + 1 : 0
        longest = max(longest, run)
    }
    return String(repeating: "#", count: longest + 1)
}

var source = "// Generated at build time from prompts/. Do not edit.\n\n"
source += "enum EmbeddedPrompts {\n"
source += "    static let files: [(path: String, text: String)] = [\n"
for entry in entries {
    let hashes = delimiter(for: entry.text)
    let body = entry.text.replacingOccurrences(of: "\r\n", with: "\n")
    source += "        (\(hashes)\"\(entry.path)\"\(hashes), \(hashes)\"\"\"\n\(body)\n\"\"\"\(hashes)),\n"
}
source += "    ]\n}\n"

do {
    let existing = try? String(contentsOf: output, encoding: .utf8)
    if existing != source {
        try source.write(to: output, atomically: true, encoding: .utf8)
    }
} catch {
    FileHandle.standardError.write(Data("cannot write \(output.path): \(error)\n".utf8))
    exit(1)
}
