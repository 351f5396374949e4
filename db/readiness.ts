// For /readyz: the database answers, and every migration this code was built with is applied.
// A load balancer sends no traffic to a process that fails this; /healthz only says it runs.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Client } from "@libsql/client";

const journalPath = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations", "meta", "_journal.json");

interface Journal {
  entries: { idx: number; when: number; tag: string }[];
}

let journal: Journal | null = null;
function expectedMigrations(): Journal["entries"] {
  journal ??= JSON.parse(readFileSync(journalPath, "utf8")) as Journal;
  return journal.entries;
}

export type Readiness = { ready: true } | { ready: false; reason: string };

/** A database that has not answered in this long is as good as down. */
const TIMEOUT_MS = 2000;

export async function checkReadiness(client: Client): Promise<Readiness> {
  const expected = expectedMigrations();
  const last = expected.at(-1);
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer in ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
    });
    const result = await Promise.race([client.execute("SELECT count(*) AS applied, max(created_at) AS newest FROM __drizzle_migrations"), timeout]);
    const applied = Number(result.rows[0]?.applied ?? 0);
    const newest = Number(result.rows[0]?.newest ?? 0);
    // The same rule drizzle's migrator uses: a migration is applied when one at least as new is.
    if (last && (applied < expected.length || newest < last.when)) {
      return { ready: false, reason: `${applied} of ${expected.length} migrations applied (missing up to ${last.tag})` };
    }
    return { ready: true };
  } catch (e) {
    return { ready: false, reason: `database: ${(e as Error).message}` };
  } finally {
    clearTimeout(timer);
  }
}
