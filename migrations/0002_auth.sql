CREATE TABLE `auth_key_attempts` (
	`key_id` text PRIMARY KEY NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`consumed_at` integer,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `auth_throttle` (
	`scope` text PRIMARY KEY NOT NULL,
	`window_start` integer NOT NULL,
	`failures` integer DEFAULT 0 NOT NULL,
	`locked_until` integer
);
--> statement-breakpoint
CREATE TABLE `provisional_registrations` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`office_code` text,
	`establishment_data` text,
	`name` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`expires_on` text NOT NULL,
	`completed_at` integer,
	`establishment_id` text,
	FOREIGN KEY (`account_id`) REFERENCES `employer_accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`office_code`) REFERENCES `offices`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`establishment_id`) REFERENCES `establishments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `provisional_registrations_account_id_unique` ON `provisional_registrations` (`account_id`);--> statement-breakpoint
CREATE INDEX `provisional_office_idx` ON `provisional_registrations` (`office_code`,`completed_at`);--> statement-breakpoint
CREATE INDEX `provisional_expiry_idx` ON `provisional_registrations` (`expires_on`);--> statement-breakpoint
CREATE TABLE `trusted_browsers` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `trusted_browsers_account_idx` ON `trusted_browsers` (`account_id`);--> statement-breakpoint
PRAGMA defer_foreign_keys = on;--> statement-breakpoint
CREATE TABLE `__new_employer_accounts` (
	`id` text PRIMARY KEY NOT NULL,
	`establishment_id` text,
	`email` text NOT NULL,
	`email_normalized` text NOT NULL,
	`password_hash` text,
	`is_main` integer DEFAULT false NOT NULL,
	`status` text NOT NULL,
	`created_at` integer NOT NULL,
	`activated_at` integer,
	`added_by` text,
	FOREIGN KEY (`establishment_id`) REFERENCES `establishments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_employer_accounts`("id", "establishment_id", "email", "email_normalized", "password_hash", "is_main", "status", "created_at", "activated_at", "added_by") SELECT "id", "establishment_id", "email", "email_normalized", "password_hash", "is_main", "status", "created_at", "activated_at", "added_by" FROM `employer_accounts`;--> statement-breakpoint
DROP TABLE `employer_accounts`;--> statement-breakpoint
ALTER TABLE `__new_employer_accounts` RENAME TO `employer_accounts`;--> statement-breakpoint
CREATE UNIQUE INDEX `employer_accounts_email_normalized_unique` ON `employer_accounts` (`email_normalized`);--> statement-breakpoint
CREATE INDEX `employer_accounts_est_idx` ON `employer_accounts` (`establishment_id`);--> statement-breakpoint
ALTER TABLE `offices` ADD `next_establishment_serial` integer DEFAULT 1 NOT NULL;