-- The import review (issue 8). A notice keeps the letterhead it was printed
-- with (its issuing body and the body above it), empty for the
-- organisation's own; a confirmed import stays, read-only, as the record of
-- what was read from the file and which notice and tasks it became.
ALTER TABLE notices ADD COLUMN issuer TEXT NOT NULL DEFAULT '';
ALTER TABLE notices ADD COLUMN superior TEXT NOT NULL DEFAULT '';
ALTER TABLE import_drafts ADD COLUMN notice_id BIGINT REFERENCES notices(id);
ALTER TABLE import_drafts ADD COLUMN confirmed_at TEXT;
CREATE INDEX import_drafts_notice ON import_drafts (notice_id);
