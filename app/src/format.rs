//! How numbers, dates and amounts read in each language we ship: the one place a screen turns a
//! figure into text. CSV files and form values do not come here — they stay machine-readable
//! (`1234`, `2026-12-02`).
//!
//! The separators and month names are CLDR's for each language (a table of five rows: ICU4X
//! would bring the same data for hundreds of locales into the phone's download). Plural forms
//! come from ICU4X (`icu_plurals`) through [`crate::i18n::N`].

use crate::domain::civil;
use crate::i18n::{Lang, N, Plural};
use std::sync::OnceLock;

/// The program's time zone: what "today" and a date mean to its people.
#[derive(Clone, Debug)]
pub enum Zone {
    /// A fixed distance from UTC, in seconds (the browser's copy of the server's zone).
    Fixed(i64),
    /// A zone of the IANA database (`Europe/Moscow`), daylight saving included.
    #[cfg(feature = "ssr")]
    Named(jiff::tz::TimeZone),
}

impl Zone {
    /// A zone by its IANA name, or `None` for a name the database does not know.
    #[cfg(feature = "ssr")]
    pub fn named(name: &str) -> Option<Zone> {
        jiff::tz::TimeZone::get(name).ok().map(Zone::Named)
    }

    /// Seconds to add to a unix time for the wall clock of this zone at that moment.
    #[cfg_attr(not(feature = "ssr"), allow(unused_variables))]
    pub fn offset_at(&self, unix_secs: i64) -> i64 {
        match self {
            Zone::Fixed(s) => *s,
            #[cfg(feature = "ssr")]
            Zone::Named(tz) => jiff::Timestamp::from_second(unix_secs)
                .map(|t| i64::from(tz.to_offset(t).seconds()))
                .unwrap_or(0),
        }
    }
}

static ZONE: OnceLock<Zone> = OnceLock::new();

/// Sets the program's time zone, once, at start-up (the server from its configuration, the
/// browser from the page). Later calls change nothing.
pub fn set_zone(zone: Zone) {
    let _ = ZONE.set(zone);
}

/// The program's zone's offset from UTC now: what a page tells the browser.
pub fn zone_offset_now(now: i64) -> i64 {
    ZONE.get().map_or(0, |z| z.offset_at(now))
}

/// A unix time moved to the program's wall clock (UTC until a zone is set).
fn local(unix_secs: i64) -> i64 {
    unix_secs + ZONE.get().map_or(0, |z| z.offset_at(unix_secs))
}

/// A unix time as the program's wall clock reads it (seconds since 1970-01-01T00:00 of it).
pub fn wall_clock(unix_secs: i64) -> i64 {
    local(unix_secs)
}

/// The unix time of a wall-clock time in the program's zone (a receipt's printed time, a date a
/// person typed): the inverse of the wall clock the pages show.
pub fn from_local(wall: i64) -> i64 {
    let offset = ZONE.get().map_or(0, |z| z.offset_at(wall));
    // The offset at the guessed moment, not at the wall time read as UTC (they differ only
    // within hours of a clock change).
    wall - ZONE.get().map_or(offset, |z| z.offset_at(wall - offset))
}

/// A counted text with its number: the form `n` takes in `lang` (CLDR), `{n}` grouped.
pub fn count(lang: Lang, key: N, n: i64) -> String {
    key.form(lang, Plural::of(lang, n))
        .replace("{n}", &number(lang, n))
}

/// "1 point", "401 балл", "405 баллов", "20 de puncte": every amount of points a person reads.
pub fn points(lang: Lang, n: i64) -> String {
    count(lang, N::Points, n)
}

/// The thousands separator and the decimal mark of a language (CLDR `symbols`).
fn symbols(lang: Lang) -> (&'static str, char) {
    match lang {
        Lang::En => (",", '.'),
        // CLDR: a no-break space in Russian, a narrow no-break space in French; never split.
        Lang::Ru => ("\u{a0}", ','),
        Lang::Fr => ("\u{202f}", ','),
        Lang::Tr | Lang::Ro => (".", ','),
    }
}

/// A whole number with the language's grouping: `12,480` · `12 480` · `12.480`; a minus sign
/// (not a hyphen) before a negative one.
pub fn number(lang: Lang, n: i64) -> String {
    let (group, _) = symbols(lang);
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() * 2);
    if n < 0 {
        out.push('−');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(group);
        }
        out.push(c);
    }
    out
}

