//! Every parser of untrusted input against arbitrary input: bytes decoded as a browser would
//! (lossily), any Unicode, and near misses of what each parser expects. None may panic; what one
//! accepts it accepts again in its own spelling (parsing is idempotent), and what it keeps is
//! safe (no control characters).
//!
//! In the suite each parser gets a bounded number of cases from a fixed seed, so a run is the same
//! every time. `WORKWELL_FUZZ_SECS=600 cargo test -p app --features ssr --release --test
//! hostile_parsers -- --test-threads=1` (what `.ci/fuzz` runs) fuzzes each for that many seconds
//! with fresh random seeds instead, and prints how many inputs each saw.

#![cfg(feature = "ssr")]

use app::domain::{Country, Email, Gtin, OtpCode, Phone, Search, Sku, TaxId, parse_iso_date};
use app::earn::code::UnitCode;
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, RngSeed, TestRunner};

/// Cases per parser in the suite.
const SUITE_CASES: u32 = 2_000;

/// Arbitrary text: bytes as a lossy UTF-8 decode, any Unicode, and strings close to `near`.
fn text(near: &'static str) -> BoxedStrategy<String> {
    prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..80)
            .prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
        "\\PC{0,60}",
        ".{0,60}",
        near,
    ]
    .boxed()
}

/// Runs `check` on inputs from `strategy`: a fixed number from a fixed seed, or, with
/// `WORKWELL_FUZZ_SECS`, fresh random ones until the time is up.
fn fuzz<S: Strategy>(name: &str, strategy: S, check: impl Fn(S::Value))
where
    S::Value: std::fmt::Debug + Clone,
{
    let budget = std::env::var("WORKWELL_FUZZ_SECS")
        .ok()
        .and_then(|s| s.parse::<u64>().ok());
    let config = Config {
        cases: SUITE_CASES,
        rng_seed: match budget {
            None => RngSeed::Fixed(0x005e_ed0f_3003),
            Some(_) => RngSeed::Random,
        },
        failure_persistence: None,
        ..Config::default()
    };
    let mut runner = TestRunner::new(config);
    let deadline = budget.map(|s| std::time::Instant::now() + std::time::Duration::from_secs(s));
    let mut seen: u64 = 0;
    loop {
        let value = strategy
            .new_tree(&mut runner)
            .expect("a strategy without filters always yields")
            .current();
        let shown = format!("{value:?}");
        if std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check(value))).is_err() {
            panic!("{name} failed on {shown}");
        }
        seen += 1;
        match deadline {
            None if seen >= u64::from(SUITE_CASES) => break,
            Some(d) if std::time::Instant::now() >= d => break,
            _ => {}
        }
    }
    if budget.is_some() {
        println!("fuzz {name}: {seen} inputs");
    }
}

fn no_controls(s: &str) -> bool {
    !s.chars().any(char::is_control)
}

#[test]
fn unit_codes_and_scanned_text() {
    fuzz("unit code", text("[0-9A-Za-z /:?=&#_-]{0,40}"), |s| {
        if let Ok(code) = UnitCode::from_scanned(&s) {
            assert_eq!(UnitCode::from_scanned(&code.grouped()), Ok(code.clone()));
            assert_eq!(UnitCode::parse(code.as_str()), Ok(code.clone()));
            assert!(no_controls(code.as_str()));
        }
        let _ = UnitCode::parse(&s);
        let _ = UnitCode::queue_form(&s);
    });
}

#[test]
fn phone_numbers_in_every_country() {
    fuzz("phone", text("[+0-9 ()-]{0,20}"), |s| {
        for country in Country::ALL {
            if let Ok(p) = Phone::parse_in(&s, country) {
                let e164 = p.as_str();
                assert!(
                    e164.starts_with('+') && e164[1..].bytes().all(|b| b.is_ascii_digit()),
                    "{e164}"
                );
                assert_eq!(Phone::parse(e164).as_ref(), Ok(&p));
            }
        }
        let _ = Phone::parse(&s);
    });
}

#[test]
fn e_mail_addresses() {
    fuzz("e-mail", text("[a-z0-9.+-]{0,12}@[a-z0-9.-]{0,12}"), |s| {
        if let Some(e) = Email::parse(&s) {
            assert_eq!(Email::parse(e.as_str()), Some(e.clone()));
            assert!(no_controls(e.as_str()));
        }
    });
}

#[test]
fn tax_ids_articles_and_one_time_codes() {
    fuzz(
        "tax id, GTIN, SKU, one-time code",
        text("[A-Z]{0,2}[0-9 .-]{0,16}"),
        |s| {
            if let Some(t) = TaxId::parse(&s) {
                assert_eq!(TaxId::parse(t.as_str()), Some(t.clone()));
            }
            if let Some(g) = Gtin::parse(&s) {
                assert_eq!(Gtin::parse(g.as_str()), Some(g.clone()));
            }
            if let Some(k) = Sku::parse(&s) {
                assert_eq!(Sku::parse(k.as_str()), Some(k.clone()));
            }
            if let Some(c) = OtpCode::parse(&s) {
                assert_eq!(
                    OtpCode::parse(c.as_str()).map(|c| c.as_str().to_string()),
                    Some(c.as_str().to_string())
                );
            }
        },
    );
}

#[test]
fn search_words_and_dates() {
    fuzz("search, date", text("[%_\\\\a-z0-9 -]{0,20}"), |s| {
        if let Some(q) = Search::parse(&s) {
            let pattern = q.contains_pattern();
            let inner = &pattern[1..pattern.len() - 1];
            // Every wildcard inside is escaped: a backslash before each `%` and `_`.
            let mut escaped = false;
            for c in inner.chars() {
                if !escaped {
                    assert!(!matches!(c, '%' | '_'), "{pattern}");
                }
                escaped = !escaped && c == '\\';
            }
            assert!(no_controls(q.as_str()));
        }
        if let Some(t) = parse_iso_date(&s) {
            assert_eq!(parse_iso_date(&app::domain::iso_date(t)), Some(t));
        }
    });
}

#[test]
fn csv_imports_and_addresses() {
    let csv = prop_oneof![
        text("[a-z0-9,;\"\\n -]{0,80}"),
        proptest::collection::vec("[A-Za-z0-9 \",.-]{0,12}", 0..8)
            .prop_map(|cells| cells.join(",")),
    ];
    fuzz("CSV, address", csv, |s| {
        let _ = app::earn::admin::catalog::parse_products_csv(&s);
        let _ = app::org::CompanyInput::parse_csv(&s);
        let _ = app::shop::model::NewAddress::parse(&s, &s, &s, &s, &s, Country::Russia);
    });
}

#[test]
fn uploaded_pictures() {
    // Arbitrary bytes, and bytes behind a real PNG, JPEG or WebP signature.
    let bytes = prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..512),
        proptest::collection::vec(any::<u8>(), 0..512).prop_map(|mut b| {
            let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
            png.append(&mut b);
            png
        }),
        proptest::collection::vec(any::<u8>(), 0..512).prop_map(|mut b| {
            let mut jpeg = vec![0xff, 0xd8, 0xff];
            jpeg.append(&mut b);
            jpeg
        }),
        proptest::collection::vec(any::<u8>(), 0..512).prop_map(|mut b| {
            let mut webp = b"RIFF\0\0\0\0WEBPVP8 ".to_vec();
            webp.append(&mut b);
            webp
        }),
    ];
    fuzz("picture", bytes, |b| {
        let _ = app::shop::media::check_and_thumbnail(&b);
    });
}
