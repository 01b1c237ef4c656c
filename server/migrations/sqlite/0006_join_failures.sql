-- Refused invitation and join codes, kept for fraud review like refused unit codes: which
-- address guessed what and when. The guessing limit itself counts in rate_events.
CREATE TABLE join_failures (
    id INTEGER PRIMARY KEY,
    ip TEXT NOT NULL,
    input TEXT NOT NULL,
    reason TEXT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX join_failures_at ON join_failures (at);
