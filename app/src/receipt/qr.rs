//! The QR code printed on a Russian fiscal receipt (54-FZ), read into a type at the edge:
//! `t=20180518T220500&s=975.88&fn=8710000101125654&i=99456&fp=1250448795&n=1`.
//!
//! - `t` the sale's wall-clock time, `YYYYMMDDTHHMM` with or without seconds;
//! - `s` the total in roubles with up to two decimals, kept as integer kopecks;
//! - `fn` the fiscal drive's number (16 digits), `i` the document's number, `fp` its fiscal
//!   sign (up to 10 digits) — together they name one receipt in the whole country;
//! - `n` the kind: `1` a sale. `2` is a refund of a sale, which earns nothing.
//!
//! Pure, so the Scan screen (in the browser) and the server read a QR with the same code. The
//! text may be the bare query, a checking site's address ending in it, or percent-encoded.

use crate::error::Field;
use serde::{Deserialize, Serialize};

/// The largest total a receipt may carry: 100 million roubles, in kopecks.
pub const MAX_TOTAL: i64 = 10_000_000_000;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FiscalQr {
    /// The sale's wall-clock time as if it were UTC (the receipt does not say its zone):
    /// seconds since 1970-01-01T00:00 of that calendar.
    pub wall_time: i64,
    /// Kopecks.
    pub total: i64,
    /// `fn`: the fiscal drive, 16 digits.
    pub drive: String,
    /// `i`: the fiscal document's number.
    pub document: u64,
    /// `fp`: the document's fiscal sign.
    pub sign: u64,
}

/// Why a text is not a receipt QR we can claim; each names the part that is wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QrError {
    /// No receipt fields at all: some other QR code.
    NotAReceipt,
    /// A field is missing, given twice, or malformed.
    Bad(Field),
    /// `n=2`: a refund (or `3`/`4`, an expense or its refund): nothing to claim.
    NotASale { refund: bool },
}

impl FiscalQr {
    /// Reads a scanned or typed QR text.
    pub fn parse(text: &str) -> Result<FiscalQr, QrError> {
        let text = text.trim();
        // A checking site's address: the receipt is its query.
        let query = match text.find('?') {
            Some(i) => &text[i + 1..],
            None => text,
        };
        let decoded = percent_decode(query).ok_or(QrError::Bad(Field::ReceiptQr))?;
        let (mut t, mut s, mut fn_, mut i, mut fp, mut n) = (None, None, None, None, None, None);
        let mut known = 0;
        for pair in decoded.split('&').filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let slot = match key.trim().to_ascii_lowercase().as_str() {
                "t" => &mut t,
                "s" => &mut s,
                "fn" => &mut fn_,
                "i" => &mut i,
                "fp" => &mut fp,
                "n" => &mut n,
                // Other keys (some shops add their own) are not ours to judge.
                _ => continue,
            };
            known += 1;
            if slot.replace(value.trim()).is_some() {
                // Given twice: which one is the receipt?
                return Err(QrError::Bad(Field::ReceiptQr));
            }
        }
        if known < 2 {
            return Err(QrError::NotAReceipt);
        }
        // The kind first: a refund is refused whatever else it says.
        match n {
            Some("1") => {}
            Some("2") => return Err(QrError::NotASale { refund: true }),
            Some("3" | "4") => return Err(QrError::NotASale { refund: false }),
            _ => return Err(QrError::Bad(Field::ReceiptKind)),
        }
        let wall_time = t
            .and_then(parse_time)
            .ok_or(QrError::Bad(Field::ReceiptDate))?;
        let total = s
            .and_then(parse_kopecks)
            .filter(|k| (1..=MAX_TOTAL).contains(k))
            .ok_or(QrError::Bad(Field::ReceiptTotal))?;
        let drive = fn_
            .filter(|f| f.len() == 16 && f.bytes().all(|b| b.is_ascii_digit()))
            .ok_or(QrError::Bad(Field::FiscalDrive))?
            .to_string();
        let document = i
            .and_then(|v| digits(v, 10))
            .filter(|v| *v > 0)
            .ok_or(QrError::Bad(Field::FiscalDocument))?;
        let sign = fp
            .and_then(|v| digits(v, 10))
            .filter(|v| *v <= u64::from(u32::MAX))
            .ok_or(QrError::Bad(Field::FiscalSign))?;
        Ok(FiscalQr {
            wall_time,
            total,
            drive,
            document,
            sign,
        })
    }

    /// The key that names this receipt in the whole program: one claim per fiscal document.
    pub fn document_key(&self) -> String {
        format!("fn:{}:{}:{}", self.drive, self.document, self.sign)
    }

    /// The QR's text as this app writes it back (for a link to the claim screen).
    pub fn to_text(&self) -> String {
        let (y, m, d) = crate::domain::civil(self.wall_time);
        let secs = self.wall_time.rem_euclid(86_400);
        format!(
            "t={y:04}{m:02}{d:02}T{:02}{:02}{:02}&s={}.{:02}&fn={}&i={}&fp={}&n=1",
            secs / 3600,
            secs / 60 % 60,
            secs % 60,
            self.total / 100,
            self.total % 100,
            self.drive,
            self.document,
            self.sign
        )
    }
}

