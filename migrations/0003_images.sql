CREATE TABLE `establishment_images` (
	`id` text PRIMARY KEY NOT NULL,
	`establishment_id` text NOT NULL,
	`r2_key` text NOT NULL,
	`content_type` text NOT NULL,
	`bytes` integer NOT NULL,
	`width` integer,
	`height` integer,
	`caption` text NOT NULL,
	`status` text NOT NULL,
	`reject_reason` text,
	`reviewed_by` text,
	`reviewed_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`establishment_id`) REFERENCES `establishments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `establishment_images_r2_key_unique` ON `establishment_images` (`r2_key`);--> statement-breakpoint
CREATE INDEX `establishment_images_est_idx` ON `establishment_images` (`establishment_id`,`status`);