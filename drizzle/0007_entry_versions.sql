ALTER TABLE `dictionary_items` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `dictionary_items` ADD `updated_by` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `district_values` ADD `source_doc` text;--> statement-breakpoint
ALTER TABLE `indicator_targets` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `updated_by` integer REFERENCES users(id);