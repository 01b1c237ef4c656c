//! What the admin types (a reward's title, description and "after ordering" note), in every
//! language we ship. The record's own column holds the text in the program's default language,
//! which is also what a reader sees when their language has none; the other languages live in
//! `content_texts`, one row per record, field and language.

use crate::error::{AppError, Field};
use crate::i18n::Lang;
use serde::{Deserialize, Serialize};

/// The language the admin's main fields are written in, and every reader's fallback.
pub const DEFAULT_LANG: Lang = Lang::En;

/// One text in each language, as the admin's form sends it (`title_in[fr]=…`); empty where there
/// is none. The default language's slot stays empty: its text is the record's own column.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct InLanguages {
    pub en: String,
    pub ru: String,
    pub fr: String,
    pub tr: String,
    pub ro: String,
}

impl InLanguages {
    fn slot(&mut self, lang: Lang) -> &mut String {
        match lang {
            Lang::En => &mut self.en,
            Lang::Ru => &mut self.ru,
            Lang::Fr => &mut self.fr,
            Lang::Tr => &mut self.tr,
            Lang::Ro => &mut self.ro,
        }
    }

    /// The text in `lang`, if it has one (never for the default language).
    pub fn get(&self, lang: Lang) -> Option<&str> {
        let text = match lang {
            Lang::En => &self.en,
            Lang::Ru => &self.ru,
            Lang::Fr => &self.fr,
            Lang::Tr => &self.tr,
            Lang::Ro => &self.ro,
        };
        (lang != DEFAULT_LANG && !text.is_empty()).then_some(text.as_str())
    }

    pub fn set(&mut self, lang: Lang, text: String) {
        *self.slot(lang) = text;
    }

    /// The languages besides the default, all of them: what a form that shows every language
    /// speaks for.
    pub fn others() -> Vec<Lang> {
        Lang::ALL
            .into_iter()
            .filter(|l| *l != DEFAULT_LANG)
            .collect()
    }

    /// The languages that have a text: what a form without the stored texts in it (one that
    /// saves by code) speaks for, so an empty box leaves a stored text alone.
    pub fn given(&self) -> Vec<Lang> {
        Lang::ALL
            .into_iter()
            .filter(|l| self.get(*l).is_some())
            .collect()
    }

    /// The languages besides the default that have no text yet.
    pub fn missing(&self) -> Vec<Lang> {
        Lang::ALL
            .into_iter()
            .filter(|l| *l != DEFAULT_LANG && self.get(*l).is_none())
            .collect()
    }

    /// The texts as typed, checked like the main field: `one_line` joins whitespace (a title),
    /// otherwise the text is trimmed; each at most `max` characters.
    pub fn parse(
        raw: Option<InLanguages>,
        one_line: bool,
        max: usize,
        field: Field,
    ) -> Result<InLanguages, AppError> {
        let raw = raw.unwrap_or_default();
        let mut out = InLanguages::default();
        for lang in Lang::ALL {
            if lang == DEFAULT_LANG {
                continue;
            }
            let typed = match lang {
                Lang::En => &raw.en,
                Lang::Ru => &raw.ru,
                Lang::Fr => &raw.fr,
                Lang::Tr => &raw.tr,
                Lang::Ro => &raw.ro,
            };
            let text = if one_line {
                typed.split_whitespace().collect::<Vec<_>>().join(" ")
            } else {
                typed.trim().to_string()
            };
            // Line breaks and tabs are text (as in the main field); other control characters not.
            let control = |c: char| c.is_control() && !matches!(c, '\n' | '\r' | '\t');
            if text.chars().count() > max || text.chars().any(control) {
                return Err(AppError::Invalid { field });
            }
            out.set(lang, text);
        }
        Ok(out)
    }
}

/// The text a reader in `lang` sees: theirs, or the default language's.
pub fn shown<'a>(main: &'a str, texts: &'a InLanguages, lang: Lang) -> &'a str {
    texts.get(lang).unwrap_or(main)
}

#[cfg(feature = "ssr")]
pub use db::*;

