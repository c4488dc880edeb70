-- Notices read from files wait here, as JSON, until the Office confirms them,
-- so that any app instance can serve the review page.
CREATE TABLE import_drafts (
    id {{ID}},
    org_id BIGINT NOT NULL REFERENCES orgs(id),
    user_id BIGINT NOT NULL REFERENCES users(id),
    source TEXT NOT NULL,
    data TEXT NOT NULL,
    created_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX import_drafts_org ON import_drafts (org_id, id);