/// A number kept in thousandths (an earning factor): `1.25` · `1,25`; `2` when whole.
pub fn thousandths(lang: Lang, v: i64) -> String {
    let (_, mark) = symbols(lang);
    let whole = number(lang, v / 1000);
    let frac = (v % 1000).unsigned_abs();
    if frac == 0 {
        return whole;
    }
    let frac = format!("{frac:03}");
    let sign = if v < 0 && v / 1000 == 0 { "−" } else { "" };
    format!("{sign}{whole}{mark}{}", frac.trim_end_matches('0'))
}

/// The currencies an amount of money can be in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Currency {
    Rub,
    Eur,
    Try,
    Ron,
}

impl Currency {
    fn symbol(self) -> &'static str {
        match self {
            Currency::Rub => "₽",
            Currency::Eur => "€",
            Currency::Try => "₺",
            Currency::Ron => "RON",
        }
    }
}

/// An amount of money kept in minor units (kopecks, cents): `975,88 ₽`, `₺975,88`, `€975.88`.
/// The symbol stands where the language puts it (CLDR `currencyFormat`).
pub fn money(lang: Lang, minor: i64, currency: Currency) -> String {
    let (_, mark) = symbols(lang);
    let sign = if minor < 0 { "−" } else { "" };
    let units = number(lang, (minor / 100).abs());
    let cents = (minor % 100).unsigned_abs();
    let amount = format!("{units}{mark}{cents:02}");
    let symbol = currency.symbol();
    match lang {
        Lang::En | Lang::Tr => format!("{sign}{symbol}{amount}"),
        Lang::Ru | Lang::Fr | Lang::Ro => format!("{sign}{amount}\u{a0}{symbol}"),
    }
}

/// A month's name: `(genitive, standalone)` — "2 декабря" but "декабрь 2026".
fn month_name(lang: Lang, month: i64) -> (&'static str, &'static str) {
    let i = (month.clamp(1, 12) - 1) as usize;
    match lang {
        Lang::En => {
            let m = [
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
            ][i];
            (m, m)
        }
        Lang::Ru => (
            [
                "января",
                "февраля",
                "марта",
                "апреля",
                "мая",
                "июня",
                "июля",
                "августа",
                "сентября",
                "октября",
                "ноября",
                "декабря",
            ][i],
            [
                "январь",
                "февраль",
                "март",
                "апрель",
                "май",
                "июнь",
                "июль",
                "август",
                "сентябрь",
                "октябрь",
                "ноябрь",
                "декабрь",
            ][i],
        ),
        Lang::Fr => {
            let m = [
                "janvier",
                "février",
                "mars",
                "avril",
                "mai",
                "juin",
                "juillet",
                "août",
                "septembre",
                "octobre",
                "novembre",
                "décembre",
            ][i];
            (m, m)
        }
        Lang::Tr => {
            let m = [
                "Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz", "Ağustos", "Eylül",
                "Ekim", "Kasım", "Aralık",
            ][i];
            (m, m)
        }
        Lang::Ro => {
            let m = [
                "ianuarie",
                "februarie",
                "martie",
                "aprilie",
                "mai",
                "iunie",
                "iulie",
                "august",
                "septembrie",
                "octombrie",
                "noiembrie",
                "decembrie",
            ][i];
            (m, m)
        }
    }
}

/// A day in words (CLDR's long date): "2 December 2026" · "2 декабря 2026" · "2 décembre 2026" ·
/// "2 Aralık 2026" · "2 decembrie 2026".
pub fn date(lang: Lang, unix_secs: i64) -> String {
    let (year, month, day) = civil(local(unix_secs));
    format!("{day} {} {year}", month_name(lang, month).0)
}

/// A month of a year: "December 2026" · "декабрь 2026" · "Aralık 2026".
pub fn month(lang: Lang, unix_secs: i64) -> String {
    let (year, month, _) = civil(local(unix_secs));
    format!("{} {year}", month_name(lang, month).1)
}

