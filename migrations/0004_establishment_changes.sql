CREATE TABLE `establishment_change_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`establishment_id` text NOT NULL,
	`requested_by` text NOT NULL,
	`data` text NOT NULL,
	`status` text NOT NULL,
	`review_comment` text,
	`reviewed_by` text,
	`reviewed_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`establishment_id`) REFERENCES `establishments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `establishment_change_est_idx` ON `establishment_change_requests` (`establishment_id`,`status`);