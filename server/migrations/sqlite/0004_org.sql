-- Partner companies and their people: contacts, invitations, join requests (with the manager's
-- decision and reason), moves between companies, and when a leaver left.

ALTER TABLE partner_companies ADD COLUMN contact TEXT NOT NULL DEFAULT '';
ALTER TABLE partner_companies ADD COLUMN updated_at BIGINT NOT NULL DEFAULT 0;

-- A leaver keeps their points for the program's grace period, counted from here.
ALTER TABLE users ADD COLUMN left_at BIGINT;
CREATE INDEX users_left ON users (status, left_at);

CREATE TABLE invites (
    id INTEGER PRIMARY KEY,
    company_id BIGINT NOT NULL REFERENCES partner_companies (id),
    code TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('seller', 'foreman', 'engineer')),
    max_uses BIGINT CHECK (max_uses IS NULL OR max_uses > 0),
    uses BIGINT NOT NULL DEFAULT 0 CHECK (uses >= 0),
    expires_at BIGINT NOT NULL,
    revoked_at BIGINT,
    created_by BIGINT NOT NULL REFERENCES users (id),
    created_at BIGINT NOT NULL
);
CREATE INDEX invites_company ON invites (company_id, id);

CREATE TABLE join_requests (
    id INTEGER PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id),
    company_id BIGINT NOT NULL REFERENCES partner_companies (id),
    kind TEXT NOT NULL CHECK (kind IN ('seller', 'foreman', 'engineer')),
    invite_id BIGINT REFERENCES invites (id),
    status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
    reason TEXT,
    decided_by BIGINT REFERENCES users (id),
    decided_at BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX join_requests_company ON join_requests (company_id, status, id);
CREATE INDEX join_requests_user ON join_requests (user_id, id);

CREATE TABLE company_moves (
    id INTEGER PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id),
    from_company BIGINT REFERENCES partner_companies (id),
    to_company BIGINT NOT NULL REFERENCES partner_companies (id),
    reason TEXT NOT NULL CHECK (reason <> ''),
    moved_by BIGINT REFERENCES users (id),
    at BIGINT NOT NULL
);
CREATE INDEX company_moves_user ON company_moves (user_id, id);

INSERT INTO program_settings (key, value) VALUES ('leaver_grace_days', 90);