#[cfg(feature = "ssr")]
mod db {
    use super::{DEFAULT_LANG, InLanguages};
    use crate::i18n::Lang;
    use sqlx::AnyConnection;
    use std::collections::HashMap;

    /// One stored text, as the readers below read it.
    #[derive(sqlx::FromRow)]
    struct TextRow {
        entity_id: i64,
        field: String,
        lang: String,
        body: String,
    }

    /// Replaces the texts of one field of one record (`entity` is its table's word: `reward`)
    /// in every language besides the default with `texts` (an empty one removes that language's),
    /// inside the caller's transaction, so a record and its translations change together.
    pub async fn save(
        conn: &mut AnyConnection,
        entity: &str,
        id: i64,
        field: &str,
        texts: &InLanguages,
    ) -> Result<(), sqlx::Error> {
        save_only(conn, entity, id, field, texts, &InLanguages::others()).await
    }

    /// As [`save`], for the languages in `langs` only; the others' texts stay as they are (a CSV
    /// with a `name_fr` column and no `name_ru` one leaves the Russian names alone).
    pub async fn save_only(
        conn: &mut AnyConnection,
        entity: &str,
        id: i64,
        field: &str,
        texts: &InLanguages,
        langs: &[Lang],
    ) -> Result<(), sqlx::Error> {
        for lang in langs.iter().copied().filter(|l| *l != DEFAULT_LANG) {
            sqlx::query(
                "DELETE FROM content_texts \
                 WHERE entity = $1 AND entity_id = $2 AND field = $3 AND lang = $4",
            )
            .bind(entity)
            .bind(id)
            .bind(field)
            .bind(lang.code())
            .execute(&mut *conn)
            .await?;
            if let Some(body) = texts.get(lang) {
                sqlx::query(
                    "INSERT INTO content_texts (entity, entity_id, field, lang, body) \
                     VALUES ($1, $2, $3, $4, $5)",
                )
                .bind(entity)
                .bind(id)
                .bind(field)
                .bind(lang.code())
                .bind(body)
                .execute(&mut *conn)
                .await?;
            }
        }
        Ok(())
    }

    /// One record's texts in every language, by field: what the audit log records with it.
    pub async fn of(
        conn: &mut AnyConnection,
        entity: &str,
        id: i64,
    ) -> Result<HashMap<String, InLanguages>, sqlx::Error> {
        let rows: Vec<TextRow> = sqlx::query_as(
            "SELECT entity_id, field, lang, body FROM content_texts \
             WHERE entity = $1 AND entity_id = $2",
        )
        .bind(entity)
        .bind(id)
        .fetch_all(conn)
        .await?;
        let mut out: HashMap<String, InLanguages> = HashMap::new();
        for r in rows {
            if let Some(lang) = Lang::parse(&r.lang) {
                out.entry(r.field).or_default().set(lang, r.body);
            }
        }
        Ok(out)
    }

    /// Every text of `entity`'s records in `lang`, by (record, field); nothing for the default
    /// language, whose texts are the records' own columns.
    pub async fn in_lang(
        conn: &mut AnyConnection,
        entity: &str,
        lang: Lang,
    ) -> Result<HashMap<(i64, String), String>, sqlx::Error> {
        if lang == DEFAULT_LANG {
            return Ok(HashMap::new());
        }
        let rows: Vec<TextRow> = sqlx::query_as(
            "SELECT entity_id, field, lang, body FROM content_texts \
             WHERE entity = $1 AND lang = $2",
        )
        .bind(entity)
        .bind(lang.code())
        .fetch_all(conn)
        .await?;
        Ok(rows
            .into_iter()
            .map(|r| ((r.entity_id, r.field), r.body))
            .collect())
    }

