import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createClient, type Client } from "@libsql/client";
import { drizzle, type LibSQLDatabase } from "drizzle-orm/libsql";
import { migrate } from "drizzle-orm/libsql/migrator";
import * as schema from "./schema/index.ts";
import { preparedReads, type PreparedReads } from "./prepared-reads.ts";
import { serializeWrites } from "./serialize-writes.ts";

export type Db = LibSQLDatabase<typeof schema>;
/** What a function needs to read or write: the database or a transaction on it. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

export interface Database {
  client: Client;
  db: Db;
  /** The public hot path's statements, prepared once (db/prepared-reads.ts). */
  reads: PreparedReads;
  close(): void;
}

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

/**
 * Opens the database. For an embedded file the busy timeout goes through the client's `timeout`
 * option, which reaches every pooled connection (a PRAGMA through execute() reaches only one).
 */
export async function openDatabase(url: string, authToken?: string): Promise<Database> {
  const isFile = url.startsWith("file:");
  if (isFile) mkdirSync(path.dirname(url.slice("file:".length)), { recursive: true });
  const raw = createClient({ url, authToken, timeout: 5000 });
  const client = isFile ? serializeWrites(raw) : raw;
  // WAL persists in the file; readers then never block the writer.
  if (isFile) await client.execute("PRAGMA journal_mode = WAL");
  const db = drizzle(client, { schema });
  const reads = preparedReads(url, raw);
  return {
    client,
    db,
    reads,
    close: () => {
      reads.close();
      client.close();
    },
  };
}

export async function migrateDatabase(db: Db): Promise<void> {
  await migrate(db, { migrationsFolder });
}
