-- Broken on purpose: there is no U2__index_audit_log_by_order.sql to undo this (RP1010).
CREATE INDEX ix_audit_log_order_id ON audit_log (order_id);
