CREATE TABLE `seeker_accounts` (
	`id` text PRIMARY KEY NOT NULL,
	`seeker_id` text NOT NULL,
	`email` text NOT NULL,
	`email_normalized` text NOT NULL,
	`password_hash` text,
	`status` text NOT NULL,
	`created_at` integer NOT NULL,
	`activated_at` integer,
	`created_by` text,
	FOREIGN KEY (`seeker_id`) REFERENCES `job_seekers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `seeker_accounts_seeker_id_unique` ON `seeker_accounts` (`seeker_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `seeker_accounts_email_normalized_unique` ON `seeker_accounts` (`email_normalized`);