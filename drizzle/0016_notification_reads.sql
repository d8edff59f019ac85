CREATE TABLE `notification_reads` (
	`user_id` integer NOT NULL,
	`item_key` text NOT NULL,
	`read_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	PRIMARY KEY(`user_id`, `item_key`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `quals_expiry_live_idx` ON `enterprise_qualifications` (`expiry_date`,`deleted_at`);