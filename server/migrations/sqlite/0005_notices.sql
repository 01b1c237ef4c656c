-- A partner manager's own number for each of his people (payroll), shown in his staff export.
ALTER TABLE users ADD COLUMN personnel_no TEXT;

-- What the app tells a person on Home, written in the same transaction as the event it tells
-- of (a reward back in stock for everyone waiting for it). The notification channels deliver
-- from here as well; a notice is shown until it is dismissed.
CREATE TABLE notices (
    id INTEGER PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id),
    kind TEXT NOT NULL CHECK (kind IN ('back_in_stock')),
    reward_id BIGINT REFERENCES rewards (id),
    created_at BIGINT NOT NULL,
    dismissed_at BIGINT
);
CREATE INDEX notices_open ON notices (user_id, dismissed_at);
