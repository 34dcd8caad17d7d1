import Foundation
import Testing
@testable import InfoviewCore

private func sample() -> Overview {
    var sam = Overview.Interview(
        name: "Sam Lee", stage: .done,
        answers: ["name": "Sam Lee", "advice": "Say \"no\" often, politely\nand keep notes", "skills": "SQL, Python"])
    sam.referredBy = nil
    var priya = Overview.Interview(name: "Priya, PhD", stage: .prepare, answers: ["name": "Priya, PhD"])
    priya.referredBy = "Sam Lee"
    var overview = Overview(interviews: [sam, priya])
    overview.followUps = [
        FollowUp(id: 3, interview: "Sam Lee", kind: .thankYou, text: "Thank Sam; mention the SQL tip, and the book", due: TestSupport.now),
        FollowUp(
            id: 4, interview: "Sam Lee", kind: .assignment,
            text: "Read “Site Reliability Engineering” chapters one to four and write a one-page summary of what surprised me", due: TestSupport.now),
    ]
    return overview
}

@Test("CSV quotes commas, quotes and line breaks, doubles quotes, and ends lines with CRLF")
func csvQuoting() {
    let csv = DataExport(overview: sample()).csv()
    let expected =
        "name,stage,referred_by,field,value\r\n"
        + "Sam Lee,done,,advice,\"Say \"\"no\"\" often, politely\nand keep notes\"\r\n"
        + "Sam Lee,done,,name,Sam Lee\r\n"
        + "Sam Lee,done,,skills,\"SQL, Python\"\r\n"
        + "\"Priya, PhD\",prepare,Sam Lee,name,\"Priya, PhD\"\r\n"
    #expect(csv == expected)
}

@Test("ICS has RFC 5545's required properties, escapes text, folds long lines at 75 octets, and ends lines with CRLF")
func icsRequiredFields() {
    let ics = DataExport(overview: sample()).ics(now: TestSupport.now)
    #expect(ics.hasSuffix("END:VCALENDAR\r\n"))
    let raw = ics.components(separatedBy: "\r\n").dropLast()
    #expect(raw.allSatisfy { $0.utf8.count <= 75 })
    #expect(!ics.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    // Unfolded: a CRLF followed by a space continues the line before.
    let lines = ics.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n").dropLast()
    #expect(lines.first == "BEGIN:VCALENDAR")
    #expect(lines.contains("VERSION:2.0"))
    #expect(lines.contains { $0.hasPrefix("PRODID:") })
    let events = lines.split(separator: "BEGIN:VEVENT").dropFirst()
    #expect(events.count == 2)
    for event in events {
        for property in ["UID:", "DTSTAMP:", "DTSTART:", "SUMMARY:"] {
            #expect(event.filter { $0.hasPrefix(property) }.count == 1, "\(property) once in each event")
        }
        #expect(event.contains("DTSTAMP:20250106T090000Z"))
    }
    #expect(Set(lines.filter { $0.hasPrefix("UID:") }).count == 2)
    #expect(lines.contains("SUMMARY:Thank Sam\\; mention the SQL tip\\, and the book"))
    #expect(lines.contains("SUMMARY:Read “Site Reliability Engineering” chapters one to four and write a one-page summary of what surprised me"))
}

@Test("JSON holds every interview with its referrer and answers, and the follow-ups with their due time")
func jsonExport() throws {
    let text = DataExport(overview: sample()).json()
    let value = try JSONValue.parse(Array(text.utf8))
    guard case .array(let interviews)? = value["interviews"], case .array(let followUps)? = value["followUps"] else {
        Issue.record("expected interviews and followUps arrays in \(text)")
        return
    }
    #expect(interviews.count == 2)
    #expect(interviews[1]["referredBy"]?.string == "Sam Lee")
    #expect(interviews[0]["answers"]?["advice"]?.string == "Say \"no\" often, politely\nand keep notes")
    #expect(followUps[0]["due"]?.string == "2025-01-06T09:00:00Z")
}
