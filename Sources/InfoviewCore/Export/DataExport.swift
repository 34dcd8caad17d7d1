import Foundation

/// Every interview as data for other tools: JSON, CSV (RFC 4180) and the follow-ups as an
/// iCalendar file (RFC 5545). Pure: the moment of export is passed in.
public struct DataExport: Sendable {
    /// The interviews, answers and follow-ups to write.
    public let overview: Overview

    /// An export of an overview.
    public init(overview: Overview) {
        self.overview = overview
    }

    /// One JSON document: `{"interviews": [{"name", "stage", "referredBy", "answers": {…},
    /// "questions": [{"text", "category"}]}], "followUps": [{"interview", "kind", "text", "due"}]}`.
    public func json() -> String {
        let interviews = overview.interviews.map { interview -> JSONValue in
            .object([
                ("name", .string(interview.name)),
                ("stage", .string(interview.stage.rawValue)),
                ("referredBy", interview.referredBy.map { .string($0) } ?? .null),
                ("answers", .object(interview.answers.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })),
                ("questions", .array(interview.questions.map { .object([("text", .string($0.text)), ("category", .string($0.category.rawValue))]) })),
            ])
        }
        let followUps = overview.followUps.map { followUp -> JSONValue in
            .object([
                ("interview", .string(followUp.interview)), ("kind", .string(followUp.kind.rawValue)),
                ("text", .string(followUp.text)), ("due", .string(Self.iso(followUp.due))),
            ])
        }
        return JSONValue.object([("interviews", .array(interviews)), ("followUps", .array(followUps))]).encoded + "\n"
    }

    /// One row an answer: `name,stage,referred_by,field,value`, with a header; fields holding a
    /// comma, a quote or a line break are quoted, quotes doubled; lines end with CRLF.
    public func csv() -> String {
        var rows = [["name", "stage", "referred_by", "field", "value"]]
        for interview in overview.interviews {
            for (field, value) in interview.answers.sorted(by: { $0.key < $1.key }) {
                rows.append([interview.name, interview.stage.rawValue, interview.referredBy ?? "", field, value])
            }
        }
        return rows.map { $0.map(Self.csvField).joined(separator: ",") + "\r\n" }.joined()
    }

    /// The open follow-ups as calendar events: VERSION and PRODID on the calendar; UID, DTSTAMP,
    /// DTSTART and SUMMARY on each event; text escaped, lines folded at 75 octets, CRLF.
    public func ics(now: Date) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//infoview//follow-ups//EN", "CALSCALE:GREGORIAN"]
        for followUp in overview.followUps {
            lines += [
                "BEGIN:VEVENT",
                "UID:follow-up-\(followUp.id)@infoview",
                "DTSTAMP:\(Self.icsTime(now))",
                "DTSTART:\(Self.icsTime(followUp.due))",
                "SUMMARY:\(Self.icsText(followUp.text))",
                "DESCRIPTION:\(Self.icsText(followUp.interview + " (" + followUp.kind.rawValue + ")"))",
                "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.map { Self.fold($0) + "\r\n" }.joined()
    }
}

extension DataExport {
    static func csvField(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func icsText(_ value: String) -> String {
        var out = ""
        for character in value {
            switch character {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r\n", "\r": out += "\\n"
            default: out.append(character)
            }
        }
        return out
    }

    /// Splits a content line into lines of at most 75 octets, each continuation starting with a
    /// space, never inside a character.
    static func fold(_ line: String) -> String {
        var result = ""
        var current = 0
        for character in line {
            let size = String(character).utf8.count
            if current + size > 75 {
                result += "\r\n "
                current = 1
            }
            result.append(character)
            current += size
        }
        return result
    }

    static func icsTime(_ date: Date) -> String {
        utc(date, "yyyyMMdd'T'HHmmss'Z'")
    }

    static func iso(_ date: Date) -> String {
        utc(date, "yyyy-MM-dd'T'HH:mm:ss'Z'")
    }

    /// A moment in UTC, in a fixed format that no locale changes.
    private static func utc(_ date: Date, _ format: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = format
        return formatter.string(from: date)
    }
}
