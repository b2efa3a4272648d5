CREATE TABLE `erasure_progress` (
	`establishment_id` text PRIMARY KEY NOT NULL,
	`office_code` text NOT NULL,
	`reason` text NOT NULL,
	`started_at` integer NOT NULL,
	`counts` text DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
ALTER TABLE `audit_log` ADD `establishment_id` text;--> statement-breakpoint
CREATE INDEX `audit_office_est_idx` ON `audit_log` (`office_code`,`establishment_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_office_actor_idx` ON `audit_log` (`office_code`,`actor_id`,`at`);--> statement-breakpoint
ALTER TABLE `establishments` ADD `closed_at` integer;--> statement-breakpoint
ALTER TABLE `establishments` ADD `relocated_to_office_code` text;