DROP INDEX `enterprises_live_name_idx`;--> statement-breakpoint
DROP INDEX `enterprises_live_rd_idx`;--> statement-breakpoint
DROP INDEX `enterprises_live_created_idx`;--> statement-breakpoint
DROP INDEX `enterprises_live_founded_idx`;--> statement-breakpoint
DROP INDEX `enterprises_live_capital_idx`;--> statement-breakpoint
CREATE INDEX `enterprises_sort_name_idx` ON `enterprises` (`deleted_at`,`name`,`id`,`street_id`,`park_id`,`industry_chain_id`,`status`,`review_state`,`created_by`);--> statement-breakpoint
CREATE INDEX `enterprises_sort_latest_rd_expense_idx` ON `enterprises` (`deleted_at`,`latest_rd_expense`,`id`,`street_id`,`park_id`,`industry_chain_id`,`status`,`review_state`,`created_by`,`latest_revenue`);--> statement-breakpoint
CREATE INDEX `enterprises_sort_created_at_idx` ON `enterprises` (`deleted_at`,`created_at`,`id`,`street_id`,`park_id`,`industry_chain_id`,`status`,`review_state`,`created_by`);--> statement-breakpoint
CREATE INDEX `enterprises_sort_founded_date_idx` ON `enterprises` (`deleted_at`,`founded_date`,`id`,`street_id`,`park_id`,`industry_chain_id`,`status`,`review_state`,`created_by`);--> statement-breakpoint
CREATE INDEX `enterprises_sort_registered_capital_idx` ON `enterprises` (`deleted_at`,`registered_capital`,`id`,`street_id`,`park_id`,`industry_chain_id`,`status`,`review_state`,`created_by`);--> statement-breakpoint
CREATE INDEX `enterprises_created_by_idx` ON `enterprises` (`created_by`,`deleted_at`,`created_at`);--> statement-breakpoint
DROP INDEX `incubators_live_name_idx`;--> statement-breakpoint
DROP INDEX `incubators_live_incubated_idx`;--> statement-breakpoint
DROP INDEX `incubators_live_ip_idx`;--> statement-breakpoint
DROP INDEX `incubators_live_high_tech_idx`;--> statement-breakpoint
DROP INDEX `incubators_live_created_idx`;--> statement-breakpoint
CREATE INDEX `incubators_created_by_idx` ON `incubators` (`created_by`,`deleted_at`,`created_at`);--> statement-breakpoint
CREATE INDEX `incubators_sort_name_idx` ON `incubators` (`deleted_at`,`name`,`id`,`street_id`,`review_state`,`created_by`,`status`);--> statement-breakpoint
CREATE INDEX `incubators_sort_incubated_total_idx` ON `incubators` (`deleted_at`,`incubated_total`,`id`,`street_id`,`review_state`,`created_by`,`status`);--> statement-breakpoint
CREATE INDEX `incubators_sort_ip_items_idx` ON `incubators` (`deleted_at`,`ip_items`,`id`,`street_id`,`review_state`,`created_by`,`status`);--> statement-breakpoint
CREATE INDEX `incubators_sort_high_tech_cultivated_idx` ON `incubators` (`deleted_at`,`high_tech_cultivated`,`id`,`street_id`,`review_state`,`created_by`,`status`);--> statement-breakpoint
CREATE INDEX `incubators_sort_created_at_idx` ON `incubators` (`deleted_at`,`created_at`,`id`,`street_id`,`review_state`,`created_by`,`status`);--> statement-breakpoint
DROP INDEX `institutions_live_name_idx`;--> statement-breakpoint
DROP INDEX `institutions_live_recognised_idx`;--> statement-breakpoint
DROP INDEX `institutions_live_staff_idx`;--> statement-breakpoint
DROP INDEX `institutions_live_created_idx`;--> statement-breakpoint
CREATE INDEX `institutions_created_by_idx` ON `institutions` (`created_by`,`deleted_at`,`created_at`);--> statement-breakpoint
CREATE INDEX `institutions_sort_name_idx` ON `institutions` (`deleted_at`,`name`,`id`,`host_enterprise_id`,`review_state`,`created_by`,`status`);--> statement-breakpoint
CREATE INDEX `institutions_sort_recognised_date_idx` ON `institutions` (`deleted_at`,`recognised_date`,`id`,`host_enterprise_id`,`review_state`,`created_by`,`status`);--> statement-breakpoint
CREATE INDEX `institutions_sort_staff_count_idx` ON `institutions` (`deleted_at`,`staff_count`,`id`,`host_enterprise_id`,`review_state`,`created_by`,`status`);--> statement-breakpoint
CREATE INDEX `institutions_sort_created_at_idx` ON `institutions` (`deleted_at`,`created_at`,`id`,`host_enterprise_id`,`review_state`,`created_by`,`status`);--> statement-breakpoint
DROP INDEX `talents_live_name_idx`;--> statement-breakpoint
DROP INDEX `talents_live_year_idx`;--> statement-breakpoint
DROP INDEX `talents_live_created_idx`;--> statement-breakpoint
CREATE INDEX `talents_created_by_idx` ON `talents` (`created_by`,`deleted_at`,`created_at`);--> statement-breakpoint
CREATE INDEX `talents_sort_name_idx` ON `talents` (`deleted_at`,`name`,`id`,`employer_enterprise_id`,`review_state`,`created_by`,`category_id`);--> statement-breakpoint
CREATE INDEX `talents_sort_recognised_year_idx` ON `talents` (`deleted_at`,`recognised_year`,`id`,`employer_enterprise_id`,`review_state`,`created_by`,`category_id`);--> statement-breakpoint
CREATE INDEX `talents_sort_created_at_idx` ON `talents` (`deleted_at`,`created_at`,`id`,`employer_enterprise_id`,`review_state`,`created_by`,`category_id`);