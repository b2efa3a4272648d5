CREATE TABLE `postal_codes` (
	`code` text NOT NULL,
	`prefecture_code` text NOT NULL,
	`municipality_code` text NOT NULL,
	`municipality` text NOT NULL,
	`town` text NOT NULL,
	PRIMARY KEY(`code`, `municipality_code`, `town`)
);
--> statement-breakpoint
CREATE INDEX `postal_codes_prefecture_idx` ON `postal_codes` (`prefecture_code`);