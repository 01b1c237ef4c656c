//! Our own barcode decoder for browsers without `BarcodeDetector` (iPhones, desktop Linux Chromium):
//! rxing, a Rust port of ZXing, compiled into the browser bundle. It is about a megabyte, so it is
//! a lazily loaded function: built with `cargo leptos build --split` it lives in its own WASM chunk
//! that the browser fetches the first time the Scan screen asks for it, never on Home.

use leptos::lazy;

/// Finds one QR, DataMatrix, EAN-13/EAN-8/UPC-A or Code 128 symbol in a grey frame; its text and
/// format (named as `BarcodeDetector` names them), or `None` when the frame holds none.
#[lazy]
pub fn decode_luma(luma: Vec<u8>, width: u32, height: u32) -> Option<(String, String)> {
    use rxing::{BarcodeFormat, DecodeHints, helpers::detect_in_luma_with_hints};
    use std::collections::HashSet;

    let formats = HashSet::from([
        BarcodeFormat::QR_CODE,
        BarcodeFormat::DATA_MATRIX,
        BarcodeFormat::EAN_13,
        BarcodeFormat::EAN_8,
        BarcodeFormat::UPC_A,
        BarcodeFormat::CODE_128,
    ]);
    let mut hints = DecodeHints {
        PossibleFormats: Some(formats),
        TryHarder: Some(true),
        ..DecodeHints::default()
    };
    let found = detect_in_luma_with_hints(luma, width, height, None, &mut hints).ok()?;
    let format = match found.getBarcodeFormat() {
        BarcodeFormat::QR_CODE => "qr_code",
        BarcodeFormat::DATA_MATRIX => "data_matrix",
        BarcodeFormat::EAN_13 => "ean_13",
        BarcodeFormat::EAN_8 => "ean_8",
        BarcodeFormat::UPC_A => "upc_a",
        BarcodeFormat::CODE_128 => "code_128",
        _ => "other",
    };
    Some((found.getText().to_string(), format.to_string()))
}