/// Up to `max` ASCII digits, as a number.
fn digits(v: &str, max: usize) -> Option<u64> {
    (!v.is_empty() && v.len() <= max && v.bytes().all(|b| b.is_ascii_digit()))
        .then(|| v.parse().ok())
        .flatten()
}

/// `YYYYMMDDTHHMM` or `YYYYMMDDTHHMMSS` as wall-clock seconds.
fn parse_time(t: &str) -> Option<i64> {
    let (date, time) = t.split_once(['T', 't'])?;
    if date.len() != 8 || !matches!(time.len(), 4 | 6) {
        return None;
    }
    if !date.bytes().chain(time.bytes()).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let day =
        crate::domain::parse_iso_date(&format!("{}-{}-{}", &date[..4], &date[4..6], &date[6..]))?;
    let hh: i64 = time[..2].parse().ok()?;
    let mm: i64 = time[2..4].parse().ok()?;
    let ss: i64 = if time.len() == 6 {
        time[4..].parse().ok()?
    } else {
        0
    };
    (hh < 24 && mm < 60 && ss < 60).then_some(day + hh * 3600 + mm * 60 + ss)
}

/// `975.88`, `975.8`, `975` (roubles) as kopecks; a comma is read as the decimal point.
pub fn parse_kopecks(s: &str) -> Option<i64> {
    let s = s.trim();
    let (whole, frac) = match s.split_once(['.', ',']) {
        Some((w, f)) => (w, f),
        None => (s, ""),
    };
    if whole.is_empty() || whole.len() > 12 || frac.len() > 2 {
        return None;
    }
    if !whole
        .bytes()
        .chain(frac.bytes())
        .all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let whole: i64 = whole.parse().ok()?;
    let frac: i64 = if frac.is_empty() {
        0
    } else {
        format!("{frac:0<2}").parse().ok()?
    };
    whole.checked_mul(100)?.checked_add(frac)
}

/// A total as a person types it (`975.88`, `975,88`, `13 000`): kopecks, within 1 and
/// [`MAX_TOTAL`]. Spaces between the thousands (plain, no-break or narrow) are left out.
pub fn parse_typed_total(s: &str) -> Option<i64> {
    parse_kopecks(&s.replace([' ', '\u{a0}', '\u{202f}'], ""))
        .filter(|t| (1..=MAX_TOTAL).contains(t))
}

