CREATE TABLE `reminders` (
	`id` text PRIMARY KEY NOT NULL,
	`certificate_number` integer NOT NULL,
	`certificate_id` text NOT NULL,
	`kind` text NOT NULL,
	`due_on` text NOT NULL,
	`sent_on` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`certificate_id`) REFERENCES `certificates`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "reminders_kind_check" CHECK("reminders"."kind" in ('extension', 'recertification', 'suspension_end'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reminders_once` ON `reminders` (`certificate_number`,`kind`,`due_on`);--> statement-breakpoint
CREATE TABLE `job_leases` (
	`name` text PRIMARY KEY NOT NULL,
	`holder` text,
	`lease_until` integer,
	`last_run_on` text,
	`last_run_at` integer,
	`last_result` text
);
--> statement-breakpoint
CREATE TABLE `mail_outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`to` text NOT NULL,
	`subject` text NOT NULL,
	`text` text NOT NULL,
	`html` text NOT NULL,
	`kind` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`claimed_until` integer,
	`claim_token` text,
	`last_error` text,
	`created_at` integer NOT NULL,
	`sent_at` integer,
	CONSTRAINT "mail_outbox_status_check" CHECK("mail_outbox"."status" in ('pending', 'sent', 'failed'))
);
--> statement-breakpoint
CREATE INDEX `mail_outbox_due` ON `mail_outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_decisions` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`subject_type` text NOT NULL,
	`subject_id` text NOT NULL,
	`application_id` text,
	`certificate_id` text,
	`decided_by_user_id` text NOT NULL,
	`decided_at` integer NOT NULL,
	`reason` text,
	`effective_on` text NOT NULL,
	`until_on` text,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`certificate_id`) REFERENCES `certificates`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "decisions_kind_check" CHECK("__new_decisions"."kind" in ('grant', 'refuse', 'return', 'suspend', 'reinstate', 'withdraw', 'extend', 'recertify')),
	CONSTRAINT "decisions_subject_type_check" CHECK("__new_decisions"."subject_type" in ('application', 'certificate'))
);
--> statement-breakpoint
INSERT INTO `__new_decisions`("id", "kind", "subject_type", "subject_id", "application_id", "certificate_id", "decided_by_user_id", "decided_at", "reason", "effective_on", "until_on") SELECT "id", "kind", "subject_type", "subject_id", "application_id", "certificate_id", "decided_by_user_id", "decided_at", "reason", "effective_on", "until_on" FROM `decisions`;--> statement-breakpoint
DROP TABLE `decisions`;--> statement-breakpoint
ALTER TABLE `__new_decisions` RENAME TO `decisions`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `decisions_subject` ON `decisions` (`subject_type`,`subject_id`,`decided_at`);--> statement-breakpoint
CREATE INDEX `decisions_certificate` ON `decisions` (`certificate_id`,`decided_at`);--> statement-breakpoint
ALTER TABLE `application_requirements` ADD `attested_by_user_id` text REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `application_requirements` ADD `attested_company_id` text REFERENCES companies(id);--> statement-breakpoint
ALTER TABLE `application_requirements` ADD `attested_at` integer;--> statement-breakpoint
ALTER TABLE `applications` ADD `renews_certificate_id` text;--> statement-breakpoint
ALTER TABLE `applications` ADD `price_ore` integer;--> statement-breakpoint
CREATE TABLE `__new_requirements` (
	`id` text PRIMARY KEY NOT NULL,
	`scheme_id` text NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`description` text NOT NULL,
	`template_document_id` text,
	`accepted_types` text NOT NULL,
	`sort_order` integer NOT NULL,
	`retired_at` integer,
	`applies_to` text DEFAULT 'initial' NOT NULL,
	`attestable` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`scheme_id`) REFERENCES `schemes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`template_document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "requirements_applies_to_check" CHECK("__new_requirements"."applies_to" in ('initial', 'extension', 'recertification'))
);
--> statement-breakpoint
INSERT INTO `__new_requirements`("id", "scheme_id", "code", "name", "description", "template_document_id", "accepted_types", "sort_order", "retired_at") SELECT "id", "scheme_id", "code", "name", "description", "template_document_id", "accepted_types", "sort_order", "retired_at" FROM `requirements`;--> statement-breakpoint
DROP TABLE `requirements`;--> statement-breakpoint
ALTER TABLE `__new_requirements` RENAME TO `requirements`;--> statement-breakpoint
CREATE UNIQUE INDEX `requirements_code` ON `requirements` (`scheme_id`,`code`);--> statement-breakpoint
CREATE TABLE `__new_schemes` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`area_id` text NOT NULL,
	`name` text NOT NULL,
	`scope` text NOT NULL,
	`subject` text NOT NULL,
	`kind` text NOT NULL,
	`validity_years` integer,
	`valid_until_from_evidence` integer DEFAULT false NOT NULL,
	`annual_extension` integer DEFAULT false NOT NULL,
	`recertification_years` integer,
	`price_ore` integer DEFAULT 0 NOT NULL,
	`extension_price_ore` integer,
	`recertification_price_ore` integer,
	`extension_notice_months` integer DEFAULT 2 NOT NULL,
	`recertification_notice_months` integer DEFAULT 6 NOT NULL,
	`suspension_end` text DEFAULT 'reinstate' NOT NULL,
	`invoiced` integer NOT NULL,
	`four_eyes` integer DEFAULT false NOT NULL,
	`category` text,
	`active_from` text,
	`active_to` text,
	`successor_scheme_id` text,
	`sort_order` integer NOT NULL,
	FOREIGN KEY (`area_id`) REFERENCES `technical_areas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`successor_scheme_id`) REFERENCES `schemes`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "schemes_subject_check" CHECK("__new_schemes"."subject" in ('PERSON', 'COMPANY')),
	CONSTRAINT "schemes_kind_check" CHECK("__new_schemes"."kind" in ('CERTIFICATE', 'ATTESTATION')),
	CONSTRAINT "schemes_price_check" CHECK("__new_schemes"."price_ore" >= 0),
	CONSTRAINT "schemes_suspension_end_check" CHECK("__new_schemes"."suspension_end" in ('reinstate', 'notify'))
);
--> statement-breakpoint
INSERT INTO `__new_schemes`("id", "code", "area_id", "name", "scope", "subject", "kind", "validity_years", "valid_until_from_evidence", "annual_extension", "recertification_years", "price_ore", "invoiced", "four_eyes", "category", "active_from", "active_to", "successor_scheme_id", "sort_order") SELECT "id", "code", "area_id", "name", "scope", "subject", "kind", "validity_years", "valid_until_from_evidence", "annual_extension", "recertification_years", "price_ore", "invoiced", "four_eyes", "category", "active_from", "active_to", "successor_scheme_id", "sort_order" FROM `schemes`;--> statement-breakpoint
DROP TABLE `schemes`;--> statement-breakpoint
ALTER TABLE `__new_schemes` RENAME TO `schemes`;--> statement-breakpoint
CREATE UNIQUE INDEX `schemes_code_unique` ON `schemes` (`code`);--> statement-breakpoint
CREATE INDEX `schemes_area` ON `schemes` (`area_id`,`sort_order`);--> statement-breakpoint
ALTER TABLE `certificate_status_history` ADD `reason` text;--> statement-breakpoint
-- The rebuilt decisions table keeps its records append-only.
CREATE TRIGGER decisions_no_update BEFORE UPDATE ON decisions
BEGIN
  SELECT RAISE(ABORT, 'decisions are append-only');
END;
--> statement-breakpoint
CREATE TRIGGER decisions_no_delete BEFORE DELETE ON decisions
BEGIN
  SELECT RAISE(ABORT, 'decisions are append-only');
END;
