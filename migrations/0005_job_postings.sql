CREATE TABLE `job_postings` (
	`id` text PRIMARY KEY NOT NULL,
	`establishment_id` text NOT NULL,
	`office_code` text NOT NULL,
	`status` text NOT NULL,
	`job_number` text,
	`university_graduate` integer DEFAULT false NOT NULL,
	`publication` integer DEFAULT 1 NOT NULL,
	`content` text NOT NULL,
	`published_content` text,
	`draft_step` integer DEFAULT 1 NOT NULL,
	`accepted_on` text,
	`valid_until` text,
	`extended` integer DEFAULT false NOT NULL,
	`invalidated_on` text,
	`review_comment` text,
	`reviewed_by` text,
	`submitted_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`establishment_id`) REFERENCES `establishments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`office_code`) REFERENCES `offices`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `job_postings_job_number_unique` ON `job_postings` (`job_number`);--> statement-breakpoint
CREATE INDEX `job_postings_est_idx` ON `job_postings` (`establishment_id`,`status`);--> statement-breakpoint
CREATE INDEX `job_postings_office_idx` ON `job_postings` (`office_code`,`status`);--> statement-breakpoint
ALTER TABLE `offices` ADD `next_job_serial` integer DEFAULT 1 NOT NULL;