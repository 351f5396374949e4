-- The language of the page a case was lodged on, so a complainant (who has no account) gets every
-- mail about the case in it (docs/decisions/022). A column with its CHECK added in place, as 0014.
ALTER TABLE `cases` ADD `language` text CONSTRAINT "cases_language" CHECK("language" is null or "language" in ('sv', 'en'));
