CREATE TABLE `follow_ups` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`payload` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`claimed_until` integer,
	`claim_token` text,
	`last_error` text,
	`created_at` integer NOT NULL,
	`done_at` integer,
	CONSTRAINT "follow_ups_status_check" CHECK("follow_ups"."status" in ('pending', 'done', 'failed'))
);
--> statement-breakpoint
CREATE INDEX `follow_ups_due` ON `follow_ups` (`status`,`next_attempt_at`);--> statement-breakpoint
ALTER TABLE `mail_outbox` ADD `attachments` text;