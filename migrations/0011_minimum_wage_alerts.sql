CREATE TABLE `minimum_wage_alerts` (
	`posting_id` text NOT NULL,
	`prefecture_code` text NOT NULL,
	`effective_from` text NOT NULL,
	`amount_yen` integer NOT NULL,
	`alert_from` text NOT NULL,
	`created_at` integer NOT NULL,
	`notified_at` integer,
	PRIMARY KEY(`posting_id`, `prefecture_code`, `effective_from`, `amount_yen`),
	FOREIGN KEY (`posting_id`) REFERENCES `job_postings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `minimum_wage_alerts_pref_idx` ON `minimum_wage_alerts` (`prefecture_code`,`effective_from`);