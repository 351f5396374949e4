CREATE TABLE `bankid_orders` (
	`id` text PRIMARY KEY NOT NULL,
	`secret_hash` blob NOT NULL,
	`purpose` text NOT NULL,
	`order_ref` text NOT NULL,
	`auto_start_token` text NOT NULL,
	`qr_start_token` text NOT NULL,
	`qr_start_secret` text NOT NULL,
	`started_at` integer NOT NULL,
	`status` text NOT NULL,
	`hint_code` text,
	`payload` text NOT NULL,
	`finished_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bankid_orders_order_ref_unique` ON `bankid_orders` (`order_ref`);--> statement-breakpoint
CREATE TABLE `email_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`purpose` text NOT NULL,
	`user_id` text NOT NULL,
	`secret_hash` blob NOT NULL,
	`new_email` text,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "email_tokens_purpose" CHECK("email_tokens"."purpose" in ('password_reset', 'email_change'))
);
--> statement-breakpoint
CREATE TABLE `login_challenges` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`secret_hash` blob NOT NULL,
	`code_hash` blob NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`sends` integer DEFAULT 1 NOT NULL,
	`last_sent_at` integer NOT NULL,
	`used_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `login_challenges_user` ON `login_challenges` (`user_id`);--> statement-breakpoint
CREATE TABLE `persons` (
	`id` text PRIMARY KEY NOT NULL,
	`personnummer` text,
	`birth_date` text,
	`given_name` text NOT NULL,
	`family_name` text NOT NULL,
	`email` text NOT NULL,
	`mobile` text,
	`billing_name` text,
	`address_line1` text,
	`address_line2` text,
	`postal_code` text,
	`city` text,
	`country` text,
	`billing_email` text,
	`identity_method` text NOT NULL,
	`created_at` integer NOT NULL,
	CONSTRAINT "persons_identity_method" CHECK("persons"."identity_method" in ('bankid', 'manual')),
	CONSTRAINT "persons_personnummer" CHECK("persons"."personnummer" is null or length("persons"."personnummer") = 12),
	CONSTRAINT "persons_email_lower" CHECK("persons"."email" = lower("persons"."email"))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `persons_personnummer_unique` ON `persons` (`personnummer`);--> statement-breakpoint
CREATE UNIQUE INDEX `persons_email_unique` ON `persons` (`email`);--> statement-breakpoint
CREATE TABLE `rate_limits` (
	`key` text PRIMARY KEY NOT NULL,
	`window_start` integer NOT NULL,
	`count` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`secret_hash` blob NOT NULL,
	`created_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`method` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sessions_user` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `user_roles` (
	`user_id` text NOT NULL,
	`role` text NOT NULL,
	PRIMARY KEY(`user_id`, `role`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "user_roles_role" CHECK("user_roles"."role" in ('applicant', 'reviewer', 'decider', 'admin'))
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`password_hash` text,
	`must_change_password` integer DEFAULT false NOT NULL,
	`locked_until` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_person_id_unique` ON `users` (`person_id`);--> statement-breakpoint
CREATE TABLE `events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`actor_user_id` text,
	`actor_name` text NOT NULL,
	`action` text NOT NULL,
	`subject_type` text NOT NULL,
	`subject_id` text NOT NULL,
	`person_id` text,
	`company_id` text,
	`details` text
);
--> statement-breakpoint
CREATE INDEX `events_person` ON `events` (`person_id`,`at`);--> statement-breakpoint
CREATE INDEX `events_company` ON `events` (`company_id`,`at`);--> statement-breakpoint
CREATE INDEX `events_subject` ON `events` (`subject_type`,`subject_id`);