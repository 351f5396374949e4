import type { Db } from "../db/client.ts";
import type { PreparedReads } from "../db/prepared-reads.ts";
import type { BankIdClient } from "../lib/bankid/types.ts";
import type { Clock } from "../lib/clock.ts";
import type { Config } from "../lib/config.ts";
import type { Mailer } from "../lib/mail/mailer.ts";
import type { Signer } from "../lib/signing/keyring.ts";
import type { FileStorage } from "../lib/storage/storage.ts";
import type { OutboxSender } from "./outbox/outbox.ts";

/** Everything a business operation may use; built once in hono.config.ts, replaced in tests. */
export interface Deps {
  config: Config;
  db: Db;
  /** Statements prepared once for the public hot path (certificate, badge, company by number). */
  reads: PreparedReads;
  mail: Mailer;
  clock: Clock;
  bankid: BankIdClient;
  storage: FileStorage;
  /** Sends what the utkorg holds; kick it after a commit that queued mail. */
  mailQueue: OutboxSender;
  /** The installation's Ed25519 keys in $DATA_DIR/keys: credentials, status lists, signed QR codes. */
  signer: Signer;
}

export type Role = "applicant" | "reviewer" | "decider" | "admin";
export const STAFF_ROLES: readonly Role[] = ["reviewer", "decider", "admin"];

/** Who is acting: a logged-in user, or the system itself. */
export interface Actor {
  userId: string | null;
  personId: string | null;
  name: string;
  roles: readonly Role[];
}

export const systemActor: Actor = { userId: null, personId: null, name: "System", roles: [] };

export function isStaff(actor: Actor): boolean {
  return actor.roles.some((r) => STAFF_ROLES.includes(r));
}
