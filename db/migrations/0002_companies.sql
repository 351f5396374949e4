CREATE TABLE `companies` (
	`id` text PRIMARY KEY NOT NULL,
	`org_number` text NOT NULL,
	`name` text NOT NULL,
	`address_line1` text NOT NULL,
	`address_line2` text,
	`postal_code` text NOT NULL,
	`city` text NOT NULL,
	`country` text NOT NULL,
	`phone` text,
	`email` text,
	`status` text NOT NULL,
	`registered_by_person_id` text NOT NULL,
	`registration_document_id` text,
	`created_at` integer NOT NULL,
	`decided_at` integer,
	`decided_by_user_id` text,
	`decision_reason` text,
	FOREIGN KEY (`registered_by_person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`registration_document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "companies_status_check" CHECK("companies"."status" in ('pending', 'approved', 'refused')),
	CONSTRAINT "companies_org_number_check" CHECK(length("companies"."org_number") = 10)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `companies_org_number_live` ON `companies` (`org_number`) WHERE "companies"."status" <> 'refused';--> statement-breakpoint
CREATE INDEX `companies_status` ON `companies` (`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `company_admins` (
	`company_id` text NOT NULL,
	`person_id` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`company_id`, `person_id`),
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `company_admins_person` ON `company_admins` (`person_id`);--> statement-breakpoint
CREATE TABLE `employments` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`company_id` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text,
	`status` text NOT NULL,
	`requested_at` integer NOT NULL,
	`decided_at` integer,
	`decided_by_user_id` text,
	`reason` text,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "employments_status_check" CHECK("employments"."status" in ('requested', 'active', 'rejected', 'cancelled', 'ended'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `employments_open` ON `employments` (`person_id`,`company_id`) WHERE "employments"."status" in ('requested', 'active');--> statement-breakpoint
CREATE INDEX `employments_company` ON `employments` (`company_id`,`status`);--> statement-breakpoint
CREATE TABLE `documents` (
	`id` text PRIMARY KEY NOT NULL,
	`storage_key` text NOT NULL,
	`sha256` text NOT NULL,
	`mime` text NOT NULL,
	`size` integer NOT NULL,
	`original_name` text NOT NULL,
	`uploaded_by_user_id` text NOT NULL,
	`uploaded_at` integer NOT NULL,
	FOREIGN KEY (`uploaded_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `documents_storage_key_unique` ON `documents` (`storage_key`);--> statement-breakpoint
CREATE INDEX `documents_uploader` ON `documents` (`uploaded_by_user_id`);