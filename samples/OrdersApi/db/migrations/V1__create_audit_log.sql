-- Reporting database: the audit log the support team queries.
CREATE TABLE audit_log (
    id          BIGINT       NOT NULL PRIMARY KEY,
    order_id    INT          NOT NULL,
    action      VARCHAR(64)  NOT NULL,
    occurred_at TIMESTAMP    NOT NULL
);
