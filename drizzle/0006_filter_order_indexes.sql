DROP INDEX `enterprises_street_idx`;--> statement-breakpoint
DROP INDEX `enterprises_park_idx`;--> statement-breakpoint
CREATE INDEX `enterprises_street_live_created_idx` ON `enterprises` (`street_id`,`deleted_at`,`created_at`);--> statement-breakpoint
CREATE INDEX `enterprises_park_live_created_idx` ON `enterprises` (`park_id`,`deleted_at`,`created_at`);