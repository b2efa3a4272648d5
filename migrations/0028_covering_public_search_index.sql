-- Issue 14: the public search's index covers its filter and order (status, 公開希望, 紹介期限, 受理日, 公開開始日, establishment,
-- id, 求人番号, and the filters), so a page of 30 is chosen from the index and only its rows are read (the rows hold two
-- 求人票 documents; reading every candidate cost ~0.3 s per search at 10 % scale, scripts/bench/search.ts).
DROP INDEX `job_postings_public_idx`;--> statement-breakpoint
CREATE INDEX `job_postings_public_idx` ON `job_postings` (`status`,`publication`,`valid_until`,`accepted_on`,`public_from`,`establishment_id`,`id`,`job_number`,`prefecture_code`,`employment_type`,`kind`);