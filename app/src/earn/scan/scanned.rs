//! What the camera saw, before anything is sent: a unit code of ours, the product's own retail
//! barcode (printed on every box, easy to scan by mistake), or something else. Pure and shared by
//! both decoders (the browser's `BarcodeDetector` and our WASM one), so it is unit-tested here.

use crate::earn::code::{CodeError, UnitCode};

/// Barcode symbologies the Scan screen reads, named as the browser's `BarcodeDetector` names them.
pub const FORMATS: [&str; 6] = [
    "qr_code",
    "data_matrix",
    "ean_13",
    "ean_8",
    "upc_a",
    "code_128",
];

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Seen {
    /// One of our unit codes (bare, grouped, or inside the label's `/c/CODE` address).
    Unit(UnitCode),
    /// A retail barcode (EAN/UPC): the product, not the unit.
    ProductBarcode,
    /// A code that is not ours, or one of ours with a typo the check character caught; `text` is
    /// what was read, cut to a length a list row can show.
    NotOurs { text: String, why: CodeError },
}

/// Retail symbologies: whatever they carry, it is the product's barcode.
fn is_retail(format: &str) -> bool {
    matches!(format, "ean_13" | "ean_8" | "upc_a" | "upc_e")
}

/// Digits only, of a retail barcode's length (a Code 128 or QR carrying a GTIN).
fn looks_like_gtin(text: &str) -> bool {
    let t = text.trim();
    matches!(t.len(), 8 | 12 | 13 | 14) && t.bytes().all(|b| b.is_ascii_digit())
}

pub fn classify(text: &str, format: &str) -> Seen {
    if is_retail(format) || looks_like_gtin(text) {
        return Seen::ProductBarcode;
    }
    match UnitCode::from_scanned(text) {
        Ok(code) => Seen::Unit(code),
        Err(why) => Seen::NotOurs {
            text: text.trim().chars().take(40).collect(),
            why,
        },
    }
}

/// Grey levels of an RGBA frame (ITU-R BT.601 weights in integers), as the decoder wants them.
pub fn luma_of_rgba(rgba: &[u8]) -> Vec<u8> {
    rgba.chunks_exact(4)
        .map(|p| ((77 * p[0] as u32 + 150 * p[1] as u32 + 29 * p[2] as u32) >> 8) as u8)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn some_code() -> UnitCode {
        UnitCode::from_bits(0x1234_5678_9abc_def0_1122)
    }

    #[test]
    fn a_label_address_is_a_unit_code() {
        let code = some_code();
        let url = format!("https://workwell.example/c/{}", code.as_str());
        assert_eq!(classify(&url, "qr_code"), Seen::Unit(code.clone()));
        assert_eq!(
            classify(&code.grouped(), "data_matrix"),
            Seen::Unit(code.clone())
        );
        assert_eq!(classify(code.as_str(), "code_128"), Seen::Unit(code));
    }

    #[test]
    fn retail_barcodes_are_the_product_not_the_unit() {
        assert_eq!(classify("4006381333931", "ean_13"), Seen::ProductBarcode);
        assert_eq!(classify("96385074", "ean_8"), Seen::ProductBarcode);
        assert_eq!(classify("036000291452", "upc_a"), Seen::ProductBarcode);
        // A GTIN carried by another symbology is still the product's number.
        assert_eq!(classify("04006381333931", "code_128"), Seen::ProductBarcode);
        assert_eq!(classify("4006381333931", "qr_code"), Seen::ProductBarcode);
    }

    #[test]
    fn other_codes_say_why_they_are_not_ours() {
        assert!(matches!(
            classify("https://example.com/menu", "qr_code"),
            Seen::NotOurs { .. }
        ));
        let code = some_code();
        let mut typo: Vec<char> = code.as_str().chars().collect();
        typo[3] = if typo[3] == 'A' { 'B' } else { 'A' };
        let typo: String = typo.into_iter().collect();
        assert!(matches!(classify(&typo, "qr_code"), Seen::NotOurs { .. }));
    }

    #[test]
    fn luma_weights_cover_black_white_and_primaries() {
        let rgba = [
            0, 0, 0, 255, 255, 255, 255, 255, 255, 0, 0, 255, 0, 255, 0, 255,
        ];
        assert_eq!(luma_of_rgba(&rgba), vec![0, 255, 76, 149]);
    }
}
