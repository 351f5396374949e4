// The signing keys' life as the Händelselogg sees it. The key files are not in the database, so
// file and Event cannot share a transaction: the file is written (and synced) first, then the
// Event; a crash between leaves a key without its Event, never an Event without its key.
import type { Db } from "../../db/client.ts";
import { ensureKeyFile, revokeKeyFile, rotateKeyFiles } from "../../lib/signing/keyring.ts";
import { Invalid } from "../../lib/errors.ts";
import { recordEvent } from "../audit/index.ts";
import { systemActor } from "../deps.ts";

/** At every start: the first key, made when the folder has none. */
export async function ensureSigningKey(dir: string, now: Date, db: Db): Promise<void> {
  const kid = await ensureKeyFile(dir, now);
  if (kid) await recordEvent(db, systemActor, now, { action: "signing_key.created", subjectType: "signing_key", subjectId: kid });
}

/** `npm run cli -- keys:rotate`: a new current key; the old ones stay published. */
export async function rotateSigningKey(dir: string, now: Date, db: Db): Promise<{ kid: string; retired: string[] }> {
  const rotated = await rotateKeyFiles(dir, now);
  await recordEvent(db, systemActor, now, { action: "signing_key.rotated", subjectType: "signing_key", subjectId: rotated.kid, details: { retired: rotated.retired } });
  return rotated;
}

/**
 * `npm run cli -- keys:revoke KID --reason "…"`: the key is no longer published and nothing it
 * signed verifies (a key that may have leaked). The current key is first replaced by a new one.
 * Holders get credentials and PDFs signed with the current key when they download them again.
 */
export async function revokeSigningKey(dir: string, kidOrPrefix: string, reason: string, now: Date, db: Db): Promise<{ kid: string; newCurrent: string | null }> {
  const why = reason.trim();
  if (why.length < 3 || why.length > 500) throw new Invalid({ reason: 'Ange varför nyckeln spärras med --reason, till exempel --reason "Nyckelfilen kan ha kopierats".' });
  const revoked = await revokeKeyFile(dir, kidOrPrefix, now);
  await recordEvent(db, systemActor, now, { action: "signing_key.revoked", subjectType: "signing_key", subjectId: revoked.kid, details: { reason: why, newCurrent: revoked.newCurrent } });
  return revoked;
}
