import Foundation

/// A date written in plain words in a note ("by Friday", "2026-12-04", "next week", "tomorrow",
/// "in 3 days"), read against a moment passed in: nothing here reads the clock.
public enum DueDate: Sendable, Equatable {
    /// A day of the calendar.
    case day(year: Int, month: Int, day: Int)
    /// The next such weekday after today (1 is Sunday … 7 is Saturday, as `Calendar` counts).
    case weekday(Int)
    /// Today plus a number of days.
    case inDays(Int)
    /// The Friday of next week.
    case nextWeek

    /// The date a text mentions, if any: the first that one of the plain forms finds.
    public static func find(in text: String) -> DueDate? {
        let words = text.lowercased().split { !$0.isLetter && !$0.isNumber && $0 != "-" }.map(String.init)
        for (index, word) in words.enumerated() {
            if let date = isoDay(word) { return date }
            if word == "today" { return .inDays(0) }
            if word == "tomorrow" { return .inDays(1) }
            if let weekday = weekdays[word] { return .weekday(weekday) }
            let following = index + 1 < words.count ? words[index + 1] : ""
            if word == "next", following == "week" { return .nextWeek }
            if word == "in", index + 2 < words.count, let count = number(following) {
                switch words[index + 2] {
                case "day", "days": return .inDays(count)
                case "week", "weeks": return .inDays(count * 7)
                default: break
                }
            }
        }
        return nil
    }

    /// The end of the day this date names, seen from `now`.
    public func resolve(from now: Date, in calendar: BusinessCalendar) -> Date? {
        let cal = calendar.calendar
        switch self {
        case .day(let year, let month, let day):
            let components = DateComponents(year: year, month: month, day: day)
            guard let date = cal.date(from: components), cal.component(.day, from: date) == day else { return nil }
            return calendar.endOfDay(date)
        case .inDays(let days):
            return calendar.endOfDay(cal.date(byAdding: .day, value: days, to: now)!)
        case .weekday(let weekday):
            let today = cal.component(.weekday, from: now)
            let ahead = (weekday - today + 7) % 7
            return calendar.endOfDay(cal.date(byAdding: .day, value: ahead == 0 ? 7 : ahead, to: now)!)
        case .nextWeek:
            let today = cal.component(.weekday, from: now)
            let toFriday = (6 - today + 7) % 7
            return calendar.endOfDay(cal.date(byAdding: .day, value: toFriday + 7, to: now)!)
        }
    }
}

private extension DueDate {
    /// Full names, and the short forms that are not also common words ("sat", "sun", "wed" are).
    static let weekdays: [String: Int] = [
        "sunday": 1, "monday": 2, "tuesday": 3, "wednesday": 4, "thursday": 5, "friday": 6, "saturday": 7,
        "mon": 2, "tue": 3, "tues": 3, "thu": 5, "thurs": 5, "fri": 6,
    ]

    static let numbers = ["a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "ten": 10, "fourteen": 14]

    static func number(_ word: String) -> Int? {
        if let value = Int(word), value >= 0, value <= 366 { return value }
        return numbers[word]
    }

    /// `YYYY-MM-DD`.
    static func isoDay(_ word: String) -> DueDate? {
        let parts = word.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        return .day(year: year, month: month, day: day)
    }
}
