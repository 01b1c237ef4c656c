//! Dates without a date library in the browser bundle: ISO dates, civil dates, months, days.

/// `YYYY-MM-DD` (UTC) of a unix time, with no date library in the browser bundle.
pub fn iso_date(unix_secs: i64) -> String {
    // Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
    let z = unix_secs.div_euclid(86_400) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod date_tests {
    use super::iso_date;

    #[test]
    fn unix_times_become_calendar_dates() {
        assert_eq!(iso_date(0), "1970-01-01");
        assert_eq!(iso_date(951_782_400), "2000-02-29");
        assert_eq!(iso_date(1_795_305_600), "2026-11-22");
        assert_eq!(iso_date(-86_400), "1969-12-31");
    }
}

fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The (year, month 1–12, day 1–31) of a unix time, UTC.
pub fn civil(unix_secs: i64) -> (i64, i64, i64) {
    let d = iso_date(unix_secs);
    let mut parts = d.split('-').map(|p| p.parse::<i64>().unwrap_or(1));
    let year = parts.next().unwrap_or(1970);
    let month = parts.next().unwrap_or(1);
    let day = parts.next().unwrap_or(1);
    (year, month, day)
}

/// Midnight (UTC) of `YYYY-MM-DD`, or `None` if it is not a real date.
pub fn parse_iso_date(s: &str) -> Option<i64> {
    let mut parts = s.trim().split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let (y, m, d): (i64, i64, i64) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    if !(1..=12).contains(&m) || d < 1 || d > days_in_month(y, m) {
        return None;
    }
    Some(days_from_civil(y, m, d) * 86_400)
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The same moment `months` calendar months later (earlier when negative); the 31st becomes the
/// last day of a shorter month.
pub fn add_months(unix_secs: i64, months: i64) -> i64 {
    let (y, m, d) = civil(unix_secs);
    let total = y * 12 + (m - 1) + months;
    let (ny, nm) = (total.div_euclid(12), total.rem_euclid(12) + 1);
    let nd = d.min(days_in_month(ny, nm));
    days_from_civil(ny, nm, nd) * 86_400 + unix_secs.rem_euclid(86_400)
}

/// Midnight (UTC) of the day `unix_secs` falls in.
pub fn day_start(unix_secs: i64) -> i64 {
    unix_secs - unix_secs.rem_euclid(86_400)
}

#[cfg(test)]
mod calendar_tests {
    use super::*;

    #[test]
    fn months_are_added_on_the_calendar() {
        let d = parse_iso_date("2026-11-22").unwrap();
        assert_eq!(d, 1_795_305_600);
        assert_eq!(iso_date(add_months(d, 24)), "2028-11-22");
        assert_eq!(iso_date(add_months(d, -24)), "2024-11-22");
        let jan31 = parse_iso_date("2027-01-31").unwrap();
        assert_eq!(iso_date(add_months(jan31, 1)), "2027-02-28");
        assert_eq!(iso_date(add_months(jan31, 13)), "2028-02-29");
        assert_eq!(add_months(d + 3_600, 1) - add_months(d, 1), 3_600);
        assert_eq!(day_start(d + 4_000), d);
    }

    #[test]
    fn only_real_dates_parse() {
        for bad in [
            "",
            "2026-02-29",
            "2026-13-01",
            "2026-1-01",
            "26-01-01",
            "2026-01-01-01",
            "x",
        ] {
            assert_eq!(parse_iso_date(bad), None, "{bad}");
        }
        assert!(parse_iso_date("2028-02-29").is_some());
    }
}

/// The first moment (UTC midnight) of the calendar month `unix_secs` falls in.
pub fn month_start(unix_secs: i64) -> i64 {
    let (y, m, _) = civil(unix_secs);
    days_from_civil(y, m, 1) * 86_400
}
