CREATE TABLE `seeker_referral_refs` (
	`referral_id` text PRIMARY KEY NOT NULL,
	`seeker_id` text NOT NULL,
	`shard` text NOT NULL,
	`posting_id` text NOT NULL,
	`job_number` text NOT NULL,
	`establishment_name` text NOT NULL,
	`job_title` text NOT NULL,
	`office_code` text NOT NULL,
	`referred_by` text,
	`referred_on` text NOT NULL,
	`status` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`seeker_id`) REFERENCES `job_seekers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `seeker_referral_refs_seeker_idx` ON `seeker_referral_refs` (`seeker_id`,`referred_on`);--> statement-breakpoint
CREATE TABLE `shard_outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`target_shard` text NOT NULL,
	`payload` text NOT NULL,
	`created_at` integer NOT NULL,
	`delivered_at` integer,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text
);
--> statement-breakpoint
CREATE INDEX `shard_outbox_pending_idx` ON `shard_outbox` (`delivered_at`,`created_at`);--> statement-breakpoint
ALTER TABLE `job_seekers` ADD `home_shard` text;