CREATE INDEX `companies_public_name` ON `companies` (`status`,name collate nocase);--> statement-breakpoint
CREATE INDEX `certificates_company_status` ON `certificates` (`company_id`,`status`,`valid_until`,`scheme_id`,`id`) WHERE "certificates"."company_id" is not null;--> statement-breakpoint
CREATE INDEX `certificates_supersedes` ON `certificates` (`supersedes_certificate_id`) WHERE "certificates"."supersedes_certificate_id" is not null;
--> statement-breakpoint
-- Sök certifierade företag: words and prefixes of the company's name and ort, through FTS5
-- (drizzle cannot declare virtual tables). Diacritics are folded, so "vasteras" finds Västerås as
-- well as "Västerås" does; prefix indexes keep "ky"* and "kyl"* cheap. The table keeps its own copy
-- of the text with the company's id: an external-content table would hang on companies.rowid,
-- which VACUUM (and db:backup's VACUUM INTO) may renumber.
CREATE VIRTUAL TABLE `companies_fts` USING fts5(
  company_id UNINDEXED,
  name,
  city,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);
--> statement-breakpoint
INSERT INTO `companies_fts` (company_id, name, city) SELECT id, name, city FROM `companies`;
--> statement-breakpoint
CREATE TRIGGER companies_fts_insert AFTER INSERT ON companies
BEGIN
  INSERT INTO companies_fts (company_id, name, city) VALUES (new.id, new.name, new.city);
END;
--> statement-breakpoint
CREATE TRIGGER companies_fts_update AFTER UPDATE OF name, city ON companies
BEGIN
  DELETE FROM companies_fts WHERE company_id = old.id;
  INSERT INTO companies_fts (company_id, name, city) VALUES (new.id, new.name, new.city);
END;
--> statement-breakpoint
CREATE TRIGGER companies_fts_delete AFTER DELETE ON companies
BEGIN
  DELETE FROM companies_fts WHERE company_id = old.id;
END;
