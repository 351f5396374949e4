import { createRequire } from "node:module";
import type { Client } from "@libsql/client";
import { Placeholder, type SQL } from "drizzle-orm";
import { SQLiteSyncDialect } from "drizzle-orm/sqlite-core";

/**
 * Reads on the public hot path (a certificate by number, a company by organisationsnummer), each
 * on a statement prepared once. Why not through drizzle and @libsql/client: for every call drizzle
 * builds the SQL string anew and the client prepares it anew in SQLite (and reads its columns
 * twice); together about half the CPU of a certificate lookup. Here the SQL is built once (by
 * drizzle, from the schema, with placeholders) and, for an embedded file, prepared once on a
 * connection of its own of the `libsql` binding that @libsql/client itself uses. See
 * docs/decisions/017-prepared-public-reads.md.
 *
 * Freshness: each call runs in its own read transaction on the WAL, so it sees every write that
 * committed before it, from this process or any other. Nothing is cached.
 */
export interface PreparedReads {
  /** A statement made once from a query; `get`/`all` bind the placeholders by name. */
  prepare<Row>(query: BuiltQuery, columns: readonly (keyof Row & string)[]): ReadStatement<Row>;
  /**
   * SQLite's data_version of the read connection: it changes whenever a write from any other
   * connection, of this process or another, has committed. Null through the client, where no one
   * connection answers. For answers kept exactly as long as the database is unchanged.
   */
  dataVersion(): number | null;
  close(): void;
}

export interface ReadStatement<Row> {
  get(values: Record<string, unknown>): Promise<Row | undefined>;
  all(values: Record<string, unknown>): Promise<Row[]>;
}

/** A drizzle query (select … where x = sql.placeholder("x")) or an sql`` fragment. */
export type BuiltQuery = { toSQL(): { sql: string; params: unknown[] } } | SQL;

interface NativeStatement {
  raw(on?: boolean): NativeStatement;
  get(params: unknown[]): unknown[] | undefined;
  all(params: unknown[]): unknown[][];
}
interface NativeDatabase {
  prepare(sql: string): NativeStatement;
  exec(sql: string): void;
  close(): void;
}

const require = createRequire(import.meta.url);

/**
 * For `file:` URLs a read-only (query_only) connection of the binding, opened on first use; for a
 * libSQL server the same SQL through the client (the server prepares and caches it there).
 */
export function preparedReads(url: string, client: Client): PreparedReads {
  const file = url.startsWith("file:") ? url.slice("file:".length) : null;
  // An in-memory database is private to its connection: a second one would be another database.
  if (file && !file.includes(":memory:") && !file.includes("?")) return nativeReads(file);
  return {
    prepare<Row>(query: BuiltQuery, columns: readonly string[]): ReadStatement<Row> {
      const { sql, bind } = compile(query);
      const rows = async (values: Record<string, unknown>): Promise<Row[]> => (await client.execute({ sql, args: bind(values) as never })).rows.map((r) => toObject<Row>(columns, Array.from(r as ArrayLike<unknown>)));
      return { get: async (values) => (await rows(values))[0], all: rows };
    },
    dataVersion: () => null,
    close() {},
  };
}

function nativeReads(file: string): PreparedReads {
  let connection: NativeDatabase | null = null;
  let closed = false;
  const open = (): NativeDatabase => {
    if (connection) return connection;
    if (closed) throw new Error("prepared reads: the database is closed");
    const Database = require("libsql") as new (path: string, opts: { timeout: number }) => NativeDatabase;
    const db = new Database(file, { timeout: 5000 });
    // This connection only reads: a bug that tried to write through it fails loudly.
    db.exec("PRAGMA query_only = 1");
    connection = db;
    return db;
  };
  const statements: (() => void)[] = [];
  let version: NativeStatement | null = null;
  statements.push(() => (version = null));
  return {
    prepare<Row>(query: BuiltQuery, columns: readonly string[]): ReadStatement<Row> {
      const { sql, bind } = compile(query);
      let stmt: NativeStatement | null = null;
      const ready = () => (stmt ??= open().prepare(sql).raw(true));
      statements.push(() => (stmt = null));
      return {
        get: async (values) => {
          const row = ready().get(bind(values));
          return row ? toObject<Row>(columns, row) : undefined;
        },
        all: async (values) => ready().all(bind(values)).map((r) => toObject<Row>(columns, r)),
      };
    },
    dataVersion: () => Number((version ??= open().prepare("PRAGMA data_version").raw(true)).get([])![0]),
    close() {
      closed = true;
      for (const forget of statements) forget();
      connection?.close();
      connection = null;
    },
  };
}

/** The SQL text once, and a function that puts the named values where the placeholders are. */
function compile(query: BuiltQuery): { sql: string; bind: (values: Record<string, unknown>) => unknown[] } {
  const built = "toSQL" in query ? query.toSQL() : toSqlOf(query);
  const params = built.params;
  const names = params.map((p) => (p instanceof Placeholder ? p.name : null));
  return {
    sql: built.sql,
    bind: (values) =>
      names.map((name, i) => {
        if (name === null) return params[i];
        if (!Object.hasOwn(values, name)) throw new Error(`prepared read: no value for ${name}`);
        return values[name];
      }),
  };
}

const dialect = new SQLiteSyncDialect();

/** An sql`` fragment built from this project's schema, rendered as SQLite's dialect would. */
function toSqlOf(fragment: SQL): { sql: string; params: unknown[] } {
  return dialect.sqlToQuery(fragment);
}

function toObject<Row>(columns: readonly string[], values: ArrayLike<unknown>): Row {
  const out: Record<string, unknown> = {};
  for (let i = 0; i < columns.length; i++) out[columns[i]!] = values[i];
  return out as Row;
}

/**
 * A module's statements, made once per PreparedReads (one per open database), on first use:
 * `const statements = onePerDatabase((reads) => ({ byNumber: reads.prepare(...) }))`.
 */
export function onePerDatabase<T>(make: (reads: PreparedReads) => T): (reads: PreparedReads) => T {
  const made = new WeakMap<PreparedReads, T>();
  return (reads) => {
    let t = made.get(reads);
    if (t === undefined) made.set(reads, (t = make(reads)));
    return t;
  };
}

/**
 * Answers kept exactly as long as the database is unchanged: SQLite's data_version on the read
 * connection changes with every write committed by any other connection, from this process or
 * another, so the next call after a write asks the database again. At most `keep` answers, the
 * oldest going first. An answer is shared between callers: do not change it. Without a
 * data_version (no read connection) nothing is kept.
 */
export function keptBetweenWrites<T>(keep: number): (reads: PreparedReads, key: string, make: () => Promise<T>) => Promise<T> {
  const kept = onePerDatabase(() => ({ version: Number.NaN, answers: new Map<string, T>() }));
  return async (reads, key, make) => {
    const version = reads.dataVersion();
    if (version === null) return make();
    const memory = kept(reads);
    if (memory.version !== version) {
      memory.answers.clear();
      memory.version = version;
    }
    const known = memory.answers.get(key);
    if (known !== undefined) return known;
    const answer = await make();
    // Kept only if nothing was written meanwhile: the answer might mix the states before and after.
    if (reads.dataVersion() === version && memory.version === version) {
      if (memory.answers.size >= keep) memory.answers.delete(memory.answers.keys().next().value!);
      memory.answers.set(key, answer);
    }
    return answer;
  };
}
