CREATE TABLE `application_requirement_files` (
	`id` text PRIMARY KEY NOT NULL,
	`application_requirement_id` text NOT NULL,
	`document_id` text NOT NULL,
	`uploaded_at` integer NOT NULL,
	FOREIGN KEY (`application_requirement_id`) REFERENCES `application_requirements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `application_requirement_files_req` ON `application_requirement_files` (`application_requirement_id`,`uploaded_at`);--> statement-breakpoint
CREATE TABLE `application_requirements` (
	`id` text PRIMARY KEY NOT NULL,
	`application_id` text NOT NULL,
	`requirement_id` text NOT NULL,
	`status` text NOT NULL,
	`latest_document_id` text,
	`created_at` integer NOT NULL,
	`created_by_user_id` text NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by_user_id` text NOT NULL,
	`reviewed_by_user_id` text,
	`review_comment` text,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requirement_id`) REFERENCES `requirements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`latest_document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewed_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "application_requirements_status_check" CHECK("application_requirements"."status" in ('awaiting_file', 'awaiting_review', 'approved', 'rejected'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `application_requirements_unique` ON `application_requirements` (`application_id`,`requirement_id`);--> statement-breakpoint
CREATE INDEX `application_requirements_queue` ON `application_requirements` (`status`,`updated_at`);--> statement-breakpoint
CREATE TABLE `applications` (
	`id` text PRIMARY KEY NOT NULL,
	`scheme_id` text NOT NULL,
	`kind` text NOT NULL,
	`person_id` text,
	`company_id` text,
	`status` text NOT NULL,
	`created_at` integer NOT NULL,
	`created_by_user_id` text NOT NULL,
	`updated_at` integer NOT NULL,
	`declaration_text_id` text,
	`declared_at` integer,
	`declared_by_user_id` text,
	`submitted_at` integer,
	`closed_at` integer,
	`closed_reason` text,
	FOREIGN KEY (`scheme_id`) REFERENCES `schemes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`declaration_text_id`) REFERENCES `declaration_texts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`declared_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "applications_applicant" CHECK(("applications"."person_id" is null) <> ("applications"."company_id" is null)),
	CONSTRAINT "applications_status_check" CHECK("applications"."status" in ('in_progress', 'final_review', 'issued', 'refused', 'returned', 'withdrawn')),
	CONSTRAINT "applications_kind_check" CHECK("applications"."kind" in ('initial', 'extension', 'recertification'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `applications_open_person` ON `applications` (`person_id`,`scheme_id`) WHERE "applications"."person_id" is not null and "applications"."status" in ('in_progress', 'final_review', 'returned');--> statement-breakpoint
CREATE UNIQUE INDEX `applications_open_company` ON `applications` (`company_id`,`scheme_id`) WHERE "applications"."company_id" is not null and "applications"."status" in ('in_progress', 'final_review', 'returned');--> statement-breakpoint
CREATE INDEX `applications_status` ON `applications` (`status`,`updated_at`);--> statement-breakpoint
CREATE TABLE `invoice_recipients` (
	`application_id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`company_id` text,
	`name` text NOT NULL,
	`address_line1` text NOT NULL,
	`address_line2` text,
	`postal_code` text NOT NULL,
	`city` text NOT NULL,
	`country` text NOT NULL,
	`phone` text,
	`email` text,
	`reference` text,
	`created_at` integer NOT NULL,
	`created_by_user_id` text NOT NULL,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "invoice_recipients_kind_check" CHECK("invoice_recipients"."kind" in ('company', 'personal', 'alternative'))
);
