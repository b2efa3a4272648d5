CREATE TABLE `kept_forms` (
	`browser_id` text NOT NULL,
	`path` text NOT NULL,
	`account_id` text NOT NULL,
	`ended_session_id` text NOT NULL,
	`establishment_id` text,
	`fields` text NOT NULL,
	`kept_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	PRIMARY KEY(`browser_id`, `path`)
);
--> statement-breakpoint
CREATE INDEX `kept_forms_expires_idx` ON `kept_forms` (`expires_at`);