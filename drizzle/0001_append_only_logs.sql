-- Custom migration: the operation log and the login log are append-only.
CREATE TRIGGER operation_logs_no_update BEFORE UPDATE ON operation_logs
BEGIN
  SELECT RAISE(ABORT, 'operation_logs is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER operation_logs_no_delete BEFORE DELETE ON operation_logs
BEGIN
  SELECT RAISE(ABORT, 'operation_logs is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER login_logs_no_update BEFORE UPDATE ON login_logs
BEGIN
  SELECT RAISE(ABORT, 'login_logs is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER login_logs_no_delete BEFORE DELETE ON login_logs
BEGIN
  SELECT RAISE(ABORT, 'login_logs is append-only');
END;
