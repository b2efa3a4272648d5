CREATE TABLE `industry_divisions` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `industry_groups` (
	`code` text PRIMARY KEY NOT NULL,
	`division_code` text NOT NULL,
	`name` text NOT NULL,
	FOREIGN KEY (`division_code`) REFERENCES `industry_divisions`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `industry_groups_division_idx` ON `industry_groups` (`division_code`);