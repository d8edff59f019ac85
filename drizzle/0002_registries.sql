CREATE TABLE `enterprise_annual_figures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`enterprise_id` integer NOT NULL,
	`year` integer NOT NULL,
	`revenue` real,
	`rd_expense` real,
	`employees` integer,
	`rd_staff` integer,
	`invention_patents` integer,
	`is_sample` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`created_by` integer,
	`updated_by` integer,
	`deleted_at` text,
	`deleted_by` integer,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`deleted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `annual_enterprise_year_live_uq` ON `enterprise_annual_figures` (`enterprise_id`,`year`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `annual_year_idx` ON `enterprise_annual_figures` (`year`,`deleted_at`);--> statement-breakpoint
CREATE TABLE `enterprise_qualifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`enterprise_id` integer NOT NULL,
	`type_id` integer NOT NULL,
	`certificate_no` text,
	`awarded_date` text NOT NULL,
	`expiry_date` text,
	`note` text,
	`is_sample` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`created_by` integer,
	`updated_by` integer,
	`deleted_at` text,
	`deleted_by` integer,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`type_id`) REFERENCES `dictionary_items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`deleted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `quals_enterprise_idx` ON `enterprise_qualifications` (`enterprise_id`,`deleted_at`);--> statement-breakpoint
CREATE INDEX `quals_type_dates_idx` ON `enterprise_qualifications` (`type_id`,`deleted_at`,`awarded_date`,`expiry_date`,`enterprise_id`);--> statement-breakpoint
CREATE INDEX `quals_type_expiry_idx` ON `enterprise_qualifications` (`type_id`,`expiry_date`);--> statement-breakpoint
CREATE TABLE `enterprises` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`credit_code` text NOT NULL,
	`legal_representative` text NOT NULL,
	`founded_date` text NOT NULL,
	`registered_capital` real NOT NULL,
	`street_id` integer NOT NULL,
	`park_id` integer,
	`industry_chain_id` integer,
	`is_above_scale` integer DEFAULT false NOT NULL,
	`contact_name` text,
	`contact_phone` text,
	`status` text DEFAULT 'active' NOT NULL,
	`status_changed_at` text,
	`latest_rd_expense` real,
	`latest_revenue` real,
	`is_sample` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`created_by` integer,
	`updated_by` integer,
	`deleted_at` text,
	`deleted_by` integer,
	FOREIGN KEY (`street_id`) REFERENCES `dictionary_items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`park_id`) REFERENCES `dictionary_items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`industry_chain_id`) REFERENCES `dictionary_items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`deleted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `enterprises_credit_code_live_uq` ON `enterprises` (`credit_code`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `enterprises_live_name_idx` ON `enterprises` (`deleted_at`,`name`);--> statement-breakpoint
CREATE INDEX `enterprises_live_rd_idx` ON `enterprises` (`deleted_at`,`latest_rd_expense`);--> statement-breakpoint
CREATE INDEX `enterprises_live_created_idx` ON `enterprises` (`deleted_at`,`created_at`);--> statement-breakpoint
CREATE INDEX `enterprises_street_idx` ON `enterprises` (`street_id`,`deleted_at`);--> statement-breakpoint
CREATE INDEX `enterprises_park_idx` ON `enterprises` (`park_id`,`deleted_at`);--> statement-breakpoint
CREATE INDEX `enterprises_chain_idx` ON `enterprises` (`industry_chain_id`,`deleted_at`,`latest_rd_expense`);--> statement-breakpoint
CREATE INDEX `enterprises_status_idx` ON `enterprises` (`status`,`deleted_at`);--> statement-breakpoint
CREATE TABLE `incubator_tenants` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`incubator_id` integer NOT NULL,
	`enterprise_id` integer NOT NULL,
	`move_in_date` text NOT NULL,
	`move_out_date` text,
	`is_sample` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`created_by` integer,
	`updated_by` integer,
	`deleted_at` text,
	`deleted_by` integer,
	FOREIGN KEY (`incubator_id`) REFERENCES `incubators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`deleted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `tenants_incubator_idx` ON `incubator_tenants` (`incubator_id`,`deleted_at`);--> statement-breakpoint
CREATE INDEX `tenants_enterprise_idx` ON `incubator_tenants` (`enterprise_id`,`deleted_at`);--> statement-breakpoint
CREATE TABLE `incubators` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`type_id` integer NOT NULL,
	`level` text NOT NULL,
	`operator` text NOT NULL,
	`street_id` integer,
	`address` text,
	`area` real,
	`incubated_total` integer DEFAULT 0 NOT NULL,
	`graduated_total` integer DEFAULT 0 NOT NULL,
	`ip_items` integer DEFAULT 0 NOT NULL,
	`high_tech_cultivated` integer DEFAULT 0 NOT NULL,
	`recognised_date` text,
	`status` text DEFAULT 'active' NOT NULL,
	`is_sample` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`created_by` integer,
	`updated_by` integer,
	`deleted_at` text,
	`deleted_by` integer,
	FOREIGN KEY (`type_id`) REFERENCES `dictionary_items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`street_id`) REFERENCES `dictionary_items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`deleted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `incubators_type_idx` ON `incubators` (`type_id`,`level`,`deleted_at`);--> statement-breakpoint
CREATE INDEX `incubators_live_name_idx` ON `incubators` (`deleted_at`,`name`);--> statement-breakpoint
CREATE TABLE `institutions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`type_id` integer NOT NULL,
	`level` text NOT NULL,
	`host_enterprise_id` integer,
	`host_organisation` text,
	`recognised_date` text NOT NULL,
	`field` text,
	`staff_count` integer,
	`status` text DEFAULT 'active' NOT NULL,
	`is_sample` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`created_by` integer,
	`updated_by` integer,
	`deleted_at` text,
	`deleted_by` integer,
	FOREIGN KEY (`type_id`) REFERENCES `dictionary_items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`host_enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`deleted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `institutions_type_level_idx` ON `institutions` (`type_id`,`level`,`deleted_at`,`status`,`recognised_date`);--> statement-breakpoint
CREATE INDEX `institutions_live_name_idx` ON `institutions` (`deleted_at`,`name`);--> statement-breakpoint
CREATE INDEX `institutions_host_idx` ON `institutions` (`host_enterprise_id`);--> statement-breakpoint
CREATE TABLE `talents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text DEFAULT 'person' NOT NULL,
	`name` text NOT NULL,
	`category_id` integer NOT NULL,
	`employer_enterprise_id` integer,
	`employer_name` text,
	`field` text,
	`recognised_year` integer NOT NULL,
	`programme` text,
	`phone` text,
	`id_number` text,
	`is_sample` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`created_by` integer,
	`updated_by` integer,
	`deleted_at` text,
	`deleted_by` integer,
	FOREIGN KEY (`category_id`) REFERENCES `dictionary_items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`employer_enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`deleted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `talents_category_idx` ON `talents` (`category_id`,`deleted_at`,`recognised_year`);--> statement-breakpoint
CREATE INDEX `talents_live_name_idx` ON `talents` (`deleted_at`,`name`);--> statement-breakpoint
CREATE INDEX `talents_employer_idx` ON `talents` (`employer_enterprise_id`);