/// A UTC date and time of day worked out by arithmetic on the proleptic Gregorian calendar, as
/// glibc's `gmtime_r` gives it, without its time-zone lock and conversion: that was a quarter
/// of writing a transcript line's time, three or four times per answer. Only years 0-9999,
/// the ones a time stamp writes with four digits.
struct CivilTime: Equatable {
    let year: Int
    let month: Int
    let day: Int
    let hour: Int
    let minute: Int
    let second: Int

    /// The earliest and latest second (from 2001-01-01T00:00:00Z) of years 0-9999.
    private static let covered = -63_145_526_400...252_423_993_599

    /// A time from its parts, as they are.
    init(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        (self.year, self.month, self.day, self.hour, self.minute, self.second) = (year, month, day, hour, minute, second)
    }

    /// The time `secondsSince2001` whole seconds after 2001-01-01T00:00:00Z; `nil` outside
    /// years 0-9999.
    init?(secondsSince2001: Int) {
        guard Self.covered.contains(secondsSince2001) else { return nil }
        // Days from 2000-03-01, a year with the leap day last, so each 400-year era starts
        // on a March 1st (Howard Hinnant's `civil_from_days`).
        let sinceMarch2000 = secondsSince2001 + 306 * 86_400
        var days = sinceMarch2000 / 86_400
        var ofDay = sinceMarch2000 % 86_400
        if ofDay < 0 {
            ofDay += 86_400
            days -= 1
        }
        let era = (days >= 0 ? days : days - 146_096) / 146_097
        let dayOfEra = days - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153  // 0 is March
        month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        year = 2000 + era * 400 + yearOfEra + (month <= 2 ? 1 : 0)
        hour = ofDay / 3_600
        minute = ofDay % 3_600 / 60
        second = ofDay % 60
    }
}
