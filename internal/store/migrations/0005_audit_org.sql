-- Audit entries belong to an organisation, so that an admin reads only their own.
ALTER TABLE audit_log ADD COLUMN org_id BIGINT;
UPDATE audit_log SET org_id = (SELECT users.org_id FROM users WHERE users.id = audit_log.user_id) WHERE user_id IS NOT NULL;
CREATE INDEX audit_log_org ON audit_log (org_id, id);
