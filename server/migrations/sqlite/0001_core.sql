-- Workwell schema: the whole program's core objects (see the glossary in the product brief).
-- Timestamps are unix seconds (BIGINT); flags are 0/1 integers; points are BIGINT.

CREATE TABLE partner_companies (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    tax_id TEXT NOT NULL UNIQUE,
    region TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('dealer', 'service_centre', 'installer', 'distributor')),
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended')),
    join_code TEXT UNIQUE,
    created_at BIGINT NOT NULL
);

CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    role TEXT NOT NULL CHECK (role IN ('participant', 'partner_manager', 'admin')),
    kind TEXT CHECK (kind IN ('seller', 'foreman', 'engineer')),
    company_id BIGINT REFERENCES partner_companies (id),
    name TEXT NOT NULL,
    phone TEXT UNIQUE,
    email TEXT UNIQUE,
    password_hash TEXT,
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('pending', 'active', 'blocked', 'left')),
    lang TEXT,
    created_at BIGINT NOT NULL,
    CHECK (phone IS NOT NULL OR email IS NOT NULL)
);
CREATE INDEX users_company ON users (company_id);

CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    ip TEXT
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expiry ON sessions (expires_at);

CREATE TABLE one_time_codes (
    id INTEGER PRIMARY KEY,
    phone TEXT NOT NULL,
    code_hash TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    attempts BIGINT NOT NULL DEFAULT 0,
    used_at BIGINT
);
CREATE INDEX one_time_codes_phone ON one_time_codes (phone, id);

CREATE TABLE rate_events (
    id INTEGER PRIMARY KEY,
    bucket TEXT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX rate_events_bucket ON rate_events (bucket, at);

CREATE TABLE product_categories (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL
);

CREATE TABLE products (
    id INTEGER PRIMARY KEY,
    sku TEXT NOT NULL UNIQUE,
    gtin TEXT,
    name TEXT NOT NULL,
    category_id BIGINT REFERENCES product_categories (id),
    base_points BIGINT NOT NULL CHECK (base_points >= 0),
    active BIGINT NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at BIGINT NOT NULL
);

CREATE TABLE code_batches (
    id INTEGER PRIMARY KEY,
    product_id BIGINT NOT NULL REFERENCES products (id),
    size BIGINT NOT NULL CHECK (size > 0),
    status TEXT NOT NULL DEFAULT 'inactive' CHECK (status IN ('inactive', 'active', 'voided')),
    created_by BIGINT REFERENCES users (id),
    created_at BIGINT NOT NULL
);

CREATE TABLE unit_codes (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    batch_id BIGINT NOT NULL REFERENCES code_batches (id),
    product_id BIGINT NOT NULL REFERENCES products (id),
    status TEXT NOT NULL DEFAULT 'inactive' CHECK (status IN ('inactive', 'active', 'voided')),
    claimed_by BIGINT REFERENCES users (id),
    claimed_at BIGINT
);
CREATE INDEX unit_codes_batch ON unit_codes (batch_id);

CREATE TABLE ledger_entries (
    id INTEGER PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id),
    kind TEXT NOT NULL CHECK (kind IN ('accrual', 'pending', 'redemption', 'reversal', 'adjustment', 'expiry')),
    points BIGINT NOT NULL,
    reason TEXT NOT NULL CHECK (reason <> ''),
    breakdown TEXT,
    unit_code_id BIGINT REFERENCES unit_codes (id),
    order_id BIGINT,
    created_by BIGINT REFERENCES users (id),
    created_at BIGINT NOT NULL
);
CREATE INDEX ledger_entries_user ON ledger_entries (user_id, id);

CREATE TABLE balances (
    user_id BIGINT PRIMARY KEY REFERENCES users (id),
    points BIGINT NOT NULL DEFAULT 0 CHECK (points >= 0),
    updated_at BIGINT NOT NULL
);

CREATE TABLE reward_categories (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    position BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE rewards (
    id INTEGER PRIMARY KEY,
    category_id BIGINT REFERENCES reward_categories (id),
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL CHECK (kind IN ('voucher', 'certificate', 'physical', 'charity', 'company_credit')),
    price_points BIGINT NOT NULL CHECK (price_points > 0),
    stock BIGINT CHECK (stock IS NULL OR stock >= 0),
    active BIGINT NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at BIGINT NOT NULL
);

CREATE TABLE orders (
    id INTEGER PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id),
    reward_id BIGINT NOT NULL REFERENCES rewards (id),
    points BIGINT NOT NULL CHECK (points > 0),
    status TEXT NOT NULL DEFAULT 'placed' CHECK (status IN ('placed', 'processing', 'shipped', 'ready', 'delivered', 'cancelled')),
    idempotency_key TEXT UNIQUE,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX orders_user ON orders (user_id, id);

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    actor_id BIGINT REFERENCES users (id),
    action TEXT NOT NULL,
    subject TEXT NOT NULL,
    before_json TEXT,
    after_json TEXT,
    at BIGINT NOT NULL
);
