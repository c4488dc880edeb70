-- Daily status snapshots and the job table that takes them.
--
-- status_snapshots holds, per organisation and day, the five status buckets
-- of its tasks as seen on that day (completions reported that day counted as
-- done), so that the dashboard draws "overdue over time" from a year of rows
-- instead of the task history. Rows are only ever upserted: taking a day's
-- snapshot again refreshes it.
CREATE TABLE status_snapshots (
    org_id BIGINT NOT NULL REFERENCES orgs(id),
    day TEXT NOT NULL,
    overdue BIGINT NOT NULL DEFAULT 0,
    due_soon BIGINT NOT NULL DEFAULT 0,
    open BIGINT NOT NULL DEFAULT 0,
    done_late BIGINT NOT NULL DEFAULT 0,
    done_on_time BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (org_id, day)
);

-- One row per background job. A runner claims a job that is due
-- (next_run_at <= now) and not leased (locked_until NULL or past) by setting
-- locked_until and locked_by, runs it, then records last_run_at, last_error
-- and the next run and drops the lease. A lease that outlives a crashed
-- instance simply expires.
CREATE TABLE jobs (
    name TEXT PRIMARY KEY,
    next_run_at TEXT NOT NULL,
    last_run_at TEXT,
    last_error TEXT NOT NULL DEFAULT '',
    locked_until TEXT,
    locked_by TEXT NOT NULL DEFAULT ''
);
