ALTER TABLE `mail_outbox` ADD `expires_at` integer;--> statement-breakpoint
ALTER TABLE `mail_outbox` ADD `closed_at` integer;