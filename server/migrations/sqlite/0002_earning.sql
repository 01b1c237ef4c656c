-- Earning: category rates and tips, product prices and images, campaigns, program settings,
-- point lots for expiry (oldest first), and the log of refused claims for fraud review.

ALTER TABLE product_categories ADD COLUMN rate_points BIGINT;
ALTER TABLE product_categories ADD COLUMN rate_per BIGINT;
ALTER TABLE product_categories ADD COLUMN tip TEXT NOT NULL DEFAULT '';

ALTER TABLE products ADD COLUMN price BIGINT;
ALTER TABLE products ADD COLUMN image_url TEXT;
ALTER TABLE products ADD COLUMN updated_at BIGINT NOT NULL DEFAULT 0;

ALTER TABLE code_batches ADD COLUMN activated_at BIGINT;
ALTER TABLE code_batches ADD COLUMN note TEXT NOT NULL DEFAULT '';

CREATE INDEX unit_codes_claimed_by ON unit_codes (claimed_by);

-- A positive entry is a lot: lot_remaining is what is left of it after spending, reversals and
-- expiry took from it (oldest first). The sum of lot_remaining equals the balance.
ALTER TABLE ledger_entries ADD COLUMN lot_remaining BIGINT NOT NULL DEFAULT 0;
-- A reversal names the accrual it undoes.
ALTER TABLE ledger_entries ADD COLUMN ref_entry_id BIGINT REFERENCES ledger_entries (id);
CREATE INDEX ledger_entries_lots ON ledger_entries (user_id, created_at, id) WHERE lot_remaining > 0;
CREATE INDEX ledger_entries_open_lots ON ledger_entries (created_at) WHERE lot_remaining > 0;
CREATE INDEX ledger_entries_unit_code ON ledger_entries (unit_code_id);
CREATE INDEX ledger_entries_user_kind ON ledger_entries (user_id, kind, id);
UPDATE ledger_entries SET lot_remaining = points WHERE points > 0;

CREATE TABLE campaigns (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (name <> ''),
    starts_at BIGINT NOT NULL,
    ends_at BIGINT NOT NULL,
    product_ids TEXT NOT NULL DEFAULT '',
    category_ids TEXT NOT NULL DEFAULT '',
    region TEXT,
    company_id BIGINT REFERENCES partner_companies (id),
    effect TEXT NOT NULL CHECK (effect IN ('multiplier', 'bonus')),
    value BIGINT NOT NULL CHECK (value >= 0),
    budget BIGINT CHECK (budget IS NULL OR budget >= 0),
    spent BIGINT NOT NULL DEFAULT 0 CHECK (spent >= 0),
    active BIGINT NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    CHECK (ends_at > starts_at)
);
CREATE INDEX campaigns_window ON campaigns (ends_at, starts_at);

CREATE TABLE program_settings (
    key TEXT PRIMARY KEY,
    value BIGINT NOT NULL
);
INSERT INTO program_settings (key, value) VALUES
    ('role.seller', 1000), ('role.foreman', 1200), ('role.engineer', 1000),
    ('tier.silver', 1100), ('tier.gold', 1250),
    ('daily_cap', 5000), ('expiry_months', 24);

CREATE TABLE claim_failures (
    id INTEGER PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id),
    input TEXT NOT NULL,
    code TEXT,
    reason TEXT NOT NULL,
    ip TEXT,
    at BIGINT NOT NULL
);
CREATE INDEX claim_failures_user ON claim_failures (user_id, at);
CREATE INDEX claim_failures_at ON claim_failures (at);
CREATE INDEX audit_log_at ON audit_log (at);
