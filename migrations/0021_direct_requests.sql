CREATE TABLE `direct_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`posting_id` text NOT NULL,
	`establishment_id` text NOT NULL,
	`seeker_id` text NOT NULL,
	`requested_by` text NOT NULL,
	`message` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'requested' NOT NULL,
	`created_at` integer NOT NULL,
	`answered_at` integer,
	FOREIGN KEY (`posting_id`) REFERENCES `job_postings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`establishment_id`) REFERENCES `establishments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`seeker_id`) REFERENCES `job_seekers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requested_by`) REFERENCES `employer_accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `direct_requests_posting_seeker_uq` ON `direct_requests` (`posting_id`,`seeker_id`);--> statement-breakpoint
CREATE INDEX `direct_requests_est_idx` ON `direct_requests` (`establishment_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `direct_requests_seeker_idx` ON `direct_requests` (`seeker_id`,`created_at`);