CREATE TABLE `review_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`object_type` text NOT NULL,
	`record_id` integer NOT NULL,
	`registry` text NOT NULL,
	`root_id` integer NOT NULL,
	`op` text NOT NULL,
	`action` text NOT NULL,
	`payload` text,
	`base_version` integer NOT NULL,
	`state` text DEFAULT 'pending' NOT NULL,
	`reason` text,
	`submitted_by` integer NOT NULL,
	`submitted_at` text NOT NULL,
	`reviewed_by` integer,
	`reviewed_at` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`submitted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `review_items_state_idx` ON `review_items` (`state`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `review_items_record_idx` ON `review_items` (`object_type`,`record_id`,`state`);--> statement-breakpoint
CREATE INDEX `review_items_root_idx` ON `review_items` (`registry`,`root_id`,`state`);--> statement-breakpoint
CREATE INDEX `review_items_submitter_idx` ON `review_items` (`submitted_by`,`state`,`submitted_at`);--> statement-breakpoint
DROP INDEX `quals_type_dates_idx`;--> statement-breakpoint
ALTER TABLE `enterprise_qualifications` ADD `review_state` text DEFAULT 'approved' NOT NULL;--> statement-breakpoint
CREATE INDEX `quals_type_dates_idx` ON `enterprise_qualifications` (`type_id`,`deleted_at`,`awarded_date`,`expiry_date`,`enterprise_id`,`review_state`);--> statement-breakpoint
DROP INDEX `enterprises_id_live_status_idx`;--> statement-breakpoint
ALTER TABLE `enterprises` ADD `review_state` text DEFAULT 'approved' NOT NULL;--> statement-breakpoint
CREATE INDEX `enterprises_id_live_status_idx` ON `enterprises` (`id`,`deleted_at`,`status`,`review_state`);--> statement-breakpoint
DROP INDEX `institutions_type_level_idx`;--> statement-breakpoint
ALTER TABLE `institutions` ADD `review_state` text DEFAULT 'approved' NOT NULL;--> statement-breakpoint
CREATE INDEX `institutions_type_level_idx` ON `institutions` (`type_id`,`level`,`deleted_at`,`status`,`recognised_date`,`review_state`);--> statement-breakpoint
DROP INDEX `talents_category_idx`;--> statement-breakpoint
ALTER TABLE `talents` ADD `review_state` text DEFAULT 'approved' NOT NULL;--> statement-breakpoint
CREATE INDEX `talents_category_idx` ON `talents` (`category_id`,`deleted_at`,`recognised_year`,`review_state`);--> statement-breakpoint
ALTER TABLE `enterprise_annual_figures` ADD `review_state` text DEFAULT 'approved' NOT NULL;--> statement-breakpoint
ALTER TABLE `incubator_tenants` ADD `review_state` text DEFAULT 'approved' NOT NULL;--> statement-breakpoint
ALTER TABLE `incubators` ADD `review_state` text DEFAULT 'approved' NOT NULL;