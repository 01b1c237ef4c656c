-- What a ledger entry is for, as data (JSON: the kind, the product and code, the order, the date
-- that ran out), so each reader reads it in their own language. `reason` keeps the English
-- sentence. Entries written before this are read into data once by the app
-- (`earn::reason::adopt_legacy`), which turns the flag below to 1; those it cannot read keep
-- their text.
ALTER TABLE ledger_entries ADD COLUMN reason_data TEXT;
INSERT INTO program_settings (key, value) VALUES ('reasons.as_data', 0);
