ALTER TABLE `users` ADD `unit_kind` text;--> statement-breakpoint
ALTER TABLE `users` ADD `unit_id` integer REFERENCES dictionary_items(id);--> statement-breakpoint
ALTER TABLE `users` ADD `data_scope` text DEFAULT 'all' NOT NULL;