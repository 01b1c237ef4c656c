//! Unit codes: the code printed on each unit, typed or scanned to claim its points.
//!
//! A code is 15 random symbols (75 bits) of Crockford's base-32 alphabet plus one check symbol,
//! shown as four groups of four: `ABCD-EFGH-JKMN-PQRS`. The alphabet has no I, L, O or U, and when
//! reading we take I and L as 1 and O as 0, the way people mistype them.
//!
//! The check symbol makes the weighted sum Σ αⁱ·dᵢ over all 16 positions zero in the field GF(32)
//! (α a primitive element, so the sixteen weights α⁰…α¹⁵ are distinct and non-zero). Changing one
//! symbol by a non-zero difference e changes the sum by αⁱ·e ≠ 0; swapping neighbours a ≠ b changes
//! it by (αⁱ − αⁱ⁺¹)(a − b) ≠ 0. So every single substitution and every adjacent transposition is
//! caught in the browser, before the server is asked.

use serde::{Deserialize, Serialize};
use std::fmt;

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// x⁵ + x² + 1, a primitive polynomial over GF(2). Symbols are its residues: 5-bit numbers whose
/// bit k is the coefficient of xᵏ.
const POLY: u8 = 0b10_0101;

/// Multiplies a field element by α = x: shift up one degree, and reduce by the polynomial when the
/// x⁵ term appears.
const fn times_alpha(a: u8) -> u8 {
    let a = a << 1;
    if a & 0b10_0000 != 0 { a ^ POLY } else { a }
}

/// Product in GF(32), shift-and-add (addition is XOR).
const fn gf_mul(mut a: u8, mut b: u8) -> u8 {
    let mut p = 0u8;
    while b != 0 {
        if b & 1 != 0 {
            p ^= a;
        }
        b >>= 1;
        a = times_alpha(a);
    }
    p
}

/// αⁱ for i in 0..16: the weight of position i.
const fn weights() -> [u8; 16] {
    let mut w = [0u8; 16];
    let mut v: u8 = 1;
    let mut i = 0;
    while i < 16 {
        w[i] = v;
        v = times_alpha(v);
        i += 1;
    }
    w
}
const WEIGHTS: [u8; 16] = weights();

/// α⁻¹⁵: α has order 31, so α⁻¹⁵ = α¹⁶.
const INV_LAST_WEIGHT: u8 = times_alpha(WEIGHTS[15]);

/// A typed character's value, with Crockford's reading rules: any case, I and L read as 1, O as 0.
fn value_of(c: char) -> Option<u8> {
    let c = match c.to_ascii_uppercase() {
        'I' | 'L' => '1',
        'O' => '0',
        other => other,
    };
    ALPHABET
        .iter()
        .position(|&a| a as char == c)
        .map(|p| p as u8)
}

fn weighted_sum(values: &[u8]) -> u8 {
    values
        .iter()
        .zip(WEIGHTS)
        .fold(0, |acc, (&v, w)| acc ^ gf_mul(v, w))
}

/// The check symbol's value for 15 data values: the c with s + α¹⁵·c = 0, i.e. c = s·α⁻¹⁵.
fn check_value(data: &[u8]) -> u8 {
    gf_mul(weighted_sum(data), INV_LAST_WEIGHT)
}

