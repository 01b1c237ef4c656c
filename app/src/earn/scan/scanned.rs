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
    /// A retail barcode (EAN/UPC): the product, not the unit; its digits as read.
    ProductBarcode(String),
    /// A code that is not ours, or one of ours with a typo the check character caught; `text` is
    /// what was read, cut to a length a list row can show.
    NotOurs { text: String, why: CodeError },
    /// A fiscal receipt's QR code (or something close enough to be one with a fault): the
    /// purchase is claimed on its own screen, which says what is wrong with it if anything.
    Receipt(String),
}

/// Whether a text is a receipt's QR (well formed or not) rather than some other code.
pub fn is_receipt(text: &str) -> bool {
    !matches!(
        crate::receipt::qr::FiscalQr::parse(text),
        Err(crate::receipt::qr::QrError::NotAReceipt)
    )
}

/// The claim screen for a receipt's QR text.
pub fn receipt_href(text: &str) -> String {
    let text: String = text.trim().chars().take(600).collect();
    format!("/claims/new?qr={}", crate::domain::url_escape(&text))
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
        return Seen::ProductBarcode(text.trim().chars().take(20).collect());
    }
    if is_receipt(text) {
        return Seen::Receipt(text.trim().chars().take(600).collect());
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
    fn a_receipt_qr_goes_to_the_claim_screen() {
        let qr = "t=20180518T220500&s=975.88&fn=8710000101125654&i=99456&fp=1250448795&n=1";
        assert_eq!(classify(qr, "qr_code"), Seen::Receipt(qr.to_string()));
        // A refund is still a receipt: its screen says why it earns nothing.
        let refund = qr.replace("n=1", "n=2");
        assert_eq!(classify(&refund, "qr_code"), Seen::Receipt(refund.clone()));
        assert!(receipt_href(qr).starts_with("/claims/new?qr=t%3D20180518T220500%26s%3D975.88"));
    }

    #[test]
    fn retail_barcodes_are_the_product_not_the_unit() {
        assert_eq!(
            classify("4006381333931", "ean_13"),
            Seen::ProductBarcode("4006381333931".into())
        );
        assert_eq!(
            classify("96385074", "ean_8"),
            Seen::ProductBarcode("96385074".into())
        );
        assert_eq!(
            classify("036000291452", "upc_a"),
            Seen::ProductBarcode("036000291452".into())
        );
        // A GTIN carried by another symbology is still the product's number.
        assert_eq!(
            classify("04006381333931", "code_128"),
            Seen::ProductBarcode("04006381333931".into())
        );
        assert_eq!(
            classify("4006381333931", "qr_code"),
            Seen::ProductBarcode("4006381333931".into())
        );
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
