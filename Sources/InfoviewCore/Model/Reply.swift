/// What infoview says back: lines of text, each with a style the terminal may colour.
///
/// The core never decides colours or widths; the terminal layer renders a `Reply` with colour
/// only on a terminal (and never under `NO_COLOR`), wrapped to the terminal's width.
public struct Reply: Sendable, Equatable {
    /// How a line should look on a terminal that shows colour.
    public enum Style: Sendable, Equatable {
        case plain, heading, dim, success, pitch, caution, tip
    }

    /// One line of a reply.
    public struct Line: Sendable, Equatable {
        /// The text, which may come from the user or a file: the terminal layer sanitises it.
        public var text: String
        /// How it should look.
        public var style: Style

        /// Creates a line.
        public init(_ text: String, style: Style = .plain) {
            self.text = text
            self.style = style
        }
    }

    /// The lines, in order.
    public var lines: [Line]

    /// Creates a reply.
    public init(_ lines: [Line] = []) {
        self.lines = lines
    }

    /// A reply of plain lines.
    public init(plain texts: [String]) {
        self.lines = texts.map { Line($0) }
    }

    /// Appends a line.
    public mutating func add(_ text: String, style: Style = .plain) {
        lines.append(Line(text, style: style))
    }

    /// The reply as plain text, one line each.
    public var plainText: String { lines.map(\.text).joined(separator: "\n") }
}
