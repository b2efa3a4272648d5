CREATE TABLE `message_threads` (
	`id` text PRIMARY KEY NOT NULL,
	`establishment_id` text NOT NULL,
	`seeker_id` text NOT NULL,
	`posting_id` text,
	`created_at` integer NOT NULL,
	`last_message_at` integer NOT NULL,
	`closed_at` integer,
	FOREIGN KEY (`establishment_id`) REFERENCES `establishments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`seeker_id`) REFERENCES `job_seekers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`posting_id`) REFERENCES `job_postings`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `message_threads_est_seeker_uq` ON `message_threads` (`establishment_id`,`seeker_id`);--> statement-breakpoint
CREATE INDEX `message_threads_est_idx` ON `message_threads` (`establishment_id`,`last_message_at`);--> statement-breakpoint
CREATE INDEX `message_threads_seeker_idx` ON `message_threads` (`seeker_id`,`last_message_at`);--> statement-breakpoint
CREATE TABLE `messages` (
	`id` text PRIMARY KEY NOT NULL,
	`thread_id` text NOT NULL,
	`establishment_id` text NOT NULL,
	`seeker_id` text NOT NULL,
	`sender_type` text NOT NULL,
	`sender_id` text NOT NULL,
	`kind` text DEFAULT 'text' NOT NULL,
	`referral_id` text,
	`body` text NOT NULL,
	`sent_at` integer NOT NULL,
	`sent_on` text NOT NULL,
	`read_at` integer,
	FOREIGN KEY (`thread_id`) REFERENCES `message_threads`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`establishment_id`) REFERENCES `establishments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`seeker_id`) REFERENCES `job_seekers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`referral_id`) REFERENCES `referrals`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `messages_thread_idx` ON `messages` (`thread_id`,`sent_at`);--> statement-breakpoint
CREATE INDEX `messages_sent_on_idx` ON `messages` (`sent_on`);--> statement-breakpoint
CREATE INDEX `messages_unread_idx` ON `messages` (`thread_id`,`sender_type`,`read_at`);