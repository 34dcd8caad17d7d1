// The libFuzzer entry point for infoview's parsers and coach, built by `fuzz.sh`: it is compiled
// into one module with the sources of InfoviewCore (all but Store/), the generated
// EmbeddedPrompts.swift and InfoviewCLI's TerminalText.swift, with `-sanitize=fuzzer,address`.
// The environment variable FUZZ_TARGET chooses what each input goes to:
//
//   prompts     a prompt file of one kind (first byte): flow, messages, rules, or a replacement
//               for one shipped file in the whole library
//   patterns    one `when:` pattern in a rule, compiled with the shipped concepts, then run
//               against fixed sentences and its own text
//   normaliser  text through the tokenizer and the normaliser of the shipped rules
//   matcher     text (and maybe the insider's line before it) through the shipped coach, line by
//               line and as a document, on a channel chosen by the first byte
//   terminal    text through TerminalText.sanitize and wrap
//
// Besides "no crash" (and libFuzzer's -timeout for "no hang"), each target checks a property and
// traps when it does not hold, so libFuzzer keeps the input: a mistake's line is within the text,
// offsets are within the text and ordered, sanitized text holds no control character.

import Glibc

enum Fixture {
    static let files = PromptFiles.builtIn
    static let ruleFiles: [(name: String, text: String)] =
        files.files.filter { $0.path.hasSuffix(".rules") }.map { (name: $0.displayName, text: $0.text) }
    /// The files that define concepts and replacements, which patterns refer to.
    static let vocabulary = ruleFiles.filter { $0.name.hasSuffix("/concepts.rules") || $0.name.hasSuffix("/words.rules") }
    static let book: RuleBook = {
        do { return try RuleBook.compile(ruleFiles) } catch { fatalError("the shipped rules do not compile: \(error)") }
    }()
    static let sentences = [
        "Are you hiring right now?", "Could you refer me to your manager?",
        "What does a normal week look like for you?", "I'd love to send you my CV, I'm a great fit.",
        "She offered to pass my résumé on. I asked what the team looks for.",
    ]
}

/// Traps (so libFuzzer saves the input) when a property does not hold.
func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() { fatalError(message()) }
}

/// Lines as the prompt parsers count them.
func lineCount(_ text: String) -> Int {
    text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).count
}

func fuzzPrompts(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let kind = bytes.first else { return }
    let text = String(decoding: bytes.dropFirst(), as: UTF8.self)
    let lines = lineCount(text)
    func checkLine(_ error: PromptError, in file: String) {
        guard error.location.file == file else { return }
        require(error.location.line >= 0 && error.location.line <= lines + 1, "\(error) is past the \(lines) lines")
    }
    switch kind % 4 {
    case 0:
        do { _ = try FlowParser.parse(text, file: "fuzz.flow") } catch { checkLine(error, in: "fuzz.flow") }
    case 1:
        do { _ = try MessageParser.parse([(text: text, file: "fuzz.messages")]) } catch { checkLine(error, in: "fuzz.messages") }
    case 2:
        // Compiled one pattern at a time and with its patterns parsed on other threads: the same
        // outcome, down to the message of the first mistake.
        let files = Fixture.vocabulary + [(name: "fuzz.rules", text: text)]
        var alone: String?
        do { _ = try RuleBook.compile(files) } catch {
            checkLine(error, in: "fuzz.rules")
            alone = error.description
        }
        var shared: String?
        do { _ = try RuleBook.compile(files, workers: 3) } catch { shared = error.description }
        require(alone == shared, "compiled alone: \(alone ?? "no mistake"); with patterns parsed ahead: \(shared ?? "no mistake")")
    default:
        var files = Fixture.files.files
        guard !files.isEmpty else { return }
        let index = Int(kind / 4) % files.count
        files[index].text = text
        let name = files[index].displayName
        do { _ = try PromptLibrary.load(PromptFiles(files: files, origin: "fuzz")) } catch { checkLine(error, in: name) }
    }
}

func fuzzPatterns(_ bytes: UnsafeBufferPointer<UInt8>) {
    let pattern = String(String(decoding: bytes, as: UTF8.self).map { $0.isNewline ? " " : $0 })
    let text = "rule fuzz/pattern\n  severity: pitch\n  kind: ask-job\n  when: \(pattern)\n  why: w\n  instead: i\n"
    let book: RuleBook
    do {
        book = try RuleBook.compile(Fixture.vocabulary + [(name: "fuzz.rules", text: text)])
    } catch {
        require(error.location.file != "fuzz.rules" || error.location.line == 4, "\(error) is not at the when: line")
        return
    }
    var coach = Coach(book: book)
    for sentence in Fixture.sentences + [pattern] {
        checkFindings(coach.check(sentence, channel: .spoken), in: sentence)
    }
}

func fuzzNormaliser(_ bytes: UnsafeBufferPointer<UInt8>) {
    let text = String(decoding: bytes, as: UTF8.self)
    let scalars = Int32(text.unicodeScalars.count)
    var last: Int32 = 0
    for token in Fixture.book.normaliser.tokens(of: text) {
        require(token.start >= 0 && token.start <= token.end && token.end <= scalars, "token \(token) outside 0..<\(scalars)")
        require(token.start >= last || token.isBreak, "token \(token) starts before the previous one ended at \(last)")
        if !token.isBreak { last = token.start }
    }
    _ = Fixture.book.normaliser.words(of: text)
}

func fuzzMatcher(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let first = bytes.first else { return }
    var text = String(decoding: bytes.dropFirst(), as: UTF8.self)
    var context: String?
    if first & 4 != 0, let newline = text.firstIndex(of: "\n") {
        context = String(text[..<newline])
        text = String(text[text.index(after: newline)...])
    }
    let channel = Channel.allCases[Int(first) % Channel.allCases.count]
    var coach = Coach(book: Fixture.book)
    checkFindings(coach.check(text, context: context, channel: channel), in: text)
    checkFindings(coach.checkDocument(text, context: context, channel: channel), in: text)
}

func checkFindings(_ findings: [Finding], in text: String) {
    let scalars = text.unicodeScalars.count
    for finding in findings {
        require(0 <= finding.start && finding.start <= finding.end && finding.end <= scalars, "\(finding.rule) at \(finding.start)..<\(finding.end) of \(scalars)")
    }
}

func fuzzTerminal(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let first = bytes.first else { return }
    let text = String(decoding: bytes.dropFirst(), as: UTF8.self)
    let clean = TerminalText.sanitize(text)
    for scalar in clean.unicodeScalars {
        switch scalar.value {
        case 0x09: continue
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069:
            fatalError("sanitize left U+\(String(scalar.value, radix: 16)) raw")
        default: continue
        }
    }
    for line in clean.split(separator: "\n", omittingEmptySubsequences: false) {
        _ = TerminalText.wrap(String(line), width: Int(first % 100) + 1)
    }
}

/// The target named by FUZZ_TARGET.
let chosenTarget: (UnsafeBufferPointer<UInt8>) -> Void = {
    let targets: [String: (UnsafeBufferPointer<UInt8>) -> Void] = [
        "prompts": fuzzPrompts, "patterns": fuzzPatterns, "normaliser": fuzzNormaliser, "matcher": fuzzMatcher,
        "terminal": fuzzTerminal,
    ]
    let name = getenv("FUZZ_TARGET").map { String(cString: $0) } ?? ""
    guard let target = targets[name] else {
        fatalError("set FUZZ_TARGET to one of \(targets.keys.sorted().joined(separator: ", ")) (it is '\(name)')")
    }
    return target
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    chosenTarget(UnsafeBufferPointer(start: data, count: size))
    return 0
}
