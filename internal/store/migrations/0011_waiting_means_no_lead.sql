-- A task waits for units (needs_units: listed on "Nhiệm vụ chưa xác định
-- đơn vị" and counted apart from the units' rows) only when no unit leads
-- it. A task with a lead unit that also names a group — a supporting one,
-- or a lead group beside the unit — counts in its lead unit's row and does
-- not wait; 0008 marked those too. Every task without a lead unit is
-- marked already, so only marks are taken away.
UPDATE tasks SET needs_units = 0
    WHERE needs_units = 1
    AND EXISTS (SELECT 1 FROM task_units tu WHERE tu.task_id = tasks.id AND tu.role = 'lead');
