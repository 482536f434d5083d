//! Calendar dates without a date library.
//!
//! Complaint deadlines are whole days ("within 12 months", "3 working days"), so a plain
//! proleptic Gregorian date is all the app needs. Writing it here keeps a date crate (and its
//! time-zone tables) out of the download, and keeps every calculation deterministic in tests:
//! "today" is always passed in, never read from a clock inside the domain.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A day in the Gregorian calendar. Ordered, so `a < b` means `a` is earlier.
///
/// Read back from saved answers or a message only through [`Date::new`] (and years 1 to 9999):
/// a damaged or altered draft can then never hold a day that does not exist, which the date
/// arithmetic would not survive. The stored layout is the same as the fields'.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "DateParts")]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// A date's parts exactly as stored, before they are checked.
#[derive(Deserialize)]
struct DateParts {
    year: i32,
    month: u8,
    day: u8,
}

impl TryFrom<DateParts> for Date {
    type Error = &'static str;

    fn try_from(parts: DateParts) -> Result<Date, Self::Error> {
        if !(1..=9999).contains(&parts.year) {
            return Err("a year out of range");
        }
        Date::new(parts.year, parts.month, parts.day).ok_or("a day that does not exist")
    }
}

/// The days of the week, Monday first as in UK calendars.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Weekday {
    /// The first day of the week in UK calendars.
    Monday,
    /// Tuesday.
    Tuesday,
    /// Wednesday.
    Wednesday,
    /// Thursday.
    Thursday,
    /// Friday.
    Friday,
    /// Saturday, not a working day.
    Saturday,
    /// Sunday, not a working day.
    Sunday,
}

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// True in leap years of the Gregorian calendar.
pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// How many days `month` (1 to 12) has in `year`.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// A date, or `None` when the day does not exist (31 April, 29 February 2027, month 13).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month) {
            Some(Date { year, month, day })
        } else {
            None
        }
    }

    /// Parses the ISO form `YYYY-MM-DD`, the only form the data files use.
    pub fn parse_iso(text: &str) -> Option<Date> {
        let mut parts = text.trim().split('-');
        let year = parts.next()?.parse().ok()?;
        let month_text = parts.next()?;
        let day_text = parts.next()?;
        if parts.next().is_some() || month_text.len() != 2 || day_text.len() != 2 {
            return None;
        }
        Date::new(year, month_text.parse().ok()?, day_text.parse().ok()?)
    }

    /// The year (1 to 9999 for any date read back from storage).
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1 (January) to 12 (December).
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month, from 1.
    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (negative before). Howard Hinnant's `days_from_civil` algorithm.
    pub fn to_days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The inverse of [`Date::to_days`].
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// The date `days` later (or earlier, when negative).
    pub fn add_days(self, days: i64) -> Date {
        Date::from_days(self.to_days() + days)
    }

    /// The same day `months` later. When that day does not exist, the last day of that month:
    /// 31 August plus 6 months is 28 (or 29) February, which is how people count "6 months".
    pub fn add_months(self, months: i32) -> Date {
        let zero_based = self.year * 12 + i32::from(self.month) - 1 + months;
        let year = zero_based.div_euclid(12);
        let month = (zero_based.rem_euclid(12) + 1) as u8;
        let day = self.day.min(days_in_month(year, month));
        Date { year, month, day }
    }

    /// The day of the week.
    pub fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday.
        match (self.to_days() + 3).rem_euclid(7) {
            0 => Weekday::Monday,
            1 => Weekday::Tuesday,
            2 => Weekday::Wednesday,
            3 => Weekday::Thursday,
            4 => Weekday::Friday,
            5 => Weekday::Saturday,
            _ => Weekday::Sunday,
        }
    }

    /// True on Saturdays and Sundays, which never count as working days.
    pub fn is_weekend(self) -> bool {
        matches!(self.weekday(), Weekday::Saturday | Weekday::Sunday)
    }

    /// The `count`th working day after `self`, skipping weekends and the given holidays.
    /// `self` itself never counts: a letter received on Monday with "3 working days" to
    /// acknowledge is due by Thursday.
    pub fn add_working_days(self, count: u32, holidays: &[Date]) -> Date {
        let mut date = self;
        let mut left = count;
        while left > 0 {
            date = date.add_days(1);
            if !date.is_weekend() && !holidays.contains(&date) {
                left -= 1;
            }
        }
        date
    }

    /// "3 April 2026": the long UK form used in letters and on screen.
    pub fn long(self) -> String {
        format!(
            "{} {} {}",
            self.day,
            MONTH_NAMES[usize::from(self.month - 1)],
            self.year
        )
    }

    /// "April 2026".
    pub fn month_and_year(self) -> String {
        format!("{} {}", MONTH_NAMES[usize::from(self.month - 1)], self.year)
    }

    /// The English name of a month number (1 to 12), or `None`.
    pub fn month_name(month: u8) -> Option<&'static str> {
        MONTH_NAMES.get(usize::from(month).checked_sub(1)?).copied()
    }
}

