/// Compact JSON written straight into UTF-8 bytes: what `check --jsonl` answers with, a line at a
/// time, without building intermediate strings.
public struct JSONWriter {
    /// The JSON written so far.
    public private(set) var bytes: [UInt8] = []

    /// An empty writer.
    public init() {
        bytes.reserveCapacity(256)
    }

    /// Empties the writer, keeping its storage.
    public mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
    }

    /// Appends one byte (a line break between answers).
    public mutating func byte(_ byte: UInt8) {
        bytes.append(byte)
    }

    /// The JSON written so far, as text.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Appends JSON syntax or a literal such as `true`, as it is.
    public mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends text that is already JSON (a number as read), as it is.
    public mutating func raw(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// Appends a whole number.
    public mutating func number(_ value: Int) {
        if value < 0 {
            bytes.append(UInt8(ascii: "-"))
        }
        var magnitude = value.magnitude
        var digits: [UInt8] = []
        repeat {
            digits.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        bytes.append(contentsOf: digits.reversed())
    }

    /// Appends a string literal: quotes, backslashes and control characters escaped, and the
    /// C1 controls, U+2028, U+2029 and the bidirectional embeddings, overrides and isolates as
    /// `\uXXXX`, so that no reader of the output (a terminal, JavaScript) sees them raw.
    public mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { append(escaping: $0) }
    }

    private mutating func append(escaping source: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        var runStart = 0
        var index = 0
        while index < source.count {
            // Eight bytes at a time while they are printable ASCII other than `"` and `\`.
            if index + 8 <= source.count,
                !Self.mayNeedEscape(UnsafeRawPointer(source.baseAddress! + index).loadUnaligned(as: UInt64.self))
            {
                index += 8
                continue
            }
            let byte = source[index]
            guard Self.mayNeedEscape(byte) else {
                index += 1
                continue
            }
            let escape: (code: UInt32?, length: Int, short: UInt8?)
            switch byte {
            case UInt8(ascii: "\""): escape = (nil, 1, UInt8(ascii: "\""))
            case UInt8(ascii: "\\"): escape = (nil, 1, UInt8(ascii: "\\"))
            case 0x0A: escape = (nil, 1, UInt8(ascii: "n"))
            case 0x0D: escape = (nil, 1, UInt8(ascii: "r"))
            case 0x09: escape = (nil, 1, UInt8(ascii: "t"))
            case 0x00..<0x20, 0x7F: escape = (UInt32(byte), 1, nil)
            case 0xC2 where index + 1 < source.count && (0x80...0x9F).contains(source[index + 1]):
                escape = (UInt32(source[index + 1]), 2, nil)
            case 0xE2 where index + 2 < source.count && Self.isEscapedAfterE2(source[index + 1], source[index + 2]):
                escape = (0x2000 | UInt32(source[index + 1] & 0x3F) << 6 | UInt32(source[index + 2] & 0x3F), 3, nil)
            default:
                index += 1
                continue
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<index]))
            if let short = escape.short {
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(short)
            } else if let code = escape.code {
                appendUnicodeEscape(code)
            }
            index += escape.length
            runStart = index
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<source.count]))
        bytes.append(UInt8(ascii: "\""))
    }

    /// `\uXXXX` with four hexadecimal digits.
    private mutating func appendUnicodeEscape(_ value: UInt32) {
        let hex = Array("0123456789abcdef".utf8)
        bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u")])
        for shift in stride(from: 12, through: 0, by: -4) { bytes.append(hex[Int(value >> UInt32(shift) & 0xF)]) }
    }

    /// The bytes that start something to escape: controls, `"`, `\`, DEL, and the lead bytes of
    /// the C1 controls (C2) and of U+2028/2029 and the direction controls (E2).
    @inline(__always) private static func mayNeedEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0x7F || byte == 0xC2 || byte == 0xE2
    }

    /// Whether eight bytes may hold one to escape: a byte below 0x20, `"`, `\`, DEL or any
    /// byte of 0x80 and above (which the byte-by-byte path then looks at).
    @inline(__always) private static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
        let below20 = (word &- ones &* 0x20) & ~word & highs != 0
        return below20 || word & highs != 0 || hasZeroByte(word ^ (ones &* 0x22)) || hasZeroByte(word ^ (ones &* 0x5C))
            || hasZeroByte(word ^ (ones &* 0x7F))
    }

    /// Whether E2 followed by these two bytes is U+2028, U+2029, U+202A…U+202E or U+2066…U+2069.
    private static func isEscapedAfterE2(_ second: UInt8, _ third: UInt8) -> Bool {
        (second == 0x80 && (0xA8...0xAE).contains(third)) || (second == 0x81 && (0xA6...0xA9).contains(third))
    }
}
