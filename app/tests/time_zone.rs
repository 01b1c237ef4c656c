//! The program's time zone is set once per process, as the server sets it at start-up from
//! `WORKWELL_TIME_ZONE`; this file is a process of its own, so setting it here touches no other
//! test.

use app::format::{Zone, date, set_zone, time, zone_offset_now};
use app::i18n::Lang;

#[test]
fn dates_are_written_in_the_programs_time_zone() {
    // 22:30 UTC on 1 December 2026: already 2 December in Moscow.
    let late = 1_796_169_600 - 5_400;
    assert_eq!(
        date(Lang::Ru, late),
        "1 декабря 2026",
        "UTC until a zone is set"
    );
    assert_eq!(zone_offset_now(late), 0);
    set_zone(Zone::named("Europe/Moscow").unwrap());
    assert_eq!(date(Lang::Ru, late), "2 декабря 2026");
    assert_eq!(date(Lang::Fr, late), "2 décembre 2026");
    assert_eq!(time(late), "01:30");
    // What the page tells the browser, so the dates it writes agree.
    assert_eq!(zone_offset_now(late), 3 * 3_600);
    // Set once: a second call changes nothing.
    set_zone(Zone::Fixed(0));
    assert_eq!(date(Lang::Ru, late), "2 декабря 2026");
}
