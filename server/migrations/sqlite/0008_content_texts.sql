-- What the admin types, in the languages besides the default: one row per record (`entity` is
-- its table's word, `reward`), field and language. The record's own column holds the default
-- language's text, which is every reader's fallback.
CREATE TABLE content_texts (
    entity TEXT NOT NULL,
    entity_id BIGINT NOT NULL,
    field TEXT NOT NULL,
    lang TEXT NOT NULL,
    body TEXT NOT NULL CHECK (body <> ''),
    PRIMARY KEY (entity, entity_id, field, lang)
);