/// `%3D` → `=` and `+` → space, once; `None` for a broken escape or bytes that are not UTF-8.
fn percent_decode(s: &str) -> Option<String> {
    if !s.contains('%') && !s.contains('+') {
        return Some(s.to_string());
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = s.get(i + 1..i + 3)?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const SAMPLE: &str = "t=20180518T220500&s=975.88&fn=8710000101125654&i=99456&fp=1250448795&n=1";

    fn sample() -> FiscalQr {
        FiscalQr::parse(SAMPLE).unwrap()
    }

    #[test]
    fn the_sample_receipt_reads_into_its_fields() {
        let qr = sample();
        assert_eq!(qr.total, 97_588);
        assert_eq!(qr.drive, "8710000101125654");
        assert_eq!(qr.document, 99_456);
        assert_eq!(qr.sign, 1_250_448_795);
        let day = crate::domain::parse_iso_date("2018-05-18").unwrap();
        assert_eq!(qr.wall_time, day + 22 * 3600 + 5 * 60);
        assert_eq!(qr.document_key(), "fn:8710000101125654:99456:1250448795");
    }

    #[test]
    fn the_variants_people_meet_read_the_same() {
        let no_seconds = "t=20180518T2205&s=975.88&fn=8710000101125654&i=99456&fp=1250448795&n=1";
        assert_eq!(FiscalQr::parse(no_seconds).unwrap(), sample());
        let shuffled = "n=1&fp=1250448795&i=99456&fn=8710000101125654&s=975.88&t=20180518T220500";
        assert_eq!(FiscalQr::parse(shuffled).unwrap(), sample());
        let site = format!("https://check.example/receipt?{SAMPLE}&utm=shop");
        assert_eq!(FiscalQr::parse(&site).unwrap(), sample());
        let encoded = SAMPLE.replace('=', "%3D").replace('&', "%26");
        assert_eq!(FiscalQr::parse(&encoded).unwrap(), sample());
        let spaced = format!("  {SAMPLE}\n");
        assert_eq!(FiscalQr::parse(&spaced).unwrap(), sample());
        let whole = SAMPLE.replace("975.88", "975");
        assert_eq!(FiscalQr::parse(&whole).unwrap().total, 97_500);
        let one_decimal = SAMPLE.replace("975.88", "975.8");
        assert_eq!(FiscalQr::parse(&one_decimal).unwrap().total, 97_580);
        let upper = SAMPLE.replace("fn=", "FN=");
        assert_eq!(FiscalQr::parse(&upper).unwrap(), sample());
    }

    #[test]
    fn every_malformed_field_is_named() {
        let cases = [
            ("t=20180518T220500", "t=2018-05-18", Field::ReceiptDate),
            ("t=20180518T220500", "t=20180230T220500", Field::ReceiptDate),
            ("t=20180518T220500", "t=20180518T250500", Field::ReceiptDate),
            ("t=20180518T220500", "t=20180518T22", Field::ReceiptDate),
            ("t=20180518T220500", "t=", Field::ReceiptDate),
            ("s=975.88", "s=-975.88", Field::ReceiptTotal),
            ("s=975.88", "s=975.888", Field::ReceiptTotal),
            ("s=975.88", "s=0", Field::ReceiptTotal),
            ("s=975.88", "s=1e9", Field::ReceiptTotal),
            ("s=975.88", "s=999999999999", Field::ReceiptTotal),
            ("s=975.88", "s=99999999999999999999", Field::ReceiptTotal),
            ("s=975.88", "s=", Field::ReceiptTotal),
            (
                "fn=8710000101125654",
                "fn=871000010112565",
                Field::FiscalDrive,
            ),
            (
                "fn=8710000101125654",
                "fn=87100001011256540",
                Field::FiscalDrive,
            ),
            (
                "fn=8710000101125654",
                "fn=871000010112565X",
                Field::FiscalDrive,
            ),
            ("i=99456", "i=abc", Field::FiscalDocument),
            ("i=99456", "i=0", Field::FiscalDocument),
            ("i=99456", "i=12345678901", Field::FiscalDocument),
            ("fp=1250448795", "fp=12504487951", Field::FiscalSign),
            ("fp=1250448795", "fp=4294967296", Field::FiscalSign),
            ("fp=1250448795", "fp=-1", Field::FiscalSign),
            ("n=1", "n=7", Field::ReceiptKind),
            ("n=1", "n=", Field::ReceiptKind),
        ];
        for (good, bad, field) in cases {
            let text = SAMPLE.replace(good, bad);
            assert_eq!(FiscalQr::parse(&text), Err(QrError::Bad(field)), "{text}");
        }
    }

    #[test]
    fn missing_and_doubled_keys_are_refused() {
        for key in ["t=20180518T220500&", "s=975.88&", "&fp=1250448795", "&n=1"] {
            let text = SAMPLE.replace(key, "");
            assert!(
                matches!(FiscalQr::parse(&text), Err(QrError::Bad(_))),
                "{text}"
            );
        }
        let text = SAMPLE.replace("fn=8710000101125654&", "");
        assert_eq!(
            FiscalQr::parse(&text),
            Err(QrError::Bad(Field::FiscalDrive))
        );
        let twice = format!("{SAMPLE}&s=1.00");
        assert_eq!(FiscalQr::parse(&twice), Err(QrError::Bad(Field::ReceiptQr)));
        assert_eq!(
            FiscalQr::parse("t=20180518T220500%2"),
            Err(QrError::Bad(Field::ReceiptQr))
        );
    }

    #[test]
    fn refunds_and_expenses_are_not_sales() {
        let refund = SAMPLE.replace("n=1", "n=2");
        assert_eq!(
            FiscalQr::parse(&refund),
            Err(QrError::NotASale { refund: true })
        );
        let expense = SAMPLE.replace("n=1", "n=3");
        assert_eq!(
            FiscalQr::parse(&expense),
            Err(QrError::NotASale { refund: false })
        );
    }

    #[test]
    fn other_codes_are_not_receipts() {
        for text in [
            "",
            "https://workwell.example/c/ABCDEFGHJKMNPQRS",
            "ABCD-EFGH-JKMN-PQRS",
            "4601234567893",
            "WIFI:S:shop;T:WPA;P:secret;;",
            "t=20180518T220500",
        ] {
            assert_eq!(FiscalQr::parse(text), Err(QrError::NotAReceipt), "{text}");
        }
    }

    proptest! {
        #[test]
        fn any_well_formed_receipt_reads_back_exactly(
            day in 0i64..20_000,
            secs in 0i64..86_400,
            total in 1i64..=MAX_TOTAL,
            drive in "[0-9]{16}",
            document in 1u64..10_000_000_000,
            sign in 0u64..=u64::from(u32::MAX),
        ) {
            let qr = FiscalQr { wall_time: day * 86_400 + secs, total, drive, document, sign };
            prop_assert_eq!(FiscalQr::parse(&qr.to_text()), Ok(qr));
        }

        #[test]
        fn no_text_panics_and_what_reads_is_in_range(text in "\\PC{0,120}") {
            if let Ok(qr) = FiscalQr::parse(&text) {
                prop_assert!((1..=MAX_TOTAL).contains(&qr.total));
                prop_assert_eq!(qr.drive.len(), 16);
            }
        }

        #[test]
        fn a_damaged_field_never_reads_as_another_receipt(
            key in prop::sample::select(vec!["t", "s", "fn", "i", "fp"]),
            junk in "[a-zA-Z\\-]{1,6}",
        ) {
            let text = SAMPLE
                .split('&')
                .map(|p| if p.split('=').next() == Some(key) { format!("{key}={junk}") } else { p.to_string() })
                .collect::<Vec<_>>()
                .join("&");
            prop_assert!(matches!(FiscalQr::parse(&text), Err(QrError::Bad(_))));
        }
    }
}
