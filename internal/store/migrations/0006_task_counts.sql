-- Lists and counts at a million tasks. task_units carries copies of the task
-- columns that lists and counts filter on, so that one unit's tasks are an
-- index range; the store keeps the copies in step on every task write.
-- block_id and sector_id are 0 for none, as in task_counts.
ALTER TABLE task_units ADD COLUMN org_id BIGINT NOT NULL DEFAULT 0;
ALTER TABLE task_units ADD COLUMN block_id BIGINT NOT NULL DEFAULT 0;
ALTER TABLE task_units ADD COLUMN sector_id BIGINT NOT NULL DEFAULT 0;
ALTER TABLE task_units ADD COLUMN is_key INTEGER NOT NULL DEFAULT 0;
ALTER TABLE task_units ADD COLUMN due_on TEXT;
ALTER TABLE task_units ADD COLUMN done_on TEXT;
ALTER TABLE task_units ADD COLUMN last_update_at TEXT NOT NULL DEFAULT '';
UPDATE task_units SET org_id = t.org_id, block_id = COALESCE(t.block_id, 0), sector_id = COALESCE(t.sector_id, 0),
    is_key = t.is_key, due_on = t.due_on, done_on = t.done_on, last_update_at = t.last_update_at
    FROM tasks t WHERE t.id = task_units.task_id;
-- One unit's open tasks by due day (lists of overdue, due soon and open tasks).
CREATE INDEX task_units_open ON task_units (unit_id, done_on, due_on, task_id, role);
-- One unit's tasks by due day whatever their completion (lists of done tasks).
CREATE INDEX task_units_due ON task_units (unit_id, due_on, task_id, done_on, role);
-- The organisation's open tasks due in a few days, per unit (live part of the counts).
CREATE INDEX task_units_org ON task_units (org_id, role, done_on, due_on, unit_id, block_id, sector_id, is_key);
-- One unit's latest update.
CREATE INDEX task_units_update ON task_units (unit_id, role, last_update_at);
-- The organisation's tasks by due day whatever their completion (lists of done tasks).
CREATE INDEX tasks_org_due_id ON tasks (org_id, due_on, id);

-- Task counts kept by every task write, in the same transaction. A row counts
-- the tasks (role 'task', unit_id 0) or one unit's lead or support assignments
-- with the same block, sector (0 for none) and key flag. A finished task's
-- bucket never changes, so done tasks are counted as done on time or late.
-- Open tasks with a due day are counted twice: in the row of due_month '' with
-- all the others, and in the row of the month they are due ('YYYY-MM'), which
-- counts nothing else; readers read the months from today's on and turn them
-- into buckets for their day, the earlier ones being overdue.
CREATE TABLE task_counts (
    org_id BIGINT NOT NULL,
    role TEXT NOT NULL,
    due_month TEXT NOT NULL,
    unit_id BIGINT NOT NULL,
    block_id BIGINT NOT NULL,
    sector_id BIGINT NOT NULL,
    is_key INTEGER NOT NULL,
    done_on_time BIGINT NOT NULL DEFAULT 0,
    done_late BIGINT NOT NULL DEFAULT 0,
    open_dated BIGINT NOT NULL DEFAULT 0,
    open_undated BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (org_id, role, due_month, unit_id, block_id, sector_id, is_key)
);
CREATE INDEX task_counts_unit ON task_counts (org_id, role, unit_id, due_month);
INSERT INTO task_counts (org_id, role, due_month, unit_id, block_id, sector_id, is_key, done_on_time, done_late, open_dated, open_undated)
    SELECT org_id, 'task', '', 0, COALESCE(block_id, 0), COALESCE(sector_id, 0), is_key,
        SUM(CASE WHEN done_on IS NOT NULL AND (due_on IS NULL OR done_on <= due_on) THEN 1 ELSE 0 END),
        SUM(CASE WHEN done_on IS NOT NULL AND due_on IS NOT NULL AND done_on > due_on THEN 1 ELSE 0 END),
        SUM(CASE WHEN done_on IS NULL AND due_on IS NOT NULL THEN 1 ELSE 0 END),
        SUM(CASE WHEN done_on IS NULL AND due_on IS NULL THEN 1 ELSE 0 END)
    FROM tasks GROUP BY 1, 5, 6, 7;
INSERT INTO task_counts (org_id, role, due_month, unit_id, block_id, sector_id, is_key, open_dated)
    SELECT org_id, 'task', substr(due_on, 1, 7), 0, COALESCE(block_id, 0), COALESCE(sector_id, 0), is_key, COUNT(*)
    FROM tasks WHERE done_on IS NULL AND due_on IS NOT NULL GROUP BY 1, 3, 5, 6, 7;
INSERT INTO task_counts (org_id, role, due_month, unit_id, block_id, sector_id, is_key, done_on_time, done_late, open_dated, open_undated)
    SELECT org_id, role, '', unit_id, block_id, sector_id, is_key,
        SUM(CASE WHEN done_on IS NOT NULL AND (due_on IS NULL OR done_on <= due_on) THEN 1 ELSE 0 END),
        SUM(CASE WHEN done_on IS NOT NULL AND due_on IS NOT NULL AND done_on > due_on THEN 1 ELSE 0 END),
        SUM(CASE WHEN done_on IS NULL AND due_on IS NOT NULL THEN 1 ELSE 0 END),
        SUM(CASE WHEN done_on IS NULL AND due_on IS NULL THEN 1 ELSE 0 END)
    FROM task_units GROUP BY 1, 2, 4, 5, 6, 7;
INSERT INTO task_counts (org_id, role, due_month, unit_id, block_id, sector_id, is_key, open_dated)
    SELECT org_id, role, substr(due_on, 1, 7), unit_id, block_id, sector_id, is_key, COUNT(*)
    FROM task_units WHERE done_on IS NULL AND due_on IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6, 7;
