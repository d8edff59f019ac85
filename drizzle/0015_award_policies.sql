CREATE TABLE `award_batches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`policy_id` integer NOT NULL,
	`year` integer NOT NULL,
	`state` text DEFAULT 'draft' NOT NULL,
	`submitted_by` integer,
	`submitted_at` text,
	`reviewed_by` integer,
	`reviewed_at` text,
	`approved_by` integer,
	`approved_at` text,
	`returned_by` integer,
	`return_reason` text,
	`budget_override_reason` text,
	`approved_total_yuan` integer,
	`approved_count` integer,
	`publicity_doc_no` text,
	`publicity_start` text,
	`publicity_end` text,
	`completed_at` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`created_by` integer,
	`updated_by` integer,
	FOREIGN KEY (`policy_id`) REFERENCES `award_policies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`submitted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`approved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`returned_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `award_batches_policy_year_uq` ON `award_batches` (`policy_id`,`year`);--> statement-breakpoint
CREATE INDEX `award_batches_state_idx` ON `award_batches` (`state`);--> statement-breakpoint
CREATE TABLE `award_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`batch_id` integer NOT NULL,
	`policy_id` integer NOT NULL,
	`enterprise_id` integer NOT NULL,
	`enterprise_name` text NOT NULL,
	`credit_code` text NOT NULL,
	`street_id` integer,
	`park_id` integer,
	`qualification_id` integer,
	`fact_date` text,
	`fact_key` text NOT NULL,
	`base_yuan` integer,
	`review_score` real,
	`documents` text,
	`amount_yuan` integer DEFAULT 0 NOT NULL,
	`excluded` integer DEFAULT false NOT NULL,
	`exclusion_reason` text,
	`objection` text,
	`objection_resolution` text,
	`objection_reason` text,
	`paid_yuan` integer DEFAULT 0 NOT NULL,
	`payment_state` text DEFAULT 'unpaid' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`created_by` integer,
	FOREIGN KEY (`batch_id`) REFERENCES `award_batches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`policy_id`) REFERENCES `award_policies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`qualification_id`) REFERENCES `enterprise_qualifications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `award_lines_batch_enterprise_uq` ON `award_lines` (`batch_id`,`enterprise_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `award_lines_policy_fact_uq` ON `award_lines` (`policy_id`,`fact_key`) WHERE excluded = 0;--> statement-breakpoint
CREATE INDEX `award_lines_enterprise_idx` ON `award_lines` (`enterprise_id`);--> statement-breakpoint
CREATE TABLE `award_payments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`line_id` integer NOT NULL,
	`batch_id` integer NOT NULL,
	`paid_date` text NOT NULL,
	`voucher_no` text NOT NULL,
	`amount_yuan` integer NOT NULL,
	`status` text NOT NULL,
	`note` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`created_by` integer,
	FOREIGN KEY (`line_id`) REFERENCES `award_lines`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`batch_id`) REFERENCES `award_batches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `award_payments_batch_idx` ON `award_payments` (`batch_id`,`line_id`);--> statement-breakpoint
CREATE TABLE `award_policies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`name` text NOT NULL,
	`basis_title` text NOT NULL,
	`basis_doc_no` text,
	`rule_text` text NOT NULL,
	`kind` text NOT NULL,
	`mode` text NOT NULL,
	`amount_yuan` integer,
	`min_yuan` integer,
	`max_yuan` integer,
	`rate_bp` integer,
	`threshold_yuan` integer,
	`cap_yuan` integer,
	`eligibility_qual_code` text,
	`eligibility_text` text,
	`documents` text,
	`year_budget_yuan` integer,
	`active_from` integer NOT NULL,
	`active_to` integer,
	`source` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_by` integer,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `award_policies_key_unique` ON `award_policies` (`key`);