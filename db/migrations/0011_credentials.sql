CREATE TABLE `credential_status_entries` (
	`certificate_number` integer PRIMARY KEY NOT NULL,
	`list` integer NOT NULL,
	`idx` integer NOT NULL,
	`revoked` integer DEFAULT false NOT NULL,
	`suspended` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`list`) REFERENCES `status_lists`(`list`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "credential_status_entries_idx_check" CHECK("credential_status_entries"."idx" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `credential_status_entries_place` ON `credential_status_entries` (`list`,`idx`);--> statement-breakpoint
CREATE INDEX `credential_status_entries_revoked` ON `credential_status_entries` (`list`,`idx`) WHERE "credential_status_entries"."revoked" = 1;--> statement-breakpoint
CREATE INDEX `credential_status_entries_suspended` ON `credential_status_entries` (`list`,`idx`) WHERE "credential_status_entries"."suspended" = 1;--> statement-breakpoint
CREATE TABLE `status_lists` (
	`list` integer PRIMARY KEY NOT NULL,
	`size` integer NOT NULL,
	`used` integer DEFAULT 0 NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	CONSTRAINT "status_lists_size_check" CHECK("status_lists"."size" > 0 and "status_lists"."size" % 8 = 0)
);
--> statement-breakpoint
-- The status lists follow certificates.status in the statement that changes it, whichever module
-- writes (docs/decisions/019-verifiable-credentials.md). A certificate number gets its place when
-- its first version is inserted; its bits are the current version's status: revoked = withdrawn
-- or ended, suspended = suspended.
--
-- credential_status_allocate stands for a procedure (SQLite has none): inserting a number and a
-- status into the view runs its INSTEAD OF trigger, which opens a new list when none has room
-- (a list is filled to half its size, so a random place is free at least every other try) and
-- takes the first free of 32 random places (the other tries hit the primary key and are ignored;
-- all 32 taken has a chance below 2^-32, and createCertificate checks and tries again).
CREATE VIEW `credential_status_allocate` (`certificate_number`, `status`) AS SELECT NULL, NULL WHERE 0;
--> statement-breakpoint
CREATE TRIGGER credential_status_allocate_run INSTEAD OF INSERT ON credential_status_allocate
WHEN NOT EXISTS (SELECT 1 FROM credential_status_entries WHERE certificate_number = new.certificate_number)
BEGIN
  INSERT INTO status_lists (list, size, used, version)
    SELECT next.list, 131072, 0, 0 FROM (SELECT coalesce(max(list), 0) + 1 AS list FROM status_lists) AS next
    WHERE NOT EXISTS (SELECT 1 FROM status_lists WHERE used < size / 2);
  INSERT OR IGNORE INTO credential_status_entries (certificate_number, list, idx, revoked, suspended)
    SELECT new.certificate_number, l.list, abs(random() % l.size), new.status IN ('withdrawn', 'ended'), new.status = 'suspended'
    FROM (SELECT list, size FROM status_lists WHERE used < size / 2 ORDER BY list LIMIT 1) AS l,
      (VALUES (1), (2), (3), (4), (5), (6), (7), (8), (9), (10), (11), (12), (13), (14), (15), (16),
        (17), (18), (19), (20), (21), (22), (23), (24), (25), (26), (27), (28), (29), (30), (31), (32)) AS tries;
END;
--> statement-breakpoint
-- A list's version is its published ETag: it grows with every entry given a set bit and every bit
-- that changes.
CREATE TRIGGER credential_status_entries_insert AFTER INSERT ON credential_status_entries
BEGIN
  UPDATE status_lists SET used = used + 1, version = version + (new.revoked OR new.suspended) WHERE list = new.list;
END;
--> statement-breakpoint
CREATE TRIGGER credential_status_entries_update AFTER UPDATE OF revoked, suspended ON credential_status_entries
WHEN old.revoked IS NOT new.revoked OR old.suspended IS NOT new.suspended
BEGIN
  UPDATE status_lists SET version = version + 1 WHERE list = new.list;
END;
--> statement-breakpoint
-- A new certificate number gets its place; a new version of a number (Årlig förlängning,
-- Omcertifiering) is the current one, so its status sets the bits.
CREATE TRIGGER credential_status_certificate_insert AFTER INSERT ON certificates
BEGIN
  INSERT INTO credential_status_allocate (certificate_number, status) VALUES (new.number, new.status);
  UPDATE credential_status_entries
    SET revoked = new.status IN ('withdrawn', 'ended'), suspended = new.status = 'suspended'
    WHERE certificate_number = new.number
      AND NOT EXISTS (SELECT 1 FROM certificates AS newer WHERE newer.supersedes_certificate_id = new.id);
END;
--> statement-breakpoint
CREATE TRIGGER credential_status_certificate_update AFTER UPDATE OF status, number ON certificates
WHEN NOT EXISTS (SELECT 1 FROM certificates AS newer WHERE newer.supersedes_certificate_id = new.id)
BEGIN
  INSERT INTO credential_status_allocate (certificate_number, status) VALUES (new.number, new.status);
  UPDATE credential_status_entries
    SET revoked = new.status IN ('withdrawn', 'ended'), suspended = new.status = 'suspended'
    WHERE certificate_number = new.number;
END;
--> statement-breakpoint
-- Deleting the current version (only tests do) makes the one it superseded current again.
CREATE TRIGGER credential_status_certificate_delete AFTER DELETE ON certificates
WHEN old.supersedes_certificate_id IS NOT NULL
BEGIN
  UPDATE credential_status_entries
    SET revoked = (SELECT status IN ('withdrawn', 'ended') FROM certificates WHERE id = old.supersedes_certificate_id),
      suspended = (SELECT status = 'suspended' FROM certificates WHERE id = old.supersedes_certificate_id)
    WHERE certificate_number = old.number AND EXISTS (SELECT 1 FROM certificates WHERE id = old.supersedes_certificate_id);
END;
--> statement-breakpoint
-- Backfill: every certificate number gets its place and the bits of its current version.
INSERT INTO credential_status_allocate (certificate_number, status)
  SELECT c.number, c.status FROM certificates AS c
  WHERE NOT EXISTS (SELECT 1 FROM certificates AS newer WHERE newer.supersedes_certificate_id = c.id)
  ORDER BY random();
