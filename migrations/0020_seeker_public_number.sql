ALTER TABLE `job_seekers` ADD `public_number` text;--> statement-breakpoint
CREATE UNIQUE INDEX `job_seekers_public_number_unique` ON `job_seekers` (`public_number`);--> statement-breakpoint
-- Issue 12 (R-SEARCH-1, ADR 0021): every seeker gets a 公開番号 of 12 random hex digits when registered, whoever writes
-- the row, and the seekers already registered get theirs now.
CREATE TRIGGER `job_seekers_public_number` AFTER INSERT ON `job_seekers` WHEN new.public_number IS NULL
BEGIN
  UPDATE job_seekers SET public_number = upper(hex(randomblob(6))) WHERE id = new.id;
END;
--> statement-breakpoint
UPDATE `job_seekers` SET `public_number` = upper(hex(randomblob(6))) WHERE `public_number` IS NULL;
