-- Drafts never count. A task is live when it belongs to no notice or to an
-- issued one, and is not a correction's proposed change (origin_id set):
-- only live tasks enter lists, counts, exports, feeds and task_counts. The
-- store keeps tasks.live and its copy in task_units in step with the
-- notice's state in the same transaction as the write that changes it.
ALTER TABLE tasks ADD COLUMN live INTEGER NOT NULL DEFAULT 1;
ALTER TABLE tasks ADD COLUMN origin_id BIGINT REFERENCES tasks(id);
ALTER TABLE task_units ADD COLUMN live INTEGER NOT NULL DEFAULT 1;
UPDATE tasks SET live = 0 WHERE notice_id IN (SELECT id FROM notices WHERE state <> 'issued');
UPDATE task_units SET live = 0 WHERE task_id IN (SELECT id FROM tasks WHERE live = 0);
CREATE INDEX tasks_origin ON tasks (origin_id);

-- The organisation-wide index ranges take live as their second column, so
-- that the one filter (live = 1) narrows them instead of reading rows.
DROP INDEX tasks_org_due;
CREATE INDEX tasks_org_due ON tasks (org_id, live, done_on, due_on);
DROP INDEX tasks_org_due_id;
CREATE INDEX tasks_org_due_id ON tasks (org_id, live, due_on, id);
DROP INDEX task_units_org;
CREATE INDEX task_units_org ON task_units (org_id, live, role, done_on, due_on, unit_id, block_id, sector_id, is_key);

-- A correction is a document of its own: a Thông báo đính chính ('erratum')
-- or a replacing notice ('replace', what every earlier correction was).
ALTER TABLE notices ADD COLUMN correction TEXT NOT NULL DEFAULT '';
UPDATE notices SET correction = 'replace' WHERE supersedes_id IS NOT NULL;

-- The counters count live tasks only: counted again.
DELETE FROM task_counts;
INSERT INTO task_counts (org_id, role, due_month, unit_id, block_id, sector_id, is_key, done_on_time, done_late, open_dated, open_undated)
    SELECT org_id, 'task', '', 0, COALESCE(block_id, 0), COALESCE(sector_id, 0), is_key,
        SUM(CASE WHEN done_on IS NOT NULL AND (due_on IS NULL OR done_on <= due_on) THEN 1 ELSE 0 END),
        SUM(CASE WHEN done_on IS NOT NULL AND due_on IS NOT NULL AND done_on > due_on THEN 1 ELSE 0 END),
        SUM(CASE WHEN done_on IS NULL AND due_on IS NOT NULL THEN 1 ELSE 0 END),
        SUM(CASE WHEN done_on IS NULL AND due_on IS NULL THEN 1 ELSE 0 END)
    FROM tasks WHERE live = 1 GROUP BY 1, 5, 6, 7;
INSERT INTO task_counts (org_id, role, due_month, unit_id, block_id, sector_id, is_key, open_dated)
    SELECT org_id, 'task', substr(due_on, 1, 7), 0, COALESCE(block_id, 0), COALESCE(sector_id, 0), is_key, COUNT(*)
    FROM tasks WHERE live = 1 AND done_on IS NULL AND due_on IS NOT NULL GROUP BY 1, 3, 5, 6, 7;
INSERT INTO task_counts (org_id, role, due_month, unit_id, block_id, sector_id, is_key, done_on_time, done_late, open_dated, open_undated)
    SELECT org_id, role, '', unit_id, block_id, sector_id, is_key,
        SUM(CASE WHEN done_on IS NOT NULL AND (due_on IS NULL OR done_on <= due_on) THEN 1 ELSE 0 END),
        SUM(CASE WHEN done_on IS NOT NULL AND due_on IS NOT NULL AND done_on > due_on THEN 1 ELSE 0 END),
        SUM(CASE WHEN done_on IS NULL AND due_on IS NOT NULL THEN 1 ELSE 0 END),
        SUM(CASE WHEN done_on IS NULL AND due_on IS NULL THEN 1 ELSE 0 END)
    FROM task_units WHERE live = 1 GROUP BY 1, 2, 4, 5, 6, 7;
INSERT INTO task_counts (org_id, role, due_month, unit_id, block_id, sector_id, is_key, open_dated)
    SELECT org_id, role, substr(due_on, 1, 7), unit_id, block_id, sector_id, is_key, COUNT(*)
    FROM task_units WHERE live = 1 AND done_on IS NULL AND due_on IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6, 7;