impl fmt::Display for Date {
    /// ISO form, `2026-04-03`: what the data files and calendar exports use.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_date_that_cannot_exist_is_refused_not_read() {
        let good = postcard::to_allocvec(&Date::new(2026, 11, 23).unwrap()).unwrap();
        assert_eq!(
            postcard::from_bytes::<Date>(&good),
            Ok(Date::new(2026, 11, 23).unwrap())
        );
        for (year, month, day) in [
            (2026, 0, 23),
            (2026, 13, 1),
            (2026, 2, 30),
            (0, 1, 1),
            (i32::MAX, 1, 1),
        ] {
            let bytes = postcard::to_allocvec(&(year, month, day)).unwrap();
            assert!(
                postcard::from_bytes::<Date>(&bytes).is_err(),
                "{year}-{month}-{day} must be refused"
            );
        }
    }

    fn d(text: &str) -> Date {
        Date::parse_iso(text).unwrap()
    }

    #[test]
    fn round_trips_days_across_four_centuries() {
        let start = d("1900-01-01").to_days();
        for n in start..start + 400 * 366 {
            assert_eq!(Date::from_days(n).to_days(), n);
        }
        assert_eq!(d("1970-01-01").to_days(), 0);
        assert_eq!(d("2000-03-01").to_days(), 11_017);
    }

    #[test]
    fn rejects_days_that_do_not_exist() {
        for bad in [
            "2026-02-29",
            "2026-04-31",
            "2026-13-01",
            "2026-00-10",
            "2026-1-01",
            "x",
        ] {
            assert_eq!(Date::parse_iso(bad), None, "{bad}");
        }
        assert!(Date::parse_iso("2028-02-29").is_some());
        assert!(Date::parse_iso("2000-02-29").is_some());
        assert!(Date::parse_iso("1900-02-29").is_none());
    }

    #[test]
    fn knows_weekdays() {
        assert_eq!(d("2026-11-22").weekday(), Weekday::Sunday);
        assert_eq!(d("2023-07-01").weekday(), Weekday::Saturday);
        assert_eq!(d("2009-04-01").weekday(), Weekday::Wednesday);
    }

    #[test]
    fn adds_months_clamping_to_month_end() {
        let table = [
            ("2026-01-31", 1, "2026-02-28"),
            ("2027-08-31", 6, "2028-02-29"),
            ("2026-11-22", 12, "2027-11-22"),
            ("2026-03-15", -3, "2025-12-15"),
            ("2024-02-29", 12, "2025-02-28"),
        ];
        for (from, months, want) in table {
            assert_eq!(d(from).add_months(months), d(want), "{from} + {months}");
        }
    }

    #[test]
    fn counts_working_days_past_weekends_and_holidays() {
        let holidays = [d("2026-12-25"), d("2026-12-28")];
        let table = [
            ("2026-11-23", 3, "2026-11-26"), // Monday -> Thursday
            ("2026-11-26", 3, "2026-12-01"), // Thursday -> Tuesday
            ("2026-11-21", 1, "2026-11-23"), // Saturday -> Monday
            ("2026-12-23", 3, "2026-12-30"), // over Christmas and the Boxing Day substitute
        ];
        for (from, n, want) in table {
            assert_eq!(
                d(from).add_working_days(n, &holidays),
                d(want),
                "{from} + {n}"
            );
        }
    }

    #[test]
    fn formats_for_people_and_for_files() {
        assert_eq!(d("2026-04-03").long(), "3 April 2026");
        assert_eq!(d("2026-04-03").to_string(), "2026-04-03");
        assert_eq!(d("2026-04-03").month_and_year(), "April 2026");
    }
}
