-- The hobby shop: reward categories with icons, rewards with images, visibility and stock,
-- voucher pools, delivery addresses, orders with their status history, savings goals and
-- "notify me" requests for sold-out rewards.

ALTER TABLE reward_categories ADD COLUMN icon TEXT NOT NULL DEFAULT '';

ALTER TABLE rewards ADD COLUMN image TEXT;
ALTER TABLE rewards ADD COLUMN starts_at BIGINT;
ALTER TABLE rewards ADD COLUMN ends_at BIGINT;
ALTER TABLE rewards ADD COLUMN min_tier TEXT NOT NULL DEFAULT 'base' CHECK (min_tier IN ('base', 'silver', 'gold'));
ALTER TABLE rewards ADD COLUMN company_kind TEXT CHECK (company_kind IN ('dealer', 'service_centre', 'installer', 'distributor'));
ALTER TABLE rewards ADD COLUMN after_order TEXT NOT NULL DEFAULT '';
ALTER TABLE rewards ADD COLUMN low_stock BIGINT NOT NULL DEFAULT 5 CHECK (low_stock >= 0);
ALTER TABLE rewards ADD COLUMN updated_at BIGINT NOT NULL DEFAULT 0;
CREATE INDEX rewards_category ON rewards (category_id, price_points);

CREATE TABLE vouchers (
    id INTEGER PRIMARY KEY,
    reward_id BIGINT NOT NULL REFERENCES rewards (id),
    code TEXT NOT NULL CHECK (code <> ''),
    order_id BIGINT REFERENCES orders (id),
    created_at BIGINT NOT NULL,
    UNIQUE (reward_id, code)
);
CREATE INDEX vouchers_free ON vouchers (reward_id, id) WHERE order_id IS NULL;
CREATE UNIQUE INDEX vouchers_order ON vouchers (order_id) WHERE order_id IS NOT NULL;

CREATE TABLE addresses (
    id INTEGER PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id),
    recipient TEXT NOT NULL CHECK (recipient <> ''),
    phone TEXT NOT NULL,
    line TEXT NOT NULL CHECK (line <> ''),
    city TEXT NOT NULL CHECK (city <> ''),
    postcode TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX addresses_user ON addresses (user_id, id);

-- An order keeps what was bought as it was then (title, kind, price) and, by kind, the voucher,
-- the delivery address, the certificate or the tracking number.
ALTER TABLE orders ADD COLUMN title TEXT NOT NULL DEFAULT '';
ALTER TABLE orders ADD COLUMN kind TEXT NOT NULL DEFAULT 'voucher' CHECK (kind IN ('voucher', 'certificate', 'physical', 'charity', 'company_credit'));
ALTER TABLE orders ADD COLUMN entry_id BIGINT REFERENCES ledger_entries (id);
ALTER TABLE orders ADD COLUMN address TEXT;
ALTER TABLE orders ADD COLUMN tracking TEXT;
ALTER TABLE orders ADD COLUMN certificate TEXT;
ALTER TABLE orders ADD COLUMN company_id BIGINT REFERENCES partner_companies (id);
CREATE INDEX orders_status ON orders (status, id);
CREATE INDEX orders_reward ON orders (reward_id);

CREATE TABLE order_events (
    id INTEGER PRIMARY KEY,
    order_id BIGINT NOT NULL REFERENCES orders (id),
    status TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    actor_id BIGINT REFERENCES users (id),
    at BIGINT NOT NULL
);
CREATE INDEX order_events_order ON order_events (order_id, id);

CREATE TABLE savings_goals (
    user_id BIGINT PRIMARY KEY REFERENCES users (id),
    reward_id BIGINT NOT NULL REFERENCES rewards (id),
    set_at BIGINT NOT NULL
);

CREATE TABLE stock_alerts (
    user_id BIGINT NOT NULL REFERENCES users (id),
    reward_id BIGINT NOT NULL REFERENCES rewards (id),
    created_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, reward_id)
);
