ALTER TABLE `dictionary_items` ADD `label_en` text;--> statement-breakpoint
ALTER TABLE `indicators` ADD `name_en` text;--> statement-breakpoint
ALTER TABLE `indicators` ADD `unit_en` text;--> statement-breakpoint
ALTER TABLE `indicators` ADD `definition_en` text;--> statement-breakpoint
ALTER TABLE `indicators` ADD `data_source_en` text;--> statement-breakpoint
ALTER TABLE `indicators` ADD `release_lag_en` text;