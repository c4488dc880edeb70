-- giaoban schema, version 1. Shared by SQLite and PostgreSQL: {{ID}} and
-- {{BLOB}} are replaced per dialect by the migrator. Dates are ISO text
-- (YYYY-MM-DD), instants are ISO text in UTC (YYYY-MM-DDTHH:MM:SSZ), flags are
-- 0/1 integers, so both databases sort and compare them alike.

CREATE TABLE orgs (
    id {{ID}},
    name TEXT NOT NULL,
    level TEXT NOT NULL DEFAULT '',
    place TEXT NOT NULL DEFAULT '',
    superior TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);

CREATE TABLE blocks (
    id {{ID}},
    org_id BIGINT NOT NULL REFERENCES orgs(id),
    name TEXT NOT NULL,
    UNIQUE (org_id, name)
);

CREATE TABLE sectors (
    id {{ID}},
    org_id BIGINT NOT NULL REFERENCES orgs(id),
    name TEXT NOT NULL,
    UNIQUE (org_id, name)
);

CREATE TABLE units (
    id {{ID}},
    org_id BIGINT NOT NULL REFERENCES orgs(id),
    block_id BIGINT REFERENCES blocks(id),
    sector_id BIGINT REFERENCES sectors(id),
    name TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT '',
    active INTEGER NOT NULL DEFAULT 1,
    version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (org_id, name)
);

-- Names a unit is known by, folded for lookup (BHXH, Phòng LĐ-TB&XH...).
CREATE TABLE unit_aliases (
    unit_id BIGINT NOT NULL REFERENCES units(id) ON DELETE CASCADE,
    org_id BIGINT NOT NULL REFERENCES orgs(id),
    alias TEXT NOT NULL,
    alias_fold TEXT NOT NULL,
    PRIMARY KEY (org_id, alias_fold)
);
CREATE INDEX unit_aliases_unit ON unit_aliases (unit_id);

CREATE TABLE users (
    id {{ID}},
    org_id BIGINT NOT NULL REFERENCES orgs(id),
    username TEXT NOT NULL UNIQUE,
    full_name TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL,
    unit_id BIGINT REFERENCES units(id),
    password_hash TEXT NOT NULL,
    disabled INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL
);

-- Sessions live in the database so that several app instances share them.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_tokens (
    id {{ID}},
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    revoked_at TEXT
);

-- Failed logins per key (user name or address) in a window; shared by instances.
CREATE TABLE login_failures (
    key TEXT PRIMARY KEY,
    window_start TEXT NOT NULL,
    failures INTEGER NOT NULL
);

CREATE TABLE meetings (
    id {{ID}},
    org_id BIGINT NOT NULL REFERENCES orgs(id),
    block_id BIGINT REFERENCES blocks(id),
    title TEXT NOT NULL,
    period TEXT NOT NULL,
    period_year INTEGER NOT NULL,
    period_no INTEGER NOT NULL DEFAULT 0,
    meeting_date TEXT NOT NULL,
    meeting_time TEXT NOT NULL DEFAULT '',
    place TEXT NOT NULL DEFAULT '',
    online INTEGER NOT NULL DEFAULT 0,
    bridge_points TEXT NOT NULL DEFAULT '',
    chair TEXT NOT NULL DEFAULT '',
    attendees TEXT NOT NULL DEFAULT '',
    agenda TEXT NOT NULL DEFAULT '',
    search_text TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL
);
CREATE INDEX meetings_org_date ON meetings (org_id, meeting_date);

CREATE TABLE meeting_units (
    meeting_id BIGINT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    unit_id BIGINT NOT NULL REFERENCES units(id),
    PRIMARY KEY (meeting_id, unit_id)
);

