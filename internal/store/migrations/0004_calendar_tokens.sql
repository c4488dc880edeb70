-- Secret calendar links (iCalendar feeds of due days). Like API tokens, only
-- the hash of the secret is kept; a feed may be narrowed to one unit.
CREATE TABLE calendar_tokens (
    id {{ID}},
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    unit_id BIGINT REFERENCES units(id),
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    last_used_at TEXT,
    revoked_at TEXT
);
CREATE INDEX calendar_tokens_user ON calendar_tokens (user_id, id);
