import Foundation

/// Dates counted the way follow-ups are: in business days (Monday to Friday), in one time zone.
public struct BusinessCalendar: Sendable, Equatable {
    /// The calendar the days are counted in (Gregorian, in the user's time zone).
    public var calendar: Calendar

    /// A calendar for a time zone (UTC when none is given, as in tests).
    public init(timeZone: TimeZone = TimeZone(identifier: "UTC")!) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
    }

    /// Whether a moment falls on a Saturday or a Sunday.
    public func isWeekend(_ date: Date) -> Bool {
        let weekday = calendar.component(.weekday, from: date)
        return weekday == 1 || weekday == 7
    }

    /// The moment `days` business days after `date`, at the same time of day: Friday plus one is
    /// Monday, and a start on a weekend counts from the Monday after it.
    public func adding(businessDays days: Int, to date: Date) -> Date {
        var day = date
        while isWeekend(day) { day = calendar.date(byAdding: .day, value: 1, to: day)! }
        var left = days
        while left > 0 {
            day = calendar.date(byAdding: .day, value: 1, to: day)!
            if !isWeekend(day) { left -= 1 }
        }
        return day
    }

    /// How many business days lie after `start` up to and including `end`'s day (0 when `end`
    /// is not later).
    public func businessDays(from start: Date, to end: Date) -> Int {
        var count = 0
        var day = calendar.startOfDay(for: start)
        let last = calendar.startOfDay(for: end)
        while day < last {
            day = calendar.date(byAdding: .day, value: 1, to: day)!
            if !isWeekend(day) { count += 1 }
        }
        return count
    }

    /// The end of the day a moment falls on (23:59:59), when a date without a time is due.
    public func endOfDay(_ date: Date) -> Date {
        calendar.date(byAdding: DateComponents(day: 1, second: -1), to: calendar.startOfDay(for: date))!
    }
}
