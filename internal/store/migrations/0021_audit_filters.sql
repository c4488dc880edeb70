-- The audit log is filtered by user and by action, newest first.
CREATE INDEX audit_log_org_user ON audit_log (org_id, user_id, id);
CREATE INDEX audit_log_org_action ON audit_log (org_id, action, id);
