//! The installable app's two texts that are not pages: the web app manifest (its name,
//! description and shortcut) and the page shown without signal, each in the reader's language.
//! `public/manifest.webmanifest` holds everything in the manifest that no language changes.

use crate::i18n::{Lang, T};

const MANIFEST: &str = include_str!("../../public/manifest.webmanifest");

/// The manifest in `lang`: its name, description and shortcut translated, its `lang` and `dir`
/// set.
pub fn manifest(lang: Lang) -> String {
    let Ok(mut m) = serde_json::from_str::<serde_json::Value>(MANIFEST) else {
        // The file is ours and checked by a test; should it ever not parse, serve it as it is.
        return MANIFEST.to_string();
    };
    m["name"] = T::ManifestName.text(lang).into();
    m["description"] = T::ManifestDescription.text(lang).into();
    m["lang"] = lang.code().into();
    m["dir"] = lang.dir().into();
    if let Some(shortcut) = m["shortcuts"].get_mut(0) {
        shortcut["name"] = T::ScanCta.text(lang).into();
        shortcut["short_name"] = T::NavScan.text(lang).into();
    }
    serde_json::to_string_pretty(&m).unwrap_or_else(|_| MANIFEST.to_string())
}

/// The page the service worker shows for a screen never opened with signal: what happened, and
/// the way to Scan (which works without signal) and Home.
pub fn offline_page(lang: Lang) -> String {
    let (code, dir) = (lang.code(), lang.dir());
    let text = |t: T| crate::files::html_escape(t.text(lang));
    let (title, lead) = (text(T::OfflineTitle), text(T::OfflineLead));
    let (scan, home) = (text(T::ScanCta), text(T::NavHome));
    format!(
        r##"<!DOCTYPE html>
<html lang="{code}" dir="{dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="theme-color" content="#0f5c4d">
<title>{title} · Workwell</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<style>
  body {{ margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background: #f4f7f6; color: #1b2a27; }}
  main {{ max-width: 28rem; margin: 0 auto; padding: 2rem 1rem; }}
  h1 {{ font-size: 1.5rem; }}
  p {{ line-height: 1.5; }}
  a.button {{ display: flex; align-items: center; justify-content: center; min-height: 48px; border-radius: 12px;
    background: #0f5c4d; color: #fff; text-decoration: none; font-weight: 700; margin: 1rem 0; }}
  a.secondary {{ background: #fff; color: #0f5c4d; border: 2px solid #0f5c4d; }}
</style>
</head>
<body>
<main data-testid="offline">
  <h1>{title}</h1>
  <p>{lead}</p>
  <a class="button" href="/scan">{scan}</a>
  <a class="button secondary" href="/">{home}</a>
</main>
</body>
</html>
"##
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_manifest_speaks_each_language_and_keeps_the_rest() {
        for lang in Lang::ALL {
            let m: serde_json::Value = serde_json::from_str(&manifest(lang)).unwrap();
            assert_eq!(m["name"], T::ManifestName.text(lang));
            assert_eq!(m["lang"], lang.code());
            assert_eq!(m["short_name"], "Workwell");
            assert_eq!(m["start_url"], "/");
            assert_eq!(m["shortcuts"][0]["url"], "/scan");
            assert_eq!(m["shortcuts"][0]["short_name"], T::NavScan.text(lang));
            assert_eq!(m["icons"].as_array().map(Vec::len), Some(3));
        }
        let fr: serde_json::Value = serde_json::from_str(&manifest(Lang::Fr)).unwrap();
        assert_eq!(fr["name"], "Workwell — des points bonus pour votre travail");
    }

    #[test]
    fn the_offline_page_is_in_one_language() {
        let tr = offline_page(Lang::Tr);
        assert!(tr.contains(r#"<html lang="tr" dir="ltr">"#));
        assert!(tr.contains("<h1>Bağlantı yok</h1>"));
        assert!(!tr.contains("No signal"));
    }
}
