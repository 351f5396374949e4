CREATE TABLE `company_listing` (
	`order_key` integer PRIMARY KEY NOT NULL,
	`seq` integer NOT NULL,
	`company_id` text NOT NULL,
	`sort_key` text NOT NULL,
	`active_until` text,
	`listed` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `company_listing_seq_unique` ON `company_listing` (`seq`);--> statement-breakpoint
CREATE UNIQUE INDEX `company_listing_company_id_unique` ON `company_listing` (`company_id`);--> statement-breakpoint
CREATE INDEX `company_listing_order` ON `company_listing` (`sort_key`,`company_id`,`active_until`) WHERE "company_listing"."listed" = 1;--> statement-breakpoint
CREATE INDEX `company_listing_active_until` ON `company_listing` (`active_until`,`order_key`);--> statement-breakpoint
CREATE TABLE `company_listing_schemes` (
	`company_id` text NOT NULL,
	`scheme_id` text NOT NULL,
	`active_until` text,
	PRIMARY KEY(`company_id`, `scheme_id`)
);
--> statement-breakpoint
CREATE INDEX `company_listing_schemes_scheme` ON `company_listing_schemes` (`scheme_id`,`active_until`,`company_id`);--> statement-breakpoint
DROP INDEX `companies_public_name`;--> statement-breakpoint
DROP INDEX `companies_not_approved`;--> statement-breakpoint
DROP INDEX `certificates_company_status`;
--> statement-breakpoint
-- Sök certifierade företag reads company_listing and company_listing_schemes, derived from
-- companies and certificates by the triggers below in the statement that changes them, whichever
-- module writes (docs/decisions/018-company-search-listing.md). company_listing.order_key is also
-- the company's rowid in companies_fts, so FTS5 hands out a word's matches by state and then in
-- name order up to the first six characters: a search counts its matches without reading the
-- listing, and reads and sorts only the matches that can be on its page.
--
-- company_listing_refresh stands for a procedure (SQLite has none): inserting a company id into
-- the view runs its INSTEAD OF trigger, which derives everything about that company anew.
CREATE VIEW `company_listing_refresh` (`company_id`) AS SELECT NULL WHERE 0;
--> statement-breakpoint
CREATE TRIGGER company_listing_refresh_run INSTEAD OF INSERT ON company_listing_refresh
BEGIN
  DELETE FROM companies_fts WHERE rowid = (SELECT order_key FROM company_listing WHERE company_id = new.company_id);
  -- Listed, and until when Aktivt, in all and per scheme: only an approved company, only current
  -- versions (that nothing supersedes), any status; Aktivt without Giltigt till holds until
  -- 9999-12-31. The search compares the date, so an expiry shows the day after, sweep or not.
  DELETE FROM company_listing_schemes WHERE company_id = new.company_id;
  INSERT INTO company_listing_schemes (company_id, scheme_id, active_until)
    SELECT x.company_id, x.scheme_id, max(CASE WHEN x.status = 'active' THEN coalesce(x.valid_until, '9999-12-31') END)
    FROM certificates AS x
    WHERE x.company_id = new.company_id
      AND NOT EXISTS (SELECT 1 FROM certificates AS newer WHERE newer.supersedes_certificate_id = x.id)
      AND EXISTS (SELECT 1 FROM companies WHERE id = new.company_id AND status = 'approved')
    GROUP BY x.company_id, x.scheme_id;
  UPDATE company_listing
    SET active_until = (SELECT max(s.active_until) FROM company_listing_schemes AS s WHERE s.company_id = new.company_id),
        listed = EXISTS (SELECT 1 FROM company_listing_schemes AS s WHERE s.company_id = new.company_id)
    WHERE company_id = new.company_id;
  -- The sort key: the name in lower case, { | } out of the way, then å ä ö as { | } (after z),
  -- other accented letters as their base letter (ü as y, æ as ä, ø as ö: Swedish practice),
  -- decomposed letters too. SQLite's lower() folds A-Z only, so capitals are listed.
  UPDATE company_listing SET sort_key = replace(replace(replace(lower((SELECT name FROM companies WHERE id = new.company_id)), '{', '('), '|', '/'), '}', ')') WHERE company_id = new.company_id;
  UPDATE company_listing SET sort_key = replace(replace(replace(replace(sort_key, 'a' || char(778), '{'), 'a' || char(776), '|'), 'o' || char(776), '}'), 'u' || char(776), 'y') WHERE company_id = new.company_id;
  UPDATE company_listing SET sort_key = replace(replace(sort_key, 'å', '{'), 'Å', '{') WHERE company_id = new.company_id;
  UPDATE company_listing SET sort_key = replace(replace(replace(replace(sort_key, 'ä', '|'), 'Ä', '|'), 'æ', '|'), 'Æ', '|') WHERE company_id = new.company_id;
  UPDATE company_listing SET sort_key = replace(replace(replace(replace(replace(replace(replace(replace(sort_key, 'ö', '}'), 'Ö', '}'), 'ø', '}'), 'Ø', '}'), 'ô', '}'), 'Ô', '}'), 'œ', '}'), 'Œ', '}') WHERE company_id = new.company_id;
  UPDATE company_listing SET sort_key = replace(replace(replace(replace(sort_key, 'ü', 'y'), 'Ü', 'y'), 'ý', 'y'), 'Ý', 'y') WHERE company_id = new.company_id;
  UPDATE company_listing SET sort_key = replace(replace(replace(replace(replace(replace(replace(replace(sort_key, 'é', 'e'), 'É', 'e'), 'è', 'e'), 'È', 'e'), 'ê', 'e'), 'Ê', 'e'), 'ë', 'e'), 'Ë', 'e') WHERE company_id = new.company_id;
  UPDATE company_listing SET sort_key = replace(replace(replace(replace(replace(replace(replace(replace(sort_key, 'á', 'a'), 'Á', 'a'), 'à', 'a'), 'À', 'a'), 'â', 'a'), 'Â', 'a'), 'ã', 'a'), 'Ã', 'a') WHERE company_id = new.company_id;
  UPDATE company_listing SET sort_key = replace(replace(replace(replace(replace(replace(replace(replace(sort_key, 'í', 'i'), 'Í', 'i'), 'ì', 'i'), 'Ì', 'i'), 'î', 'i'), 'Î', 'i'), 'ï', 'i'), 'Ï', 'i') WHERE company_id = new.company_id;
  UPDATE company_listing SET sort_key = replace(replace(replace(replace(replace(replace(sort_key, 'ó', 'o'), 'Ó', 'o'), 'ò', 'o'), 'Ò', 'o'), 'õ', 'o'), 'Õ', 'o') WHERE company_id = new.company_id;
  UPDATE company_listing SET sort_key = replace(replace(replace(replace(replace(replace(sort_key, 'ú', 'u'), 'Ú', 'u'), 'ù', 'u'), 'Ù', 'u'), 'û', 'u'), 'Û', 'u') WHERE company_id = new.company_id;
  UPDATE company_listing SET sort_key = replace(replace(replace(replace(replace(replace(replace(replace(replace(sort_key, 'ç', 'c'), 'Ç', 'c'), 'ñ', 'n'), 'Ñ', 'n'), 'š', 's'), 'Š', 's'), 'ž', 'z'), 'Ž', 'z'), 'ß', 'ss') WHERE company_id = new.company_id;
  UPDATE company_listing SET sort_key = replace(replace(replace(replace(replace(replace(replace(sort_key, char(768), ''), char(769), ''), char(770), ''), char(771), ''), char(776), ''), char(778), ''), char(807), '') WHERE company_id = new.company_id;
  -- The order key: the state (0: active_until set, 1: listed, 2: neither) times 2^61, plus the
  -- first six characters of the sort key as digits of base 44 times 2^28, plus seq. The digits:
  -- 0 end, 1 space, 3-12 0-9, 14-42 a-z { | }; a character of any other class is one digit for
  -- its class (2, 13 or 43) and the digits after it are 0, so that within a state a greater sort
  -- key never gets a smaller order key. 44^6 * 2^28 < 2^61.
  UPDATE company_listing SET order_key = seq
    + 2305843009213693952 * CASE WHEN active_until IS NOT NULL THEN 0 WHEN listed THEN 1 ELSE 2 END
    + 268435456 * (
      SELECT sum(v.column2 * (
        SELECT CASE
          WHEN c = '' THEN 0
          WHEN c = ' ' THEN 1
          WHEN c < '0' THEN 2
          WHEN c <= '9' THEN unicode(c) - 45
          WHEN c < 'a' THEN 13
          WHEN c <= '}' THEN unicode(c) - 83
          ELSE 43
        END FROM (SELECT substr(company_listing.sort_key, v.column1, 1) AS c)))
      FROM (VALUES (1, 164916224), (2, 3748096), (3, 85184), (4, 1936), (5, 44), (6, 1)) AS v
      WHERE substr(company_listing.sort_key, 1, v.column1 - 1) NOT GLOB '*[^ 0-9a-z{|}]*')
  WHERE company_id = new.company_id;
  INSERT INTO companies_fts (rowid, company_id, name, city)
    SELECT l.order_key, c.id, c.name, c.city FROM company_listing AS l JOIN companies AS c ON c.id = l.company_id WHERE l.company_id = new.company_id;
END;
--> statement-breakpoint
-- These replace the triggers of 0006 that kept companies_fts.
DROP TRIGGER companies_fts_insert;
--> statement-breakpoint
DROP TRIGGER companies_fts_update;
--> statement-breakpoint
DROP TRIGGER companies_fts_delete;
--> statement-breakpoint
-- companies_fts anew, at the order keys (the backfill below writes it), with a prefix index for
-- every length up to 12: a word typed, whole or begun, is then read from one index in key order,
-- as far as the search needs, instead of FTS5 first merging every word that begins so (about
-- 0.15 ms for a word in 2 000 names, for each of the search's three reads). Longer prefixes still
-- work that way. Same columns and tokenizer as in 0006.
DROP TABLE companies_fts;
--> statement-breakpoint
CREATE VIRTUAL TABLE `companies_fts` USING fts5(
  company_id UNINDEXED,
  name,
  city,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '1 2 3 4 5 6 7 8 9 10 11 12'
);
--> statement-breakpoint
-- A new company takes the next seq and a negative order key until the refresh gives it its own
-- (those are positive, so the two never meet).
CREATE TRIGGER company_listing_company_insert AFTER INSERT ON companies
BEGIN
  INSERT INTO company_listing (order_key, seq, company_id, sort_key)
    SELECT -1 - coalesce(max(seq), 0), 1 + coalesce(max(seq), 0), new.id, '' FROM company_listing;
  INSERT INTO company_listing_refresh (company_id) VALUES (new.id);
END;
--> statement-breakpoint
CREATE TRIGGER company_listing_company_update AFTER UPDATE OF name, city, status ON companies
BEGIN
  INSERT INTO company_listing_refresh (company_id) VALUES (new.id);
END;
--> statement-breakpoint
CREATE TRIGGER company_listing_company_delete AFTER DELETE ON companies
BEGIN
  DELETE FROM companies_fts WHERE rowid = (SELECT order_key FROM company_listing WHERE company_id = old.id);
  DELETE FROM company_listing_schemes WHERE company_id = old.id;
  DELETE FROM company_listing WHERE company_id = old.id;
END;
--> statement-breakpoint
-- A certificate's company, and the company of the version it supersedes (which stops being
-- current, or becomes current again when the newer one goes).
CREATE TRIGGER company_listing_certificate_insert AFTER INSERT ON certificates
WHEN new.company_id IS NOT NULL OR new.supersedes_certificate_id IS NOT NULL
BEGIN
  INSERT INTO company_listing_refresh (company_id)
    SELECT company_id FROM (SELECT new.company_id AS company_id UNION SELECT company_id FROM certificates WHERE id = new.supersedes_certificate_id)
    WHERE company_id IS NOT NULL;
END;
--> statement-breakpoint
CREATE TRIGGER company_listing_certificate_update AFTER UPDATE OF company_id, scheme_id, status, valid_until, supersedes_certificate_id ON certificates
WHEN coalesce(old.company_id, new.company_id, old.supersedes_certificate_id, new.supersedes_certificate_id) IS NOT NULL
BEGIN
  INSERT INTO company_listing_refresh (company_id)
    SELECT company_id FROM (
      SELECT old.company_id AS company_id UNION SELECT new.company_id
      UNION SELECT company_id FROM certificates WHERE id IN (old.supersedes_certificate_id, new.supersedes_certificate_id))
    WHERE company_id IS NOT NULL;
END;
--> statement-breakpoint
CREATE TRIGGER company_listing_certificate_delete AFTER DELETE ON certificates
WHEN old.company_id IS NOT NULL OR old.supersedes_certificate_id IS NOT NULL
BEGIN
  INSERT INTO company_listing_refresh (company_id)
    SELECT company_id FROM (SELECT old.company_id AS company_id UNION SELECT company_id FROM certificates WHERE id = old.supersedes_certificate_id)
    WHERE company_id IS NOT NULL;
END;
--> statement-breakpoint
-- Backfill: every company gets its row and its refresh, which writes its companies_fts row;
-- then the full-text index is merged into one segment.
INSERT INTO company_listing (order_key, seq, company_id, sort_key)
  SELECT -row_number() OVER (ORDER BY rowid), row_number() OVER (ORDER BY rowid), id, '' FROM companies;
--> statement-breakpoint
INSERT INTO company_listing_refresh (company_id) SELECT company_id FROM company_listing;
--> statement-breakpoint
INSERT INTO companies_fts (companies_fts) VALUES ('optimize');