fn to_symbols(values: &[u8]) -> String {
    values
        .iter()
        .map(|&v| ALPHABET[usize::from(v)] as char)
        .collect()
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct UnitCode(String);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CodeError {
    Empty,
    BadCharacter(char),
    WrongLength {
        len: usize,
    },
    /// The check symbol does not match: a mistyped or swapped character.
    Typo,
}

impl CodeError {
    /// How close to a real code the input looked (for choosing which error to report).
    fn rank(self) -> u8 {
        match self {
            CodeError::Typo => 3,
            CodeError::BadCharacter(_) => 2,
            CodeError::WrongLength { .. } => 1,
            CodeError::Empty => 0,
        }
    }
}

impl UnitCode {
    pub const DATA_LEN: usize = 15;
    pub const LEN: usize = 16;

    /// A code from the low 75 bits of `bits` (most significant first), with its check symbol.
    pub fn from_bits(bits: u128) -> UnitCode {
        let mut values = [0u8; Self::LEN];
        for (i, v) in values[..Self::DATA_LEN].iter_mut().enumerate() {
            *v = ((bits >> (5 * (Self::DATA_LEN - 1 - i))) & 0b1_1111) as u8;
        }
        values[Self::DATA_LEN] = check_value(&values[..Self::DATA_LEN]);
        UnitCode(to_symbols(&values))
    }

    /// What a person types: any case; spaces, `-` and `_` ignored; I and L read as 1, O as 0.
    ///
    /// A character outside the alphabet is reported first (the first one as typed), then a wrong
    /// number of symbols, then a failed check.
    pub fn parse(input: &str) -> Result<UnitCode, CodeError> {
        let mut values = [0u8; Self::LEN];
        let mut count = 0usize;
        let mut bad = None;
        for c in input.chars() {
            if c.is_whitespace() || c == '-' || c == '_' {
                continue;
            }
            match value_of(c) {
                Some(v) => {
                    // Only a 16-symbol input is checked, so longer ones are just counted.
                    if let Some(slot) = values.get_mut(count) {
                        *slot = v;
                    }
                }
                None => {
                    // A control character (NUL and the like) is named by a visible stand-in.
                    bad.get_or_insert(if c.is_control() {
                        char::REPLACEMENT_CHARACTER
                    } else {
                        c
                    });
                }
            }
            count += 1;
        }
        if let Some(c) = bad {
            return Err(CodeError::BadCharacter(c));
        }
        if count == 0 {
            return Err(CodeError::Empty);
        }
        if count != Self::LEN {
            return Err(CodeError::WrongLength { len: count });
        }
        if weighted_sum(&values) != 0 {
            return Err(CodeError::Typo);
        }
        Ok(UnitCode(to_symbols(&values)))
    }

    /// What a scanner reads: the bare code, or text holding it — a label's URL (`…/c/CODE`), a
    /// query (`?code=CODE`), a prefixed payload (`WW:CODE`). A URL with a mistyped code still says
    /// [`CodeError::Typo`].
    pub fn from_scanned(text: &str) -> Result<UnitCode, CodeError> {
        let text = text.trim();
        let len = text.chars().count();
        if len > 512 {
            return Err(CodeError::WrongLength { len });
        }
        let whole = UnitCode::parse(text);
        // Control characters separate parts too: GS1 payloads use the group separator (0x1D), and
        // whatever else a scanner or a hostile client sends is read the same way on every path.
        let separates = |c: char| matches!(c, ':' | '/' | '?' | '=' | '&' | '#') || c.is_control();
        if whole.is_ok() || !text.contains(separates) {
            return whole;
        }
        let mut best: Option<(CodeError, usize)> = None;
        for piece in text
            .split(|c: char| separates(c) || c.is_whitespace())
            .rev()
            .filter(|p| !p.is_empty())
        {
            match UnitCode::parse(piece) {
                Ok(code) => return Ok(code),
                Err(e) => {
                    let symbols = piece
                        .chars()
                        .filter(|c| !matches!(c, '-' | '_') && !c.is_whitespace())
                        .count();
                    let distance = symbols.abs_diff(Self::LEN);
                    let better = match best {
                        None => true,
                        Some((b, d)) => distance < d || (distance == d && e.rank() > b.rank()),
                    };
                    if better {
                        best = Some((e, distance));
                    }
                }
            }
        }
        // Nothing but separators: what was wrong with the whole text (a bare NUL is a bad
        // character, not an empty field).
        match (best, whole) {
            (Some((e, _)), _) | (None, Err(e)) => Err(e),
            (None, Ok(code)) => Ok(code),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The one spelling of whatever was scanned or typed, as the server reads it: the grouped
    /// code when there is one (`td8h d3db…`, `TD8H-D3DB…` and its label URL are the same scan),
    /// otherwise the text trimmed, so the server can say what is wrong with it. The offline queue
    /// keeps codes in this form, and a batch counts each once.
    pub fn queue_form(text: &str) -> String {
        UnitCode::from_scanned(text).map_or_else(|_| text.trim().to_string(), |c| c.grouped())
    }

    /// `ABCD-EFGH-JKMN-PQRS`
    pub fn grouped(&self) -> String {
        let mut out = String::with_capacity(19);
        for (i, c) in self.0.chars().enumerate() {
            if i > 0 && i % 4 == 0 {
                out.push('-');
            }
            out.push(c);
        }
        out
    }

    /// For values read back from the database, which only ever holds canonical codes.
    pub fn from_trusted(canonical: String) -> UnitCode {
        UnitCode(canonical)
    }
}

impl fmt::Display for UnitCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.grouped())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::HashMap;

    const LOW_75: u128 = (1 << 75) - 1;

    /// splitmix64, for deterministic sample inputs.
    fn splitmix(seed: u64) -> impl FnMut() -> u64 {
        let mut x = seed;
        move || {
            x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = x;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        }
    }

    fn sample_bits(n: usize) -> Vec<u128> {
        let mut next = splitmix(0x5EED);
        (0..n)
            .map(|_| {
                let hi = u128::from(next());
                (hi << 64) | u128::from(next())
            })
            .collect()
    }

    fn sample(n: usize) -> Vec<UnitCode> {
        sample_bits(n)
            .into_iter()
            .map(UnitCode::from_bits)
            .collect()
    }

    /// Reads the 75 data bits back out of a code, independently of `from_bits`.
    fn decode(code: &UnitCode) -> u128 {
        code.as_str()[..UnitCode::DATA_LEN]
            .bytes()
            .fold(0, |acc, b| {
                let v = ALPHABET
                    .iter()
                    .position(|&a| a == b)
                    .expect("canonical symbol");
                (acc << 5) | v as u128
            })
    }

    fn with_symbol(code: &UnitCode, pos: usize, c: char) -> String {
        let mut symbols: Vec<char> = code.as_str().chars().collect();
        symbols[pos] = c;
        symbols.into_iter().collect()
    }

    #[test]
    fn the_field_weights_are_distinct_and_non_zero() {
        let mut w = WEIGHTS.to_vec();
        assert!(w.iter().all(|&v| v != 0 && v < 32));
        w.sort_unstable();
        w.dedup();
        assert_eq!(w.len(), 16);
        // α really has order 31, and α⁻¹⁵ is the inverse of α¹⁵.
        let mut v = 1;
        for k in 1..=31 {
            v = times_alpha(v);
            assert_eq!(v == 1, k == 31, "α^{k}");
        }
        assert_eq!(gf_mul(WEIGHTS[15], INV_LAST_WEIGHT), 1);
        // Multiplication is closed in 5 bits and distributes over XOR.
        for a in 0..32 {
            for b in 0..32 {
                assert!(gf_mul(a, b) < 32);
                assert_eq!(gf_mul(a, b ^ 7), gf_mul(a, b) ^ gf_mul(a, 7));
            }
        }
    }

    #[test]
    fn every_single_substitution_is_caught() {
        for code in sample(300) {
            let symbols: Vec<char> = code.as_str().chars().collect();
            for (pos, &was) in symbols.iter().enumerate().take(UnitCode::LEN) {
                for other in ALPHABET.iter().map(|&b| b as char) {
                    if other == was {
                        continue;
                    }
                    let typed = with_symbol(&code, pos, other);
                    assert_eq!(
                        UnitCode::parse(&typed),
                        Err(CodeError::Typo),
                        "{code} → {typed}"
                    );
                }
                // Letters read as digits count as the digit they read as, in either case.
                for (letter, reads_as) in [('I', '1'), ('L', '1'), ('O', '0')] {
                    if symbols[pos] == reads_as {
                        continue;
                    }
                    for typed_letter in [letter, letter.to_ascii_lowercase()] {
                        let typed = with_symbol(&code, pos, typed_letter);
                        assert_eq!(UnitCode::parse(&typed), Err(CodeError::Typo), "{typed}");
                    }
                }
            }
        }
    }

    #[test]
    fn every_adjacent_transposition_is_caught() {
        let mut swaps = 0;
        for code in sample(300) {
            let symbols: Vec<char> = code.as_str().chars().collect();
            for pos in 0..UnitCode::LEN - 1 {
                if symbols[pos] == symbols[pos + 1] {
                    continue;
                }
                let mut swapped = symbols.clone();
                swapped.swap(pos, pos + 1);
                let typed: String = swapped.into_iter().collect();
                assert_eq!(
                    UnitCode::parse(&typed),
                    Err(CodeError::Typo),
                    "{code} → {typed}"
                );
                swaps += 1;
            }
        }
        // Including the data/check boundary, almost every neighbour pair differs.
        assert!(swaps > 300 * 14, "{swaps}");
    }

    #[test]
    fn codes_read_back_however_they_are_typed() {
        for code in sample(50) {
            assert_eq!(code.grouped().len(), 19);
            assert_eq!(code.to_string(), code.grouped());
            assert_eq!(UnitCode::parse(&code.grouped()), Ok(code.clone()));
            assert_eq!(UnitCode::parse(code.as_str()), Ok(code.clone()));
            assert_eq!(
                UnitCode::parse(&code.grouped().to_lowercase()),
                Ok(code.clone())
            );
            let spaced = code.grouped().replace('-', " ");
            assert_eq!(UnitCode::parse(&format!("  {spaced} ")), Ok(code.clone()));
            let underscored = code.grouped().replace('-', "_");
            assert_eq!(UnitCode::parse(&underscored), Ok(code.clone()));
        }
    }

    #[test]
    fn every_spelling_of_a_unit_is_queued_as_one() {
        let code = UnitCode::from_bits(0x1234_5678_9abc_def0_1234);
        let spellings = [
            code.grouped(),
            code.grouped().to_lowercase(),
            code.as_str().to_string(),
            format!(" {} ", code.as_str().to_lowercase()),
            format!("https://example.test/c/{}", code.as_str()),
        ];
        for s in &spellings {
            assert_eq!(UnitCode::queue_form(s), code.grouped(), "{s}");
        }
    }

    #[test]
    fn i_l_and_o_read_as_one_one_and_zero() {
        // Data symbols 1 0 1 A B C D E F G H J K 1 0 (values 10..=19 are A..K).
        let data: [u8; 15] = [1, 0, 1, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 1, 0];
        let bits = data
            .iter()
            .fold(0u128, |acc, &v| (acc << 5) | u128::from(v));
        let code = UnitCode::from_bits(bits);
        assert_eq!(&code.as_str()[..15], "101ABCDEFGHJK10");
        // "l0I" / "lo" in various cases: every 1 typed as l or I, every 0 as o or O.
        let typed = format!("lOIa-bcde-fghj-kio{}", &code.as_str()[15..]);
        assert_eq!(UnitCode::parse(&typed), Ok(code.clone()));
        let typed = format!("Lo1ABCDEFGHJKLo{}", &code.as_str()[15..]);
        assert_eq!(UnitCode::parse(&typed), Ok(code));
    }

    #[test]
    fn bad_input_says_what_is_wrong() {
        assert_eq!(UnitCode::parse(""), Err(CodeError::Empty));
        assert_eq!(UnitCode::queue_form("  not a code "), "not a code");
        assert_eq!(UnitCode::parse("   "), Err(CodeError::Empty));
        assert_eq!(UnitCode::parse(" \t\n"), Err(CodeError::Empty));
        assert_eq!(UnitCode::parse("- _ -"), Err(CodeError::Empty));
        let good = sample(1).remove(0);
        assert_eq!(
            UnitCode::parse(&with_symbol(&good, 3, 'U')),
            Err(CodeError::BadCharacter('U'))
        );
        assert_eq!(
            UnitCode::parse(&with_symbol(&good, 3, 'u')),
            Err(CodeError::BadCharacter('u'))
        );
        // The first offending character, as typed, even when the length is wrong too.
        assert_eq!(UnitCode::parse("AB*Ж-U"), Err(CodeError::BadCharacter('*')));
        assert_eq!(
            UnitCode::parse(&good.as_str()[..15]),
            Err(CodeError::WrongLength { len: 15 })
        );
        assert_eq!(
            UnitCode::parse(&format!("{}A", good.grouped())),
            Err(CodeError::WrongLength { len: 17 })
        );
        assert_eq!(
            UnitCode::parse(&"7".repeat(10_000)),
            Err(CodeError::WrongLength { len: 10_000 })
        );
        assert_eq!(
            UnitCode::parse("ABCD-ЖFGH-JKMN-PQRS"),
            Err(CodeError::BadCharacter('Ж'))
        );
        assert_eq!(
            UnitCode::parse("ABCD-EFGH-JKMN-PQR🦀"),
            Err(CodeError::BadCharacter('🦀'))
        );
    }

    #[test]
    fn scanned_text_yields_the_code_inside() {
        let code = sample(2).remove(1);
        let g = code.grouped();
        let c = code.as_str();
        for text in [
            format!("https://example.com/c/{g}"),
            format!("https://x.io/scan?code={c}&utm=1"),
            format!("WW:{g}"),
            format!("  {g}  "),
            c.to_lowercase().to_string(),
            format!("https://example.com/c/{g}#top"),
            format!("https://example.com/c/{g}/"),
        ] {
            assert_eq!(UnitCode::from_scanned(&text), Ok(code.clone()), "{text}");
        }
    }

    #[test]
    fn scanned_text_with_a_typo_says_typo() {
        let code = sample(3).remove(2);
        let typo = with_symbol(
            &code,
            5,
            if &code.as_str()[5..6] == "A" {
                'B'
            } else {
                'A'
            },
        );
        for text in [
            format!("https://example.com/c/{typo}"),
            format!("https://x.io/scan?code={typo}&utm=1"),
            format!("WW:{typo}"),
            typo.clone(),
        ] {
            assert_eq!(
                UnitCode::from_scanned(&text),
                Err(CodeError::Typo),
                "{text}"
            );
        }
        // A piece with a bad character but the right length beats shorter, cleaner pieces.
        let bad = with_symbol(&code, 0, 'U');
        assert_eq!(
            UnitCode::from_scanned(&format!("https://example.com/c/{bad}?x=1")),
            Err(CodeError::BadCharacter('U'))
        );
    }

    #[test]
    fn control_characters_in_scanned_text_separate_parts_and_are_never_echoed() {
        let code = UnitCode::from_bits(0x1234_5678_9abc_def0_1234);
        // A GS1 payload's group separator, or a NUL a client put in front.
        for text in [
            format!("\u{1d}{code}"),
            format!("\0/{}", code.grouped()),
            format!("(01)123\u{1d}{code}"),
        ] {
            assert_eq!(UnitCode::from_scanned(&text), Ok(code.clone()), "{text:?}");
        }
        assert_eq!(
            UnitCode::from_scanned("\0"),
            Err(CodeError::BadCharacter(char::REPLACEMENT_CHARACTER))
        );
    }

    #[test]
    fn scanned_text_without_a_code_is_an_error() {
        for text in [
            "https://example.com/shop",
            "https://example.com/",
            "://?=&#",
            "WW:",
            "",
            "  ",
            "hello world",
            "https://пример.рф/с/ЖЖЖЖ-ЖЖЖЖ?код=🦀",
        ] {
            assert!(UnitCode::from_scanned(text).is_err(), "{text:?}");
        }
        assert_eq!(UnitCode::from_scanned(""), Err(CodeError::Empty));
        // Too long to be worth looking at, however the code is hidden inside.
        let code = sample(1).remove(0);
        let long = format!("https://example.com/{}/c/{code}", "a".repeat(500));
        assert_eq!(
            UnitCode::from_scanned(&long),
            Err(CodeError::WrongLength {
                len: long.chars().count()
            })
        );
        let short_enough = format!("https://example.com/{}/c/{code}", "a".repeat(450));
        assert_eq!(UnitCode::from_scanned(&short_enough), Ok(code));
    }

    #[test]
    fn codes_carry_exactly_their_75_bits() {
        let mut seen: HashMap<UnitCode, u128> = HashMap::new();
        let mut inputs = sample_bits(5_000);
        // Neighbours differing in a single low bit, and the extremes.
        inputs.extend((0..64).map(|k| 1u128 << k));
        inputs.extend([0, LOW_75, u128::MAX]);
        for bits in inputs {
            let code = UnitCode::from_bits(bits);
            assert_eq!(decode(&code), bits & LOW_75, "{code}");
            if let Some(&earlier) = seen.get(&code) {
                assert_eq!(earlier, bits & LOW_75, "two inputs gave {code}");
            }
            seen.insert(code, bits & LOW_75);
        }
        // Only the low 75 bits count.
        assert_eq!(UnitCode::from_bits(u128::MAX), UnitCode::from_bits(LOW_75));
        assert_eq!(UnitCode::from_bits(1 << 75), UnitCode::from_bits(0));
        assert_eq!(UnitCode::from_bits(0).as_str(), "0000000000000000");
    }

    #[test]
    fn trusted_values_and_serde_keep_the_canonical_form() {
        let code = sample(1).remove(0);
        assert_eq!(UnitCode::from_trusted(code.as_str().to_owned()), code);
        let json = serde_json::to_string(&code).expect("serialize");
        assert_eq!(json, format!("\"{}\"", code.as_str()));
        assert_eq!(serde_json::from_str::<UnitCode>(&json).ok(), Some(code));
        let e = CodeError::WrongLength { len: 3 };
        let json = serde_json::to_string(&e).expect("serialize");
        assert_eq!(serde_json::from_str::<CodeError>(&json).ok(), Some(e));
    }

    proptest! {
        #[test]
        fn any_bits_make_a_valid_code(bits in any::<u128>()) {
            let code = UnitCode::from_bits(bits);
            prop_assert_eq!(code.as_str().len(), UnitCode::LEN);
            prop_assert_eq!(UnitCode::parse(code.as_str()), Ok(code.clone()));
            prop_assert_eq!(UnitCode::parse(&code.grouped()), Ok(code.clone()));
            prop_assert_eq!(UnitCode::from_scanned(&code.grouped()), Ok(code.clone()));
            prop_assert_eq!(decode(&code), bits & LOW_75);
        }

        #[test]
        fn parsing_printable_text_never_panics(s in "\\PC{0,600}") {
            let _ = UnitCode::parse(&s);
            let _ = UnitCode::from_scanned(&s);
        }

        #[test]
        fn parsing_any_text_never_panics(s in ".*") {
            let _ = UnitCode::parse(&s);
            let _ = UnitCode::from_scanned(&s);
        }

        #[test]
        fn a_code_inside_any_url_is_found(bits in any::<u128>(), path in "[a-z]{0,12}") {
            let code = UnitCode::from_bits(bits);
            let text = format!("https://example.com/{path}/c/{}", code.grouped());
            prop_assert_eq!(UnitCode::from_scanned(&text), Ok(code));
        }

        #[test]
        fn any_single_substitution_is_caught(
            bits in any::<u128>(),
            pos in 0usize..16,
            sym in 0usize..32,
        ) {
            let code = UnitCode::from_bits(bits);
            let other = ALPHABET[sym] as char;
            prop_assume!(code.as_str().as_bytes()[pos] != ALPHABET[sym]);
            let typed = with_symbol(&code, pos, other);
            prop_assert_eq!(UnitCode::parse(&typed), Err(CodeError::Typo));
        }
    }
}
