CREATE TABLE `case_files` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`document_id` text NOT NULL,
	`added_at` integer NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_files_case` ON `case_files` (`case_id`);--> statement-breakpoint
CREATE TABLE `cases` (
	`id` text PRIMARY KEY NOT NULL,
	`number` integer NOT NULL,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`outcome` text,
	`appealed_kind` text,
	`appealed_decision_id` text,
	`appealed_moment_id` text,
	`appealed_at` integer,
	`appealed_decided_by_user_id` text,
	`deadline_on` text,
	`application_id` text,
	`certificate_id` text,
	`person_id` text,
	`company_id` text,
	`certificate_number_given` text,
	`org_number_given` text,
	`description` text NOT NULL,
	`submitted_by_user_id` text,
	`contact_name` text,
	`contact_email` text,
	`contact_phone` text,
	`handler_user_id` text,
	`received_at` integer NOT NULL,
	`closed_at` integer,
	`result_decision_id` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`appealed_decision_id`) REFERENCES `decisions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`appealed_moment_id`) REFERENCES `application_requirements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`appealed_decided_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`certificate_id`) REFERENCES `certificates`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`submitted_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`handler_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`result_decision_id`) REFERENCES `decisions`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "cases_kind_check" CHECK("cases"."kind" in ('appeal', 'complaint')),
	CONSTRAINT "cases_status_check" CHECK("cases"."status" in ('received', 'investigating', 'decided', 'dismissed')),
	CONSTRAINT "cases_outcome_check" CHECK("cases"."outcome" is null or "cases"."outcome" in ('granted', 'partly_granted', 'rejected')),
	CONSTRAINT "cases_appealed_kind_check" CHECK("cases"."appealed_kind" is null or "cases"."appealed_kind" in ('refusal', 'suspension', 'withdrawal', 'moment')),
	CONSTRAINT "cases_appeal_target" CHECK(("cases"."kind" = 'appeal') = ("cases"."appealed_kind" is not null and "cases"."submitted_by_user_id" is not null and "cases"."appealed_at" is not null)),
	CONSTRAINT "cases_outcome_when_decided" CHECK(("cases"."status" = 'decided') = ("cases"."outcome" is not null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cases_number_unique` ON `cases` (`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `cases_appealed_decision` ON `cases` (`appealed_decision_id`) WHERE "cases"."appealed_decision_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX `cases_appealed_moment` ON `cases` (`appealed_moment_id`,`appealed_at`) WHERE "cases"."appealed_moment_id" is not null;--> statement-breakpoint
CREATE INDEX `cases_open` ON `cases` (`status`,`received_at`);--> statement-breakpoint
CREATE INDEX `cases_person` ON `cases` (`person_id`);--> statement-breakpoint
CREATE INDEX `cases_company` ON `cases` (`company_id`);--> statement-breakpoint
CREATE INDEX `cases_application` ON `cases` (`application_id`);--> statement-breakpoint
CREATE INDEX `cases_certificate` ON `cases` (`certificate_id`);--> statement-breakpoint
CREATE INDEX `cases_received` ON `cases` (`received_at`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_documents` (
	`id` text PRIMARY KEY NOT NULL,
	`storage_key` text NOT NULL,
	`sha256` text NOT NULL,
	`mime` text NOT NULL,
	`size` integer NOT NULL,
	`original_name` text NOT NULL,
	`uploaded_by_user_id` text,
	`uploaded_at` integer NOT NULL,
	FOREIGN KEY (`uploaded_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_documents`("id", "storage_key", "sha256", "mime", "size", "original_name", "uploaded_by_user_id", "uploaded_at") SELECT "id", "storage_key", "sha256", "mime", "size", "original_name", "uploaded_by_user_id", "uploaded_at" FROM `documents`;--> statement-breakpoint
DROP TABLE `documents`;--> statement-breakpoint
ALTER TABLE `__new_documents` RENAME TO `documents`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `documents_storage_key_unique` ON `documents` (`storage_key`);--> statement-breakpoint
CREATE INDEX `documents_uploader` ON `documents` (`uploaded_by_user_id`);--> statement-breakpoint
ALTER TABLE `schemes` ADD `appeal_months` integer DEFAULT 2 NOT NULL;