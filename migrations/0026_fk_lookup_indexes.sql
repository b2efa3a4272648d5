-- Issue 14: indexes for the foreign-key checks of the erasure (R-DEL-4). D1 enforces foreign keys, so deleting a referral,
-- an establishment, a posting or a login account looks up the rows that reference it; these columns had no index, so
-- each deleted row scanned every message (or thread, or request): the erasure grew with rows deleted × messages.
CREATE INDEX `direct_requests_requested_by_idx` ON `direct_requests` (`requested_by`);--> statement-breakpoint
CREATE INDEX `message_threads_posting_idx` ON `message_threads` (`posting_id`);--> statement-breakpoint
CREATE INDEX `messages_referral_idx` ON `messages` (`referral_id`);--> statement-breakpoint
CREATE INDEX `messages_establishment_idx` ON `messages` (`establishment_id`);