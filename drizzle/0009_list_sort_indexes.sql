CREATE INDEX `enterprises_live_founded_idx` ON `enterprises` (`deleted_at`,`founded_date`);--> statement-breakpoint
CREATE INDEX `enterprises_live_capital_idx` ON `enterprises` (`deleted_at`,`registered_capital`);--> statement-breakpoint
CREATE INDEX `incubators_live_incubated_idx` ON `incubators` (`deleted_at`,`incubated_total`);--> statement-breakpoint
CREATE INDEX `incubators_live_ip_idx` ON `incubators` (`deleted_at`,`ip_items`);--> statement-breakpoint
CREATE INDEX `incubators_live_high_tech_idx` ON `incubators` (`deleted_at`,`high_tech_cultivated`);--> statement-breakpoint
CREATE INDEX `incubators_live_created_idx` ON `incubators` (`deleted_at`,`created_at`);--> statement-breakpoint
CREATE INDEX `institutions_live_recognised_idx` ON `institutions` (`deleted_at`,`recognised_date`);--> statement-breakpoint
CREATE INDEX `institutions_live_staff_idx` ON `institutions` (`deleted_at`,`staff_count`);--> statement-breakpoint
CREATE INDEX `institutions_live_created_idx` ON `institutions` (`deleted_at`,`created_at`);--> statement-breakpoint
CREATE INDEX `talents_live_year_idx` ON `talents` (`deleted_at`,`recognised_year`);--> statement-breakpoint
CREATE INDEX `talents_live_created_idx` ON `talents` (`deleted_at`,`created_at`);