-- The language an account chose for its pages and mail (docs/decisions/022). A column with its
-- CHECK added in place: no rebuild of users, which sessions, roles and events point at.
ALTER TABLE `users` ADD `language` text CONSTRAINT "users_language" CHECK("language" is null or "language" in ('sv', 'en'));
