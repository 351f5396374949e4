CREATE TABLE `declaration_texts` (
	`id` text PRIMARY KEY NOT NULL,
	`scheme_id` text NOT NULL,
	`version` integer NOT NULL,
	`text` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`scheme_id`) REFERENCES `schemes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `declaration_texts_version` ON `declaration_texts` (`scheme_id`,`version`);--> statement-breakpoint
CREATE TABLE `requirements` (
	`id` text PRIMARY KEY NOT NULL,
	`scheme_id` text NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`description` text NOT NULL,
	`template_document_id` text,
	`accepted_types` text NOT NULL,
	`sort_order` integer NOT NULL,
	`retired_at` integer,
	FOREIGN KEY (`scheme_id`) REFERENCES `schemes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`template_document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `requirements_code` ON `requirements` (`scheme_id`,`code`);--> statement-breakpoint
CREATE TABLE `schemes` (
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
	`invoiced` integer NOT NULL,
	`four_eyes` integer DEFAULT false NOT NULL,
	`category` text,
	`active_from` text,
	`active_to` text,
	`successor_scheme_id` text,
	`sort_order` integer NOT NULL,
	FOREIGN KEY (`area_id`) REFERENCES `technical_areas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`successor_scheme_id`) REFERENCES `schemes`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "schemes_subject_check" CHECK("schemes"."subject" in ('PERSON', 'COMPANY')),
	CONSTRAINT "schemes_kind_check" CHECK("schemes"."kind" in ('CERTIFICATE', 'ATTESTATION')),
	CONSTRAINT "schemes_price_check" CHECK("schemes"."price_ore" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `schemes_code_unique` ON `schemes` (`code`);--> statement-breakpoint
CREATE INDEX `schemes_area` ON `schemes` (`area_id`,`sort_order`);--> statement-breakpoint
CREATE TABLE `technical_areas` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`sort_order` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `technical_areas_code_unique` ON `technical_areas` (`code`);