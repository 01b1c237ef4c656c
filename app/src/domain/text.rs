//! Untrusted text made printable, and the search box's query.

/// Untrusted text made safe to store and to show: at most `max_chars` characters, each control
/// character (NUL, which PostgreSQL's text refuses, ESC, …) replaced by U+FFFD. For what is kept
/// as it was sent — refused codes for fraud review, a field's name in an error.
pub fn printable(text: &str, max_chars: usize) -> String {
    text.chars()
        .take(max_chars)
        .map(|c| {
            if c.is_control() {
                char::REPLACEMENT_CHARACTER
            } else {
                c
            }
        })
        .collect()
}

/// Words typed into a search box that becomes a SQL `LIKE`: at most [`Search::MAX`] characters
/// (a longer pattern is refused, not sent to the database to fail there), matched literally —
/// `%` and `_` are themselves, not wildcards.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Search(String);

impl Search {
    pub const MAX: usize = 200;

    /// Trimmed and lower-cased; `None` when longer than [`Search::MAX`] or holding a control
    /// character (a search box sends neither).
    pub fn parse(input: &str) -> Option<Search> {
        let s = input.trim();
        (s.chars().count() <= Self::MAX && !s.contains(char::is_control))
            .then(|| Search(s.to_lowercase()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// `%words%` for `LIKE $n ESCAPE '\'`, with `\`, `%` and `_` escaped.
    pub fn contains_pattern(&self) -> String {
        let mut out = String::with_capacity(self.0.len() + 2);
        out.push('%');
        for c in self.0.chars() {
            if matches!(c, '\\' | '%' | '_') {
                out.push('\\');
            }
            out.push(c);
        }
        out.push('%');
        out
    }
}

/// `s` made safe for a query string's value: every byte but letters, digits and `-._~` as `%XX`.
pub fn url_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod escape_tests {
    #[test]
    fn query_values_are_escaped() {
        assert_eq!(super::url_escape("t=1&s=2.5 ю"), "t%3D1%26s%3D2.5%20%D1%8E");
    }
}
