-- release-policy: forward-only The backfill only fills audit rows that were empty; the old values were never stored, so there is nothing to restore.
UPDATE audit_log SET action = 'legacy' WHERE action = '';
