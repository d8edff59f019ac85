CREATE TABLE `search_meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `search_queue` (
	`key` integer PRIMARY KEY NOT NULL
);
