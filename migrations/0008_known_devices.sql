CREATE TABLE `known_devices` (
	`id` text NOT NULL,
	`account_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	PRIMARY KEY(`id`, `account_id`)
);
--> statement-breakpoint
CREATE INDEX `known_devices_account_idx` ON `known_devices` (`account_id`);