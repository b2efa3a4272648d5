CREATE TABLE `job_seekers` (
	`id` text PRIMARY KEY NOT NULL,
	`office_code` text NOT NULL,
	`seeker_number` text NOT NULL,
	`name` text NOT NULL,
	`name_kana` text NOT NULL,
	`birth_date` text NOT NULL,
	`postal_code` text DEFAULT '' NOT NULL,
	`prefecture_code` text NOT NULL,
	`municipality_code` text,
	`address` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`email` text,
	`desired_occupation` text DEFAULT '' NOT NULL,
	`desired_prefecture_code` text,
	`desired_municipality_code` text,
	`desired_employment_type` text DEFAULT '' NOT NULL,
	`desired_work_style` text DEFAULT 'either' NOT NULL,
	`desired_wage_form` text,
	`desired_wage` integer,
	`desired_hours` text DEFAULT '' NOT NULL,
	`licences` text DEFAULT '' NOT NULL,
	`work_history` text DEFAULT '' NOT NULL,
	`self_pr` text DEFAULT '' NOT NULL,
	`has_mypage` integer DEFAULT false NOT NULL,
	`publish_profile` integer DEFAULT false NOT NULL,
	`disclosure` text DEFAULT '[]' NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`office_code`) REFERENCES `offices`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`prefecture_code`) REFERENCES `prefectures`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`municipality_code`) REFERENCES `municipalities`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`desired_prefecture_code`) REFERENCES `prefectures`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`desired_municipality_code`) REFERENCES `municipalities`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `job_seekers_seeker_number_unique` ON `job_seekers` (`seeker_number`);--> statement-breakpoint
CREATE INDEX `job_seekers_office_idx` ON `job_seekers` (`office_code`,`name_kana`);--> statement-breakpoint
CREATE TABLE `referral_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`referral_id` text NOT NULL,
	`at` integer NOT NULL,
	`actor_type` text NOT NULL,
	`actor_id` text,
	`action` text NOT NULL,
	`before` text,
	`after` text,
	FOREIGN KEY (`referral_id`) REFERENCES `referrals`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `referral_events_referral_idx` ON `referral_events` (`referral_id`,`at`);--> statement-breakpoint
CREATE TABLE `referrals` (
	`id` text PRIMARY KEY NOT NULL,
	`seeker_id` text NOT NULL,
	`posting_id` text NOT NULL,
	`establishment_id` text NOT NULL,
	`channel` text DEFAULT 'referral' NOT NULL,
	`office_code` text,
	`referred_by` text,
	`referred_on` text NOT NULL,
	`interview_at` text,
	`interview_place` text DEFAULT '' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'screening' NOT NULL,
	`hire_date` text,
	`conditions_differ` integer,
	`differences` text DEFAULT '[]' NOT NULL,
	`difference_note` text DEFAULT '' NOT NULL,
	`result_at` integer,
	`result_by_type` text,
	`result_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`seeker_id`) REFERENCES `job_seekers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`posting_id`) REFERENCES `job_postings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`establishment_id`) REFERENCES `establishments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`office_code`) REFERENCES `offices`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `referrals_open_uq` ON `referrals` (`seeker_id`,`posting_id`) WHERE status = 'screening';--> statement-breakpoint
CREATE INDEX `referrals_backlog_idx` ON `referrals` (`establishment_id`,`status`,`referred_on`);--> statement-breakpoint
CREATE INDEX `referrals_posting_idx` ON `referrals` (`posting_id`,`referred_on`);--> statement-breakpoint
CREATE INDEX `referrals_seeker_idx` ON `referrals` (`seeker_id`,`referred_on`);--> statement-breakpoint
CREATE INDEX `referrals_office_idx` ON `referrals` (`office_code`,`referred_on`);--> statement-breakpoint
ALTER TABLE `establishments` ADD `restriction_lifted_at` integer;--> statement-breakpoint
ALTER TABLE `establishments` ADD `restriction_lifted_by` text;--> statement-breakpoint
ALTER TABLE `establishments` ADD `unusable_at` integer;--> statement-breakpoint
ALTER TABLE `offices` ADD `next_seeker_serial` integer DEFAULT 1 NOT NULL;