import Foundation
import Testing
@testable import InfoviewCore

private let utc = BusinessCalendar()

/// `YYYY-MM-DD HH:MM:SS` at UTC, to read and write moments in the tests.
private func moment(_ text: String) -> Date {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
    return formatter.date(from: text)!
}

private func shown(_ date: Date?) -> String {
    guard let date else { return "none" }
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyy-MM-dd HH:mm:ss EEE"
    return formatter.string(from: date)
}

@Test("business days skip weekends, across month, year and leap-day ends", arguments: [
    ("2025-01-06 09:00:00", 0, "2025-01-06 09:00:00 Mon"),
    ("2025-01-06 09:00:00", 3, "2025-01-09 09:00:00 Thu"),
    ("2025-01-08 17:30:00", 3, "2025-01-13 17:30:00 Mon"),
    ("2025-01-31 10:00:00", 1, "2025-02-03 10:00:00 Mon"),
    ("2025-01-31 10:00:00", 3, "2025-02-05 10:00:00 Wed"),
    ("2025-01-31 10:00:00", 7, "2025-02-11 10:00:00 Tue"),
    ("2025-11-29 12:00:00", 1, "2025-12-02 12:00:00 Tue"),
    ("2025-11-30 12:00:00", 0, "2025-12-01 12:00:00 Mon"),
    ("2024-02-28 08:00:00", 2, "2024-03-01 08:00:00 Fri"),
    ("2024-02-29 08:00:00", 2, "2024-03-04 08:00:00 Mon"),
    ("2025-12-31 15:00:00", 3, "2026-01-05 15:00:00 Mon"),
])
func businessDays(start: String, days: Int, expected: String) {
    #expect(shown(utc.adding(businessDays: days, to: moment(start))) == expected)
}

@Test("counting business days between two moments leaves out weekends")
func counting() {
    #expect(utc.businessDays(from: moment("2025-01-31 10:00:00"), to: moment("2025-02-03 08:00:00")) == 1)
    #expect(utc.businessDays(from: moment("2025-01-31 10:00:00"), to: moment("2025-02-11 10:00:00")) == 7)
    #expect(utc.businessDays(from: moment("2025-02-11 10:00:00"), to: moment("2025-01-31 10:00:00")) == 0)
    #expect(utc.businessDays(from: moment("2025-02-01 10:00:00"), to: moment("2025-02-02 10:00:00")) == 0)
}

@Test("dates written in plain words, read from Monday 6 January 2025", arguments: [
    ("read the SRE book by Friday", "2025-01-10 23:59:59 Fri"),
    ("send it by monday", "2025-01-13 23:59:59 Mon"),
    ("finish the SQL course 2026-12-04", "2026-12-04 23:59:59 Fri"),
    ("look at the job board next week", "2025-01-17 23:59:59 Fri"),
    ("email Priya tomorrow", "2025-01-07 23:59:59 Tue"),
    ("try the tutorial today", "2025-01-06 23:59:59 Mon"),
    ("write up notes in 3 days", "2025-01-09 23:59:59 Thu"),
    ("build a small project in two weeks", "2025-01-20 23:59:59 Mon"),
    ("call on 2025-02-30", "none"),
    ("read the book she mentioned", "none"),
])
func plainDates(text: String, expected: String) {
    let due = DueDate.find(in: text)?.resolve(from: TestSupport.now, in: utc)
    #expect(shown(due) == expected)
}

@Test("a date is counted in the user's time zone: the end of Friday in Los Angeles is Saturday morning in UTC")
func timeZones() throws {
    let losAngeles = BusinessCalendar(timeZone: try #require(TimeZone(identifier: "America/Los_Angeles")))
    let due = DueDate.find(in: "by Friday")?.resolve(from: TestSupport.now, in: losAngeles)
    #expect(shown(due) == "2025-01-11 07:59:59 Sat")
    // Friday 23:30 in Los Angeles is already Saturday in UTC: one business day on is Monday there.
    let lateFriday = moment("2025-01-11 07:30:00")
    #expect(shown(losAngeles.adding(businessDays: 1, to: lateFriday)) == "2025-01-14 07:30:00 Tue")
    #expect(shown(losAngeles.adding(businessDays: 0, to: lateFriday)) == "2025-01-11 07:30:00 Sat")
    #expect(shown(utc.adding(businessDays: 0, to: lateFriday)) == "2025-01-13 07:30:00 Mon")
}