/// A day near `now` as people say it — "today", "tomorrow", "in 3 days" — for the next week;
/// further off, `None` (the date in words reads better).
pub fn soon(lang: Lang, at: i64, now: i64) -> Option<String> {
    use crate::i18n::T;
    let days =
        (crate::domain::day_start(local(at)) - crate::domain::day_start(local(now))) / 86_400;
    match days {
        0 => Some(T::Today.text(lang).to_string()),
        1 => Some(T::Tomorrow.text(lang).to_string()),
        2..=7 => Some(count(lang, N::InDays, days)),
        _ => None,
    }
}

/// The time of day on the program's 24-hour clock, `14:05`, as all five languages write it.
pub fn time(unix_secs: i64) -> String {
    let s = local(unix_secs).rem_euclid(86_400);
    format!("{:02}:{:02}", s / 3_600, s % 3_600 / 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    const DEC_2_2026: i64 = 1_796_169_600; // 2026-12-02 00:00 UTC

    #[test]
    fn dates_read_as_each_language_writes_them() {
        let expected = [
            (Lang::En, "2 December 2026", "December 2026"),
            (Lang::Ru, "2 декабря 2026", "декабрь 2026"),
            (Lang::Fr, "2 décembre 2026", "décembre 2026"),
            (Lang::Tr, "2 Aralık 2026", "Aralık 2026"),
            (Lang::Ro, "2 decembrie 2026", "decembrie 2026"),
        ];
        for (lang, day, month_of_year) in expected {
            assert_eq!(date(lang, DEC_2_2026), day, "{lang:?}");
            assert_eq!(month(lang, DEC_2_2026), month_of_year, "{lang:?}");
        }
        assert_eq!(date(Lang::Ru, DEC_2_2026 - 86_400 * 2), "30 ноября 2026");
        assert_eq!(date(Lang::Tr, 951_782_400), "29 Şubat 2000");
        assert_eq!(time(DEC_2_2026 + 14 * 3_600 + 5 * 60 + 59), "14:05");
    }

    #[test]
    fn numbers_group_and_mark_decimals_as_each_language_does() {
        let expected = [
            (Lang::En, "1,234,567", "1.25", "−12,480"),
            (Lang::Ru, "1\u{a0}234\u{a0}567", "1,25", "−12\u{a0}480"),
            (
                Lang::Fr,
                "1\u{202f}234\u{202f}567",
                "1,25",
                "−12\u{202f}480",
            ),
            (Lang::Tr, "1.234.567", "1,25", "−12.480"),
            (Lang::Ro, "1.234.567", "1,25", "−12.480"),
        ];
        for (lang, big, factor, negative) in expected {
            assert_eq!(number(lang, 1_234_567), big, "{lang:?}");
            assert_eq!(thousandths(lang, 1_250), factor, "{lang:?}");
            assert_eq!(number(lang, -12_480), negative, "{lang:?}");
            assert_eq!(number(lang, 950), "950", "{lang:?}");
            assert_eq!(number(lang, 0), "0", "{lang:?}");
        }
        assert_eq!(thousandths(Lang::En, 2_000), "2");
        assert_eq!(thousandths(Lang::Ru, 1_005), "1,005");
        assert_eq!(thousandths(Lang::En, -500), "−0.5");
        assert_eq!(thousandths(Lang::En, 12_345_600), "12,345.6");
    }

    /// The counted texts through CLDR's examples 0, 1, 2, 5, 11, 21, 101, 102 in each language.
    #[test]
    fn points_take_the_form_of_their_number() {
        let numbers = [0, 1, 2, 5, 11, 21, 101, 102];
        let expected: [(Lang, [&str; 8]); 5] = [
            (
                Lang::En,
                [
                    "0 points",
                    "1 point",
                    "2 points",
                    "5 points",
                    "11 points",
                    "21 points",
                    "101 points",
                    "102 points",
                ],
            ),
            (
                Lang::Ru,
                [
                    "0 баллов",
                    "1 балл",
                    "2 балла",
                    "5 баллов",
                    "11 баллов",
                    "21 балл",
                    "101 балл",
                    "102 балла",
                ],
            ),
            (
                Lang::Fr,
                [
                    "0 point",
                    "1 point",
                    "2 points",
                    "5 points",
                    "11 points",
                    "21 points",
                    "101 points",
                    "102 points",
                ],
            ),
            (
                Lang::Tr,
                [
                    "0 puan", "1 puan", "2 puan", "5 puan", "11 puan", "21 puan", "101 puan",
                    "102 puan",
                ],
            ),
            (
                Lang::Ro,
                [
                    "0 puncte",
                    "1 punct",
                    "2 puncte",
                    "5 puncte",
                    "11 puncte",
                    "21 de puncte",
                    "101 puncte",
                    "102 puncte",
                ],
            ),
        ];
        for (lang, texts) in expected {
            for (n, text) in numbers.into_iter().zip(texts) {
                assert_eq!(points(lang, n), text, "{lang:?} {n}");
            }
        }
        assert_eq!(points(Lang::Ru, 1_011), "1\u{a0}011 баллов");
        assert_eq!(points(Lang::Ru, -21), "−21 балл");
        assert_eq!(points(Lang::En, 12_480), "12,480 points");
        assert_eq!(
            points(Lang::Fr, 1_000_000),
            "1\u{202f}000\u{202f}000 de points"
        );
        assert_eq!(count(Lang::Ru, N::Days, 22), "22 дня");
        assert_eq!(count(Lang::Ro, N::Days, 30), "30 de zile");
        assert_eq!(count(Lang::En, N::VouchersLeft, 1), "1 voucher left");
        assert_eq!(count(Lang::Ru, N::VouchersLeft, 25), "осталось 25 ваучеров");
    }

    #[test]
    fn days_near_today_are_said_as_people_say_them() {
        let now = DEC_2_2026 + 15 * 3_600;
        assert_eq!(
            soon(Lang::En, DEC_2_2026 + 3_600, now).as_deref(),
            Some("today")
        );
        assert_eq!(soon(Lang::Ru, now + 86_400, now).as_deref(), Some("завтра"));
        assert_eq!(
            soon(Lang::Ru, now + 3 * 86_400, now).as_deref(),
            Some("через 3 дня")
        );
        assert_eq!(
            soon(Lang::Ru, now + 5 * 86_400, now).as_deref(),
            Some("через 5 дней")
        );
        assert_eq!(
            soon(Lang::Fr, now + 2 * 86_400, now).as_deref(),
            Some("dans 2 jours")
        );
        assert_eq!(
            soon(Lang::Ro, now + 7 * 86_400, now).as_deref(),
            Some("peste 7 zile")
        );
        assert_eq!(
            soon(Lang::Tr, now + 4 * 86_400, now).as_deref(),
            Some("4 gün içinde")
        );
        assert_eq!(soon(Lang::En, now + 8 * 86_400, now), None);
        assert_eq!(soon(Lang::En, now - 86_400, now), None);
    }

    /// The offsets the program's zone gives: Moscow all year +3; Bucharest +2 in winter and +3
    /// in summer (daylight saving); a fixed zone as given.
    #[test]
    fn a_named_zone_knows_its_offset_at_each_moment() {
        let moscow = Zone::named("Europe/Moscow").unwrap();
        let bucharest = Zone::named("Europe/Bucharest").unwrap();
        let july = DEC_2_2026 - 150 * 86_400;
        assert_eq!(moscow.offset_at(DEC_2_2026), 3 * 3_600);
        assert_eq!(moscow.offset_at(july), 3 * 3_600);
        assert_eq!(bucharest.offset_at(DEC_2_2026), 2 * 3_600);
        assert_eq!(bucharest.offset_at(july), 3 * 3_600);
        assert_eq!(Zone::Fixed(-5 * 3_600).offset_at(july), -5 * 3_600);
        assert!(Zone::named("Mars/Olympus").is_none());
        // 22:30 UTC on 1 December is already 2 December in Moscow.
        let late = DEC_2_2026 - 5_400;
        assert_eq!(civil(late + moscow.offset_at(late)), (2026, 12, 2));
    }

    #[test]
    fn money_puts_the_currency_where_the_language_does() {
        assert_eq!(money(Lang::Ru, 97_588, Currency::Rub), "975,88\u{a0}₽");
        assert_eq!(money(Lang::En, 97_588, Currency::Rub), "₽975.88");
        assert_eq!(
            money(Lang::Fr, 123_456_705, Currency::Eur),
            "1\u{202f}234\u{202f}567,05\u{a0}€"
        );
        assert_eq!(money(Lang::Tr, 97_500, Currency::Try), "₺975,00");
        assert_eq!(money(Lang::Ro, 5, Currency::Ron), "0,05\u{a0}RON");
        assert_eq!(money(Lang::En, -1_999, Currency::Eur), "−€19.99");
    }
}