CREATE TABLE notices (
    id {{ID}},
    org_id BIGINT NOT NULL REFERENCES orgs(id),
    meeting_id BIGINT REFERENCES meetings(id),
    number TEXT NOT NULL DEFAULT '',
    symbol TEXT NOT NULL DEFAULT '',
    place TEXT NOT NULL DEFAULT '',
    issued_on TEXT,
    title TEXT NOT NULL,
    signer_authority TEXT NOT NULL DEFAULT '',
    signer_title TEXT NOT NULL DEFAULT '',
    signer_name TEXT NOT NULL DEFAULT '',
    recipients TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 1,
    supersedes_id BIGINT REFERENCES notices(id),
    search_text TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL
);
CREATE INDEX notices_org ON notices (org_id, issued_on);
CREATE INDEX notices_meeting ON notices (meeting_id);

CREATE TABLE notice_sections (
    id {{ID}},
    notice_id BIGINT NOT NULL REFERENCES notices(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    kind TEXT NOT NULL,
    heading TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL DEFAULT ''
);
CREATE INDEX notice_sections_notice ON notice_sections (notice_id, ord);

CREATE TABLE tasks (
    id {{ID}},
    org_id BIGINT NOT NULL REFERENCES orgs(id),
    notice_id BIGINT REFERENCES notices(id),
    section_id BIGINT REFERENCES notice_sections(id),
    block_id BIGINT REFERENCES blocks(id),
    text TEXT NOT NULL,
    expected_product TEXT NOT NULL DEFAULT '',
    sector_id BIGINT REFERENCES sectors(id),
    is_key INTEGER NOT NULL DEFAULT 0,
    legal_refs TEXT NOT NULL DEFAULT '',
    deadline_kind TEXT NOT NULL DEFAULT 'none',
    deadline_date TEXT,
    deadline_every TEXT NOT NULL DEFAULT '',
    deadline_day INTEGER NOT NULL DEFAULT 0,
    deadline_event TEXT NOT NULL DEFAULT '',
    event_date TEXT,
    event_days INTEGER NOT NULL DEFAULT 0,
    reported_until TEXT,
    extended_to TEXT,
    due_on TEXT,
    done_on TEXT,
    percent INTEGER NOT NULL DEFAULT 0,
    last_update_at TEXT NOT NULL,
    search_text TEXT NOT NULL DEFAULT '',
    created_by BIGINT REFERENCES users(id),
    created_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX tasks_org_due ON tasks (org_id, done_on, due_on);
CREATE INDEX tasks_notice ON tasks (notice_id);
CREATE INDEX tasks_update ON tasks (org_id, last_update_at);

CREATE TABLE task_units (
    task_id BIGINT NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
    unit_id BIGINT NOT NULL REFERENCES units(id),
    role TEXT NOT NULL,
    PRIMARY KEY (task_id, unit_id)
);
CREATE INDEX task_units_unit ON task_units (unit_id, task_id);

CREATE TABLE reports (
    id {{ID}},
    task_id BIGINT NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
    unit_id BIGINT REFERENCES units(id),
    user_id BIGINT REFERENCES users(id),
    body TEXT NOT NULL,
    percent INTEGER NOT NULL DEFAULT 0,
    completion INTEGER NOT NULL DEFAULT 0,
    period TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX reports_task ON reports (task_id, id);

CREATE TABLE attachments (
    id {{ID}},
    report_id BIGINT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    data {{BLOB}} NOT NULL
);
CREATE INDEX attachments_report ON attachments (report_id);

CREATE TABLE extensions (
    id {{ID}},
    task_id BIGINT NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
    unit_id BIGINT REFERENCES units(id),
    requested_by BIGINT REFERENCES users(id),
    old_due TEXT,
    new_due TEXT NOT NULL,
    reason TEXT NOT NULL,
    state TEXT NOT NULL,
    decided_by BIGINT REFERENCES users(id),
    decided_at TEXT,
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX extensions_task ON extensions (task_id);
CREATE INDEX extensions_state ON extensions (state);

-- Append-only: the storage layer only ever inserts here.
CREATE TABLE audit_log (
    id {{ID}},
    at TEXT NOT NULL,
    user_id BIGINT,
    user_name TEXT NOT NULL DEFAULT '',
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id BIGINT NOT NULL DEFAULT 0,
    before_json TEXT NOT NULL DEFAULT '',
    after_json TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);

CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
