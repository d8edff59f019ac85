CREATE TABLE `quarterly_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`quarter` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`summary_text` text DEFAULT '' NOT NULL,
	`plan_text` text DEFAULT '' NOT NULL,
	`current_snapshot_id` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_by` integer,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `quarterly_reports_quarter_unique` ON `quarterly_reports` (`quarter`);--> statement-breakpoint
CREATE TABLE `report_snapshots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`report_id` integer NOT NULL,
	`quarter` text NOT NULL,
	`snapshot_version` integer NOT NULL,
	`data` text NOT NULL,
	`data_as_of` text NOT NULL,
	`closed_at` text NOT NULL,
	`closed_by` integer NOT NULL,
	`closed_by_name` text NOT NULL,
	`reopened_at` text,
	`reopened_by` integer,
	`reopened_by_name` text,
	`reopen_reason` text,
	FOREIGN KEY (`report_id`) REFERENCES `quarterly_reports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`closed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reopened_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `report_snapshots_version_uq` ON `report_snapshots` (`report_id`,`snapshot_version`);--> statement-breakpoint
CREATE INDEX `report_snapshots_quarter_idx` ON `report_snapshots` (`quarter`,`snapshot_version`);--> statement-breakpoint
-- A closed quarter's snapshot never changes and is never deleted; the only update allowed records, once,
-- that it was reopened (who, when, why).
CREATE TRIGGER report_snapshots_no_delete BEFORE DELETE ON report_snapshots
BEGIN
  SELECT RAISE(ABORT, 'report_snapshots are kept forever');
END;
--> statement-breakpoint
CREATE TRIGGER report_snapshots_frozen BEFORE UPDATE ON report_snapshots
WHEN OLD.reopened_at IS NOT NULL
  OR NEW.id IS NOT OLD.id OR NEW.report_id IS NOT OLD.report_id OR NEW.quarter IS NOT OLD.quarter
  OR NEW.snapshot_version IS NOT OLD.snapshot_version OR NEW.data IS NOT OLD.data
  OR NEW.data_as_of IS NOT OLD.data_as_of OR NEW.closed_at IS NOT OLD.closed_at
  OR NEW.closed_by IS NOT OLD.closed_by OR NEW.closed_by_name IS NOT OLD.closed_by_name
BEGIN
  SELECT RAISE(ABORT, 'a closed quarter snapshot is frozen');
END;
