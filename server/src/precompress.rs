//! The built JS, WASM and CSS, compressed once at the highest settings and kept beside the files
//! (`name.br`, `name.gz`), so a phone downloads the smallest bundle without the server spending
//! seconds of CPU on each request. On-the-fly compression (quality 4 for brotli) stays for
//! everything else.
//!
//! Only files whose name carries a content hash are compressed: their contents can never change
//! under the same name, so a compressed copy beside them is never stale. Files larger than
//! [`MAX_BYTES`] are left to on-the-fly compression: a release build has none (a debug build, whose
//! server does not call this, would), and compressing them at these settings would take long.

use std::io::Write;
use std::path::{Path, PathBuf};

/// A release build's largest file is about 1.5 MB; a debug build's main WASM is tens of MB.
pub const MAX_BYTES: u64 = 4 * 1024 * 1024;

/// What one pass over the build folder did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// Files compressed in this pass.
    pub compressed: usize,
    /// Files that already had both compressed copies.
    pub already: usize,
    /// Hashed files left to on-the-fly compression for their size.
    pub too_large: usize,
}

/// Compresses every hashed JS, WASM and CSS file in `dir` that lacks its `.br` or `.gz` copy.
/// Each copy is written to a temporary name and renamed into place, so a request never sees half
/// a file.
pub fn precompress_dir(dir: &Path) -> std::io::Result<Report> {
    let mut report = Report::default();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        if !crate::http::is_hashed_asset(name) || !entry.file_type()?.is_file() {
            continue;
        }
        if entry.metadata()?.len() > MAX_BYTES {
            report.too_large += 1;
            continue;
        }
        let br = sibling(&path, "br");
        let gz = sibling(&path, "gz");
        if br.exists() && gz.exists() {
            report.already += 1;
            continue;
        }
        let raw = std::fs::read(&path)?;
        if !br.exists() {
            write_atomically(&br, &brotli_best(&raw)?)?;
        }
        if !gz.exists() {
            write_atomically(&gz, &gzip_best(&raw)?)?;
        }
        report.compressed += 1;
    }
    Ok(report)
}

/// Brotli at quality 11 with the largest standard window (16 MB): the whole file is one window.
pub fn brotli_best(raw: &[u8]) -> std::io::Result<Vec<u8>> {
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 24,
        size_hint: raw.len(),
        ..Default::default()
    };
    let mut out = Vec::with_capacity(raw.len() / 3);
    brotli::BrotliCompress(&mut &raw[..], &mut out, &params)?;
    Ok(out)
}

/// Gzip at level 9, for browsers that do not offer brotli (Chromium offers it over HTTPS only).
pub fn gzip_best(raw: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut enc = flate2::write::GzEncoder::new(
        Vec::with_capacity(raw.len() / 2),
        flate2::Compression::best(),
    );
    enc.write_all(raw)?;
    enc.finish()
}

fn sibling(path: &Path, ext: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(ext);
    PathBuf::from(name)
}

fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(format!(".tmp{}", std::process::id()));
    let tmp = PathBuf::from(tmp);
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn compresses_hashed_files_once_and_leaves_the_rest() {
        let dir = tempfile::tempdir().unwrap();
        let wasm: Vec<u8> = (0..200_000u32)
            .flat_map(|i| (i % 251).to_le_bytes())
            .collect();
        let hashed = dir.path().join("workwell.AbCdEfGhIjKlMnOp.wasm");
        std::fs::write(&hashed, &wasm).unwrap();
        std::fs::write(dir.path().join("workwell.js"), b"plain").unwrap();
        std::fs::write(dir.path().join("notes.txt"), b"text").unwrap();

        let first = precompress_dir(dir.path()).unwrap();
        assert_eq!(
            first,
            Report {
                compressed: 1,
                already: 0,
                too_large: 0
            }
        );

        let br = std::fs::read(sibling(&hashed, "br")).unwrap();
        let mut back = Vec::new();
        brotli::Decompressor::new(&br[..], 4096)
            .read_to_end(&mut back)
            .unwrap();
        assert_eq!(back, wasm);
        assert!(br.len() < wasm.len() / 10, "brotli: {} bytes", br.len());

        let gz = std::fs::read(sibling(&hashed, "gz")).unwrap();
        let mut back = Vec::new();
        flate2::read::GzDecoder::new(&gz[..])
            .read_to_end(&mut back)
            .unwrap();
        assert_eq!(back, wasm);

        assert!(!dir.path().join("workwell.js.br").exists());
        assert!(!dir.path().join("notes.txt.br").exists());
        let leftovers: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|n| n.contains(".tmp"))
            .collect();
        assert!(leftovers.is_empty(), "{leftovers:?}");

        let second = precompress_dir(dir.path()).unwrap();
        assert_eq!(
            second,
            Report {
                compressed: 0,
                already: 1,
                too_large: 0
            }
        );
    }
}
