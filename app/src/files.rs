//! Files the app reads and hands out: CSV cells and lines (imports and exports of every area),
//! downloads, and QR codes (label sheets, invitation links).

/// One CSV line: commas separate, double quotes quote, `""` is a quote. (Quoted line breaks are not
/// supported: product data has none.)
pub fn split_csv_line(line: &str) -> Vec<String> {
    let mut cells = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.trim_end_matches('\r').chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                if let Some(s) = cells.last_mut() {
                    s.push('"')
                }
            }
            ('"', _) => quoted = !quoted,
            (',', false) => cells.push(String::new()),
            (c, _) => {
                if let Some(s) = cells.last_mut() {
                    s.push(c)
                }
            }
        }
    }
    cells
}

/// Text made safe inside HTML written by hand (an element's text or a quoted attribute): the
/// label sheet, the offline page.
pub fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

pub fn csv_cell(s: &str) -> String {
    // A leading =, +, - or @ would be a formula in a spreadsheet; quote-prefix it.
    let s = if s.starts_with(['=', '+', '-', '@']) && s.parse::<i64>().is_err() {
        format!("'{s}")
    } else {
        s.to_string()
    };
    // Quoted when it holds either separator, so one cell reads the same in a `,` or a `;` file.
    if s.contains([',', ';', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

#[cfg(feature = "ssr")]
pub use ssr::*;

#[cfg(feature = "ssr")]
mod ssr {
    use crate::earn::code::UnitCode;
    use axum::http::{HeaderValue, header};
    use axum::response::{IntoResponse, Response};

    /// A CSV answer the browser saves as `filename`, never cached.
    pub fn download(body: String, filename: &str) -> Response {
        let mut r = body.into_response();
        let h = r.headers_mut();
        h.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/csv; charset=utf-8"),
        );
        if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{filename}\"")) {
            h.insert(header::CONTENT_DISPOSITION, v);
        }
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        r
    }

    /// The QR code for a label, as inline SVG: the site's claim address for this code, so a phone's own
    /// camera app opens the claim page with the code filled in.
    pub fn qr_svg(public_url: &str, code: &UnitCode) -> Option<String> {
        qr_svg_of(&format!("{public_url}/c/{}", code.as_str()))
    }

    /// Any short text (a link) as an inline SVG QR code.
    pub fn qr_svg_of(data: &str) -> Option<String> {
        let qr = qrcode::QrCode::with_error_correction_level(data.as_bytes(), qrcode::EcLevel::M)
            .ok()?;
        Some(
            qr.render::<qrcode::render::svg::Color>()
                .min_dimensions(120, 120)
                .quiet_zone(true)
                .build(),
        )
    }
}