    /// As [`in_lang`], for the records `ids` only (a page of History names a few products out of
    /// a catalog of thousands).
    pub async fn in_lang_for(
        conn: &mut AnyConnection,
        entity: &str,
        lang: Lang,
        ids: &[i64],
    ) -> Result<HashMap<(i64, String), String>, sqlx::Error> {
        let mut ids = ids.to_vec();
        ids.sort_unstable();
        ids.dedup();
        let mut out = HashMap::new();
        if lang == DEFAULT_LANG {
            return Ok(out);
        }
        for chunk in ids.chunks(500) {
            let marks: Vec<String> = (0..chunk.len()).map(|i| format!("${}", i + 3)).collect();
            let sql = format!(
                "SELECT entity_id, field, lang, body FROM content_texts \
                 WHERE entity = $1 AND lang = $2 AND entity_id IN ({})",
                marks.join(", ")
            );
            let mut query = sqlx::query_as::<_, TextRow>(&sql)
                .bind(entity)
                .bind(lang.code());
            for id in chunk {
                query = query.bind(*id);
            }
            for r in query.fetch_all(&mut *conn).await? {
                out.insert((r.entity_id, r.field), r.body);
            }
        }
        Ok(out)
    }

    /// One record's text of `field` in `lang`, if the admin wrote one (never for the default
    /// language).
    pub async fn text_in(
        conn: &mut AnyConnection,
        entity: &str,
        id: i64,
        field: &str,
        lang: Lang,
    ) -> Result<Option<String>, sqlx::Error> {
        if lang == DEFAULT_LANG {
            return Ok(None);
        }
        sqlx::query_scalar(
            "SELECT body FROM content_texts \
             WHERE entity = $1 AND entity_id = $2 AND field = $3 AND lang = $4",
        )
        .bind(entity)
        .bind(id)
        .bind(field)
        .bind(lang.code())
        .fetch_optional(conn)
        .await
    }

    /// Every language's texts of `entity`'s records, by (record, field): what the admin's forms
    /// show.
    pub async fn all_langs(
        conn: &mut AnyConnection,
        entity: &str,
    ) -> Result<HashMap<(i64, String), InLanguages>, sqlx::Error> {
        let rows: Vec<TextRow> = sqlx::query_as(
            "SELECT entity_id, field, lang, body FROM content_texts WHERE entity = $1",
        )
        .bind(entity)
        .fetch_all(conn)
        .await?;
        let mut out: HashMap<(i64, String), InLanguages> = HashMap::new();
        for r in rows {
            if let Some(lang) = Lang::parse(&r.lang) {
                out.entry((r.entity_id, r.field))
                    .or_default()
                    .set(lang, r.body);
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reader_gets_their_language_or_the_default() {
        let mut t = InLanguages::default();
        t.set(Lang::Ru, "Удочка".into());
        assert_eq!(shown("Fishing rod", &t, Lang::Ru), "Удочка");
        assert_eq!(shown("Fishing rod", &t, Lang::Fr), "Fishing rod");
        assert_eq!(shown("Fishing rod", &t, Lang::En), "Fishing rod");
        assert_eq!(t.missing(), [Lang::Fr, Lang::Tr, Lang::Ro]);
    }

    #[test]
    fn typed_texts_are_checked_like_the_main_field() {
        let typed = InLanguages {
            en: "ignored: English is the main field".into(),
            fr: "  Canne   à pêche ".into(),
            ..Default::default()
        };
        let parsed = InLanguages::parse(Some(typed), true, 120, Field::Title).unwrap();
        assert_eq!(parsed.get(Lang::Fr), Some("Canne à pêche"));
        assert_eq!(parsed.en, "");
        let long = InLanguages {
            tr: "x".repeat(121),
            ..Default::default()
        };
        assert_eq!(
            InLanguages::parse(Some(long), true, 120, Field::Title),
            Err(AppError::Invalid {
                field: Field::Title
            })
        );
        let control = InLanguages {
            ro: "a\u{7}b".into(),
            ..Default::default()
        };
        assert!(InLanguages::parse(Some(control), false, 100, Field::Description).is_err());
        let lines = InLanguages {
            ru: "Строка\r\nвторая\tстрока".into(),
            ..Default::default()
        };
        let parsed = InLanguages::parse(Some(lines), false, 100, Field::Description).unwrap();
        assert_eq!(parsed.get(Lang::Ru), Some("Строка\r\nвторая\tстрока"));
        assert_eq!(
            InLanguages::parse(None, true, 10, Field::Title),
            Ok(InLanguages::default())
        );
    }
}
