-- Groups of units ("UBND các xã, thị trấn", "Các đơn vị có liên quan") are
-- not units: nobody reports for them and no figure counts them. A group's
-- members are the units of some kinds (member_kinds, comma separated), of a
-- block, or both, and the units named in group_members; an open group
-- ("các đơn vị có liên quan") only suggests its members.
CREATE TABLE unit_groups (
    id {{ID}},
    org_id BIGINT NOT NULL REFERENCES orgs(id),
    name TEXT NOT NULL,
    member_kinds TEXT NOT NULL DEFAULT '',
    block_id BIGINT REFERENCES blocks(id),
    is_open INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (org_id, name)
);

CREATE TABLE group_aliases (
    group_id BIGINT NOT NULL REFERENCES unit_groups(id) ON DELETE CASCADE,
    org_id BIGINT NOT NULL REFERENCES orgs(id),
    alias TEXT NOT NULL,
    alias_fold TEXT NOT NULL,
    PRIMARY KEY (org_id, alias_fold)
);
CREATE INDEX group_aliases_group ON group_aliases (group_id);

CREATE TABLE group_members (
    group_id BIGINT NOT NULL REFERENCES unit_groups(id) ON DELETE CASCADE,
    unit_id BIGINT NOT NULL REFERENCES units(id),
    PRIMARY KEY (group_id, unit_id)
);

-- A task may name a group as lead or support until the Office expands it to
-- units or picks them; such a task (or one without any lead unit) has
-- needs_units = 1 and is listed for the Office to resolve.
CREATE TABLE task_groups (
    task_id BIGINT NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
    group_id BIGINT NOT NULL REFERENCES unit_groups(id),
    role TEXT NOT NULL,
    PRIMARY KEY (task_id, group_id)
);
CREATE INDEX task_groups_group ON task_groups (group_id);
ALTER TABLE tasks ADD COLUMN needs_units INTEGER NOT NULL DEFAULT 0;

CREATE TABLE meeting_groups (
    meeting_id BIGINT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    group_id BIGINT NOT NULL REFERENCES unit_groups(id),
    PRIMARY KEY (meeting_id, group_id)
);

-- Units that are groups become groups. The rule is on the name, as the app's
-- (app.LooksLikeGroup): a plural or collective form ("Các …", "UBND các …",
-- "Ủy ban nhân dân các …", "Lãnh đạo các …", "Thành viên …", "Khối …"), or the
-- kind "nhóm đơn vị" the demo gave them. A unit some account belongs to is a
-- real unit whatever its name.
CREATE TABLE migrating_groups (
    unit_id BIGINT PRIMARY KEY,
    org_id BIGINT NOT NULL,
    name TEXT NOT NULL
);
INSERT INTO migrating_groups (unit_id, org_id, name)
    SELECT id, org_id, name FROM units
    WHERE (lower(name) LIKE 'các %' OR lower(name) LIKE 'ubnd các %' OR lower(name) LIKE 'ủy ban nhân dân các %'
        OR name LIKE 'Ủy ban nhân dân các %' OR lower(name) LIKE 'uỷ ban nhân dân các %' OR name LIKE 'Uỷ ban nhân dân các %'
        OR lower(name) LIKE 'lãnh đạo các %' OR lower(name) LIKE 'thành viên %' OR lower(name) LIKE 'khối %'
        OR kind = 'nhóm đơn vị')
    AND id NOT IN (SELECT unit_id FROM users WHERE unit_id IS NOT NULL);

-- The rule each group gets, read from its name (as app.GroupFromName):
-- communes for "các xã / phường / thị trấn", schools for "các nhà trường,
-- trường học", the block whose name it contains;
-- "… liên quan" and names without a rule make an open group.
INSERT INTO unit_groups (org_id, name, member_kinds, block_id, is_open, version)
    SELECT m.org_id, m.name,
        CASE WHEN lower(m.name) LIKE '%liên quan%' THEN ''
            WHEN lower(m.name) LIKE '%các xã%' OR lower(m.name) LIKE '%các phường%' OR lower(m.name) LIKE '%các thị trấn%'
                OR lower(m.name) LIKE '%xã, phường%' OR lower(m.name) LIKE '%xã, thị trấn%' THEN 'xã, phường, thị trấn'
            WHEN lower(m.name) LIKE '%nhà trường%' OR lower(m.name) LIKE '%trường học%' OR lower(m.name) LIKE 'các trường %' THEN 'trường'
            WHEN lower(m.name) LIKE 'các phòng chuyên môn%' THEN 'phòng'
            ELSE '' END,
        (SELECT MIN(b.id) FROM blocks b WHERE b.org_id = m.org_id AND lower(m.name) LIKE '%' || lower(b.name) || '%'),
        0, 1
    FROM migrating_groups m;
UPDATE unit_groups SET is_open = 1
    WHERE (member_kinds = '' AND block_id IS NULL) OR lower(name) LIKE '%liên quan%';

INSERT INTO group_aliases (group_id, org_id, alias, alias_fold)
    SELECT g.id, a.org_id, a.alias, a.alias_fold
    FROM unit_aliases a JOIN migrating_groups m ON m.unit_id = a.unit_id
    JOIN unit_groups g ON g.org_id = m.org_id AND g.name = m.name;
INSERT INTO task_groups (task_id, group_id, role)
    SELECT tu.task_id, g.id, tu.role
    FROM task_units tu JOIN migrating_groups m ON m.unit_id = tu.unit_id
    JOIN unit_groups g ON g.org_id = m.org_id AND g.name = m.name;
INSERT INTO meeting_groups (meeting_id, group_id)
    SELECT mu.meeting_id, g.id
    FROM meeting_units mu JOIN migrating_groups m ON m.unit_id = mu.unit_id
    JOIN unit_groups g ON g.org_id = m.org_id AND g.name = m.name;

-- The groups' assignments leave the per-unit counters (their rows count
-- nothing else) and the units go.
DELETE FROM task_counts WHERE role <> 'task' AND unit_id IN (SELECT unit_id FROM migrating_groups);
DELETE FROM task_units WHERE unit_id IN (SELECT unit_id FROM migrating_groups);
DELETE FROM meeting_units WHERE unit_id IN (SELECT unit_id FROM migrating_groups);
DELETE FROM unit_aliases WHERE unit_id IN (SELECT unit_id FROM migrating_groups);
UPDATE reports SET unit_id = NULL WHERE unit_id IN (SELECT unit_id FROM migrating_groups);
UPDATE extensions SET unit_id = NULL WHERE unit_id IN (SELECT unit_id FROM migrating_groups);
UPDATE calendar_tokens SET unit_id = NULL WHERE unit_id IN (SELECT unit_id FROM migrating_groups);
DELETE FROM units WHERE id IN (SELECT unit_id FROM migrating_groups);
DROP TABLE migrating_groups;

UPDATE tasks SET needs_units = 1
    WHERE id IN (SELECT task_id FROM task_groups) OR id NOT IN (SELECT task_id FROM task_units WHERE role = 'lead');
-- Few tasks wait: a partial index keeps their list (and the dashboard's
-- count of them) an index range of those few, whatever the table's size.
CREATE INDEX tasks_needs_units ON tasks (org_id, id) WHERE needs_units = 1;
