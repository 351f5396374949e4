CREATE TABLE `certificate_status_history` (
	`id` text PRIMARY KEY NOT NULL,
	`certificate_id` text NOT NULL,
	`status` text NOT NULL,
	`from_date` text NOT NULL,
	`to_date` text,
	`decision_id` text,
	FOREIGN KEY (`certificate_id`) REFERENCES `certificates`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decision_id`) REFERENCES `decisions`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "certificate_status_history_status_check" CHECK("certificate_status_history"."status" in ('active', 'suspended', 'withdrawn', 'expired', 'ended'))
);
--> statement-breakpoint
CREATE INDEX `certificate_status_history_cert` ON `certificate_status_history` (`certificate_id`,`from_date`);--> statement-breakpoint
CREATE UNIQUE INDEX `certificate_status_history_open` ON `certificate_status_history` (`certificate_id`) WHERE "certificate_status_history"."to_date" is null;--> statement-breakpoint
CREATE TABLE `certificates` (
	`id` text PRIMARY KEY NOT NULL,
	`number` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`supersedes_certificate_id` text,
	`application_id` text NOT NULL,
	`person_id` text,
	`company_id` text,
	`scheme_id` text NOT NULL,
	`status` text NOT NULL,
	`issued_on` text NOT NULL,
	`valid_until` text,
	`cycle_ends_on` text,
	`suspended_until` text,
	`latest_decision_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`supersedes_certificate_id`) REFERENCES `certificates`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`scheme_id`) REFERENCES `schemes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`latest_decision_id`) REFERENCES `decisions`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "certificates_holder" CHECK(("certificates"."person_id" is null) <> ("certificates"."company_id" is null)),
	CONSTRAINT "certificates_status_check" CHECK("certificates"."status" in ('active', 'suspended', 'withdrawn', 'expired', 'ended')),
	CONSTRAINT "certificates_number_check" CHECK("certificates"."number" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `certificates_application_id_unique` ON `certificates` (`application_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `certificates_number_version` ON `certificates` (`number`,`version`);--> statement-breakpoint
CREATE INDEX `certificates_person` ON `certificates` (`person_id`,`scheme_id`);--> statement-breakpoint
CREATE INDEX `certificates_company` ON `certificates` (`company_id`,`scheme_id`);--> statement-breakpoint
CREATE TABLE `decisions` (
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
	CONSTRAINT "decisions_kind_check" CHECK("decisions"."kind" in ('grant', 'refuse', 'return', 'suspend', 'reinstate', 'withdraw')),
	CONSTRAINT "decisions_subject_type_check" CHECK("decisions"."subject_type" in ('application', 'certificate'))
);
--> statement-breakpoint
CREATE INDEX `decisions_subject` ON `decisions` (`subject_type`,`subject_id`,`decided_at`);--> statement-breakpoint
CREATE INDEX `decisions_certificate` ON `decisions` (`certificate_id`,`decided_at`);--> statement-breakpoint
CREATE TABLE `invoice_lines` (
	`id` text PRIMARY KEY NOT NULL,
	`invoice_id` text NOT NULL,
	`description` text NOT NULL,
	`quantity` integer NOT NULL,
	`unit_price_ore` integer NOT NULL,
	`amount_ore` integer NOT NULL,
	`sort_order` integer NOT NULL,
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "invoice_lines_amount_check" CHECK("invoice_lines"."amount_ore" = "invoice_lines"."quantity" * "invoice_lines"."unit_price_ore")
);
--> statement-breakpoint
CREATE INDEX `invoice_lines_invoice` ON `invoice_lines` (`invoice_id`,`sort_order`);--> statement-breakpoint
CREATE TABLE `invoices` (
	`id` text PRIMARY KEY NOT NULL,
	`number` integer NOT NULL,
	`application_id` text NOT NULL,
	`certificate_id` text NOT NULL,
	`issued_on` text NOT NULL,
	`due_on` text NOT NULL,
	`recipient_kind` text NOT NULL,
	`recipient_company_id` text,
	`recipient_name` text NOT NULL,
	`recipient_address_line1` text NOT NULL,
	`recipient_address_line2` text,
	`recipient_postal_code` text NOT NULL,
	`recipient_city` text NOT NULL,
	`recipient_country` text NOT NULL,
	`recipient_phone` text,
	`recipient_email` text,
	`recipient_reference` text,
	`ocr` text NOT NULL,
	`vat_percent` integer NOT NULL,
	`net_ore` integer NOT NULL,
	`vat_ore` integer NOT NULL,
	`total_ore` integer NOT NULL,
	`status` text NOT NULL,
	`pdf_document_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`certificate_id`) REFERENCES `certificates`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recipient_company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`pdf_document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "invoices_status_check" CHECK("invoices"."status" in ('unpaid', 'paid', 'credited')),
	CONSTRAINT "invoices_recipient_kind_check" CHECK("invoices"."recipient_kind" in ('company', 'personal', 'alternative')),
	CONSTRAINT "invoices_totals_check" CHECK("invoices"."total_ore" = "invoices"."net_ore" + "invoices"."vat_ore")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invoices_number_unique` ON `invoices` (`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `invoices_application_id_unique` ON `invoices` (`application_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `invoices_ocr_unique` ON `invoices` (`ocr`);--> statement-breakpoint
CREATE INDEX `invoices_issued` ON `invoices` (`issued_on`);--> statement-breakpoint
CREATE INDEX `invoices_status` ON `invoices` (`status`,`issued_on`);--> statement-breakpoint
CREATE INDEX `invoices_recipient_company` ON `invoices` (`recipient_company_id`);--> statement-breakpoint
CREATE TABLE `sequences` (
	`name` text PRIMARY KEY NOT NULL,
	`next` integer NOT NULL
);
--> statement-breakpoint
-- Decisions are records, like events: refuse UPDATE and DELETE (a later decision supersedes).
CREATE TRIGGER decisions_no_update BEFORE UPDATE ON decisions
BEGIN
  SELECT RAISE(ABORT, 'decisions are append-only');
END;
--> statement-breakpoint
CREATE TRIGGER decisions_no_delete BEFORE DELETE ON decisions
BEGIN
  SELECT RAISE(ABORT, 'decisions are append-only');
END;
