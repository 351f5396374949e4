ALTER TABLE `examination_centres` ADD `suspended_at` integer;--> statement-breakpoint
ALTER TABLE `examination_centres` ADD `suspended_by_user_id` text REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `examination_centres` ADD `suspension_reason` text;