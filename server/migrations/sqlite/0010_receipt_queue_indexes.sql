-- The moderation queue filtered by company, and by flags, walks its own index in id order
-- instead of the whole status range (measured at a million claims: a small company's page
-- took 25 ms on SQLite and 240 ms on PostgreSQL through (status, id) alone).
CREATE INDEX receipt_claims_company_queue ON receipt_claims (company_id, status, id);
CREATE INDEX receipt_claims_flagged_queue ON receipt_claims (status, id) WHERE flags <> '';
CREATE INDEX receipt_claims_company_flagged_queue ON receipt_claims (company_id, status, id) WHERE flags <> '';
-- The per-person daily and monthly claim counts read a date range of one person's claims.
CREATE INDEX receipt_claims_user_submitted ON receipt_claims (user_id, submitted_at);
