CREATE TABLE `login_ip_attempts` (
	`ip` text PRIMARY KEY NOT NULL,
	`window_start` text NOT NULL,
	`failures` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE `login_logs` ADD `password_checked` integer DEFAULT false NOT NULL;