CREATE TABLE `provisional_postings` (
	`id` text PRIMARY KEY NOT NULL,
	`registration_id` text NOT NULL,
	`content` text NOT NULL,
	`draft_step` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`registration_id`) REFERENCES `provisional_registrations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `provisional_postings_registration_id_unique` ON `provisional_postings` (`registration_id`);