//! The barcode decoder the Scan screen uses where the browser has no `BarcodeDetector` of its own
//! (iPhones, desktop Linux): rxing, a Rust port of ZXing, built as a WASM module of its own.
//!
//! It is its own module, not part of the app's WASM, because of its size: its code and static tables
//! (rxing's and the character-set tables, about 240 KB) would be in the file Scan's island needs
//! before the camera is ever opened, and most visits to Scan never open it. A module of its own
//! carries its data with it, fetched only when the camera starts.

use wasm_bindgen::prelude::wasm_bindgen;

/// The formats we read, named as `BarcodeDetector` names them.
const FORMATS: [(rxing::BarcodeFormat, &str); 6] = [
    (rxing::BarcodeFormat::QR_CODE, "qr_code"),
    (rxing::BarcodeFormat::DATA_MATRIX, "data_matrix"),
    (rxing::BarcodeFormat::EAN_13, "ean_13"),
    (rxing::BarcodeFormat::EAN_8, "ean_8"),
    (rxing::BarcodeFormat::UPC_A, "upc_a"),
    (rxing::BarcodeFormat::CODE_128, "code_128"),
];

/// Finds one QR, DataMatrix, EAN-13/EAN-8/UPC-A or Code 128 symbol in a grey frame (`width` ×
/// `height` bytes, one per pixel): its format, a newline, and its text; `None` when the frame holds
/// none (or its size does not match).
#[wasm_bindgen]
pub fn decode(luma: Vec<u8>, width: u32, height: u32) -> Option<String> {
    use rxing::{DecodeHints, helpers::detect_in_luma_with_hints};

    if luma.len() as u64 != u64::from(width) * u64::from(height) || luma.is_empty() {
        return None;
    }
    let mut hints = DecodeHints {
        PossibleFormats: Some(FORMATS.iter().map(|(f, _)| *f).collect()),
        TryHarder: Some(true),
        ..DecodeHints::default()
    };
    let found = detect_in_luma_with_hints(luma, width, height, None, &mut hints).ok()?;
    let format = FORMATS
        .iter()
        .find(|(f, _)| *f == *found.getBarcodeFormat())
        .map_or("other", |(_, name)| name);
    Some(format!("{format}\n{}", found.getText()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A grey frame of a QR code: 4 pixels a module, a 4-module quiet zone.
    fn qr_frame(text: &str) -> (Vec<u8>, u32) {
        let code = qrcode::QrCode::new(text.as_bytes()).unwrap();
        let (modules, scale, quiet) = (code.width(), 4, 4);
        let side = (modules + 2 * quiet) * scale;
        let colors = code.to_colors();
        let mut luma = vec![255u8; side * side];
        for y in 0..side {
            for x in 0..side {
                let (mx, my) = (
                    (x / scale).wrapping_sub(quiet),
                    (y / scale).wrapping_sub(quiet),
                );
                if mx < modules && my < modules && colors[my * modules + mx] == qrcode::Color::Dark
                {
                    luma[y * side + x] = 0;
                }
            }
        }
        (luma, side as u32)
    }

    #[test]
    fn reads_a_label_qr() {
        let label = "https://workwell.example/c/ABCD-EFGH-JKMN-PQRS";
        let (luma, side) = qr_frame(label);
        assert_eq!(
            decode(luma, side, side).as_deref(),
            Some(&*format!("qr_code\n{label}"))
        );
    }

    #[test]
    fn a_frame_of_the_wrong_size_or_without_a_code_reads_nothing() {
        assert_eq!(decode(vec![255; 10], 4, 4), None);
        assert_eq!(decode(Vec::new(), 0, 0), None);
        assert_eq!(decode(vec![255; 64 * 48], 64, 48), None);
    }
}
