-- The audit trail about one thing (a user's privacy requests, a message's moderation), in order.
CREATE INDEX audit_log_target_idx ON audit_log (target_type, target_id, created_at);
