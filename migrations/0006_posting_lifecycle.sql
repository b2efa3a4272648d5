CREATE TABLE `notices` (
	`id` text PRIMARY KEY NOT NULL,
	`establishment_id` text NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`link` text,
	`created_at` integer NOT NULL,
	`read_at` integer,
	FOREIGN KEY (`establishment_id`) REFERENCES `establishments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notices_est_idx` ON `notices` (`establishment_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `job_postings` ADD `change_status` text;--> statement-breakpoint
ALTER TABLE `job_postings` ADD `change_submitted_at` integer;--> statement-breakpoint
ALTER TABLE `job_postings` ADD `extension_status` text;--> statement-breakpoint
ALTER TABLE `job_postings` ADD `extension_requested_at` integer;--> statement-breakpoint
ALTER TABLE `job_postings` ADD `stop_reason` text;--> statement-breakpoint
ALTER TABLE `job_postings` ADD `source_posting_id` text;--> statement-breakpoint
ALTER TABLE `job_postings` ADD `renewal_of` text;--> statement-breakpoint
ALTER TABLE `job_postings` ADD `search_text` text;--> statement-breakpoint
ALTER TABLE `job_postings` ADD `prefecture_code` text;--> statement-breakpoint
ALTER TABLE `job_postings` ADD `employment_type` text;--> statement-breakpoint
ALTER TABLE `job_postings` ADD `kind` text;--> statement-breakpoint
CREATE INDEX `job_postings_public_idx` ON `job_postings` (`status`,`publication`,`valid_until`);