-- Receipt and invoice claims: a participant claims points for what they bought, by a fiscal
-- receipt's QR or photos of an invoice, with the lines they bought; a moderator decides.
--
-- Points waiting for a check are ledger entries of kind 'pending' (the claim's expected points,
-- and on decision the same amount taken back out of pending). They move balances.pending, never
-- balances.points: so balances.points = the sum of the non-pending entries and is spendable, and
-- balances.pending = the sum of the pending entries, both never negative.
ALTER TABLE balances ADD COLUMN pending BIGINT NOT NULL DEFAULT 0 CHECK (pending >= 0);

CREATE TABLE receipt_claims (
    id INTEGER PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id),
    -- The claimant's company when they claimed (for the partner manager and the queue's filter).
    company_id BIGINT REFERENCES partner_companies (id),
    source TEXT NOT NULL CHECK (source IN ('qr', 'invoice')),
    -- One claim per document in the whole program: 'fn:<drive>:<document>:<sign>' for a fiscal
    -- receipt, 'inv:<supplier tax id>:<number>:<date>' for an invoice.
    document_key TEXT NOT NULL UNIQUE,
    qr_text TEXT,
    supplier_tax_id TEXT,
    document_no TEXT NOT NULL CHECK (document_no <> ''),
    shop TEXT NOT NULL DEFAULT '',
    document_at BIGINT NOT NULL,
    -- In minor units (kopecks).
    total BIGINT NOT NULL CHECK (total > 0),
    status TEXT NOT NULL CHECK (status IN ('waiting', 'approved', 'rejected', 'needs_info')),
    expected_points BIGINT NOT NULL CHECK (expected_points >= 0),
    final_points BIGINT CHECK (final_points IS NULL OR final_points >= 0),
    -- What the automatic checks noticed, comma-separated ('photo_reused,lines_over_total').
    flags TEXT NOT NULL DEFAULT '',
    -- What the receipt verification service said of a QR claim (none configured: NULL).
    verification TEXT CHECK (verification IS NULL
        OR verification IN ('verified', 'not_found', 'pending', 'unavailable')),
    reject_reason TEXT,
    -- The moderator's words: a rejection's detail, or the question when more is needed.
    note TEXT,
    -- The participant's answer to that question.
    answer TEXT,
    decided_by BIGINT REFERENCES users (id),
    decided_at BIGINT,
    -- When the participant saw the decision (Home tells of a decided claim until then).
    seen_at BIGINT,
    -- The phone's key for this claim: the same claim sent again is stored once.
    idempotency_key TEXT,
    submitted_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (user_id, idempotency_key)
);
CREATE INDEX receipt_claims_queue ON receipt_claims (status, id);
CREATE INDEX receipt_claims_user ON receipt_claims (user_id, id);
CREATE INDEX receipt_claims_company ON receipt_claims (company_id, submitted_at);
CREATE INDEX receipt_claims_unseen ON receipt_claims (user_id) WHERE seen_at IS NULL AND decided_at IS NOT NULL;

CREATE TABLE receipt_lines (
    id INTEGER PRIMARY KEY,
    claim_id BIGINT NOT NULL REFERENCES receipt_claims (id),
    product_id BIGINT NOT NULL REFERENCES products (id),
    quantity BIGINT NOT NULL CHECK (quantity > 0),
    -- What the moderator approved (NULL until decided; 0 for a removed line).
    approved_quantity BIGINT CHECK (approved_quantity IS NULL OR approved_quantity >= 0),
    -- The rules engine's value of the line as claimed, and its steps (JSON).
    points BIGINT NOT NULL CHECK (points >= 0),
    breakdown TEXT NOT NULL
);
CREATE INDEX receipt_lines_claim ON receipt_lines (claim_id);

CREATE TABLE receipt_photos (
    id INTEGER PRIMARY KEY,
    claim_id BIGINT NOT NULL REFERENCES receipt_claims (id),
    -- The uploaded file's content hash: the same photo on two claims is flagged.
    sha256 TEXT NOT NULL,
    file TEXT NOT NULL,
    thumb TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX receipt_photos_claim ON receipt_photos (claim_id);
CREATE INDEX receipt_photos_hash ON receipt_photos (sha256);

ALTER TABLE ledger_entries ADD COLUMN receipt_claim_id BIGINT REFERENCES receipt_claims (id);
CREATE INDEX ledger_entries_receipt ON ledger_entries (receipt_claim_id);

INSERT INTO program_settings (key, value) VALUES
    ('receipt.window_days', 60), ('receipt.per_day', 5), ('receipt.per_month', 30),
    -- Automatic approval of verified QR claims with no flags: off until the admin turns it on;
    -- this share (in thousandths) of them still goes to a person as a spot check.
    ('receipt.auto_approve', 0), ('receipt.spot_check_permille', 50);
