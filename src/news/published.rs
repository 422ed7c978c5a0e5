//! When a page was published.
//!
//! Scrapers file pages under their date (`2025/12/02/…`, `…/2025-12-02-…`);
//! that date wins over the file's modification time, which changes with
//! every copy or checkout. A date-only path puts the page at 12:00 UTC that
//! day, so that briefs of up to twelve hours old stay on the page's day.

use std::sync::LazyLock;

use regex::Regex;
use time::{Date, Month, OffsetDateTime, Time};

static PATH_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[/\\_.-])(?P<y>(?:19|20)\d\d)(?:[/\\-](?P<m>\d\d)[/\\-]|(?P<m2>\d\d))(?P<d>\d\d)(?:$|[/\\_.-])")
        .expect("path date regex is valid")
});

/// The date a path names, as `YYYY/MM/DD/` folders or `YYYY-MM-DD` or
/// `YYYYMMDD` in a name. The last valid date in the path wins.
pub fn date_in_path(path: &str) -> Option<Date> {
    let mut found = None;
    let mut from = 0;
    while let Some(caps) = PATH_DATE.captures_at(path, from) {
        let whole = caps.get(0).expect("group 0 always matches");
        let month = caps.name("m").or_else(|| caps.name("m2")).map(|m| m.as_str());
        if let Some(date) = valid_date(&caps["y"], month.unwrap_or(""), &caps["d"]) {
            found = Some(date);
        }
        from = whole.start() + 1;
    }
    found
}

fn valid_date(y: &str, m: &str, d: &str) -> Option<Date> {
    let month = Month::try_from(m.parse::<u8>().ok()?).ok()?;
    Date::from_calendar_date(y.parse().ok()?, month, d.parse().ok()?).ok()
}

/// The page's time: the date in its path at noon UTC, else the file's
/// modification time (nanoseconds since the epoch).
pub fn page_time(rel_path: &str, mtime_ns: i64) -> OffsetDateTime {
    match date_in_path(rel_path) {
        Some(date) => {
            date.with_time(Time::from_hms(12, 0, 0).expect("noon is a valid time")).assume_utc()
        }
        None => OffsetDateTime::from_unix_timestamp_nanos(i128::from(mtime_ns))
            .unwrap_or(OffsetDateTime::UNIX_EPOCH),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    #[test]
    fn folder_dates() {
        assert_eq!(date_in_path("2025/12/02/000_487c.txt"), Some(date!(2025 - 12 - 02)));
        assert_eq!(date_in_path("nos/2026/11/29/a.txt"), Some(date!(2026 - 11 - 29)));
    }

    #[test]
    fn dates_in_file_names() {
        assert_eq!(date_in_path("archief/2025-11-30-poetin.txt"), Some(date!(2025 - 11 - 30)));
        assert_eq!(date_in_path("archief/20251130_poetin.txt"), Some(date!(2025 - 11 - 30)));
    }

    #[test]
    fn impossible_dates_and_plain_numbers_are_ignored() {
        assert_eq!(date_in_path("2025/13/40/a.txt"), None);
        assert_eq!(date_in_path("000_487c0d66560372fc.txt"), None);
        assert_eq!(date_in_path("12345678901.txt"), None);
    }

    #[test]
    fn path_date_wins_over_mtime_and_is_noon() {
        assert_eq!(page_time("2025/12/02/a.txt", 0), datetime!(2025-12-02 12:00 UTC));
        assert_eq!(
            page_time("a.txt", 1_700_000_000_000_000_000),
            datetime!(2023-11-14 22:13:20 UTC)
        );
    }
}
