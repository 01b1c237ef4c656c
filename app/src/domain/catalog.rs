//! Article numbers: GTIN-13 barcodes and SKUs.

use serde::{Deserialize, Serialize};

/// A GTIN-13 / EAN-13 article number with a valid check digit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Gtin(String);

impl Gtin {
    pub fn parse(input: &str) -> Option<Gtin> {
        let digits: String = input.chars().filter(|c| !c.is_whitespace()).collect();
        if digits.len() != 13 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let d: Vec<u32> = digits.bytes().map(|b| u32::from(b - b'0')).collect();
        let sum: u32 = d[..12]
            .iter()
            .enumerate()
            .map(|(i, v)| if i % 2 == 0 { *v } else { v * 3 })
            .sum();
        ((10 - sum % 10) % 10 == d[12]).then_some(Gtin(digits))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A product's stock-keeping unit: 1–40 of letters, digits, `.`, `-`, `_`; kept upper-case.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sku(String);

impl Sku {
    pub fn parse(input: &str) -> Option<Sku> {
        let s = input.trim().to_uppercase();
        let ok = (1..=40).contains(&s.len())
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_'));
        ok.then_some(Sku(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod article_tests {
    use super::*;

    #[test]
    fn gtin_check_digits_are_verified() {
        assert!(Gtin::parse("4006381333931").is_some());
        assert!(Gtin::parse("4006381 333931").is_some());
        assert!(Gtin::parse("4006381333932").is_none());
        assert!(Gtin::parse("400638133393").is_none());
        assert!(Gtin::parse("400638133393x").is_none());
        // Every single-digit change is caught.
        let good = "5901234123457";
        assert!(Gtin::parse(good).is_some());
        for i in 0..13 {
            for d in b'0'..=b'9' {
                let mut b = good.as_bytes().to_vec();
                if b[i] == d {
                    continue;
                }
                b[i] = d;
                assert!(Gtin::parse(std::str::from_utf8(&b).unwrap()).is_none());
            }
        }
    }

    #[test]
    fn skus_are_upper_cased_and_plain() {
        assert_eq!(Sku::parse(" tyre-r16 ").unwrap().as_str(), "TYRE-R16");
        for bad in ["", "a b", "x/y", &"A".repeat(41)] {
            assert!(Sku::parse(bad).is_none(), "{bad}");
        }
    }
}
