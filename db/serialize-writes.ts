import type { Client, InStatement, Transaction, TransactionMode } from "@libsql/client";

/**
 * For an embedded database file, writes from this process go one at a time.
 *
 * Why: the libSQL client waits for a busy database *synchronously* (the busy handler sleeps on
 * the main thread). If one request holds a write transaction open across an `await` and a second
 * request starts writing, the second blocks the event loop, so the first can never finish: both
 * hang for the whole busy timeout and one fails. Measured: two overlapping write transactions
 * took 5 s and one failed. Queueing writes in-process removes that; readers are untouched (WAL
 * lets them run beside the writer), and other processes still meet the busy timeout as usual.
 */
export function serializeWrites(client: Client): Client {
  let tail: Promise<void> = Promise.resolve();
  /** Resolves when it is our turn; the returned function lets the next writer in. */
  function acquire(): Promise<() => void> {
    let release!: () => void;
    const turn = new Promise<void>((resolve) => (release = resolve));
    const ready = tail.then(() => {
      let released = false;
      return () => {
        if (!released) {
          released = true;
          release();
        }
      };
    });
    tail = tail.then(() => turn);
    return ready;
  }
  async function exclusive<T>(work: () => Promise<T>): Promise<T> {
    const release = await acquire();
    try {
      return await work();
    } finally {
      release();
    }
  }
  const writes = (stmt: InStatement): boolean => /^\s*(insert|update|delete|replace|create|drop|alter|pragma|vacuum|with|begin|reindex|analyze)\b/i.test(typeof stmt === "string" ? stmt : stmt.sql);

  return new Proxy(client, {
    get(target, prop, receiver) {
      switch (prop) {
        case "execute":
          return (stmt: InStatement, args?: unknown) => {
            const run = () => (args === undefined ? target.execute(stmt) : target.execute(stmt as string, args as never));
            return writes(stmt) ? exclusive(run) : run();
          };
        case "batch":
          return (stmts: InStatement[], mode?: TransactionMode) => exclusive(() => target.batch(stmts, mode));
        case "executeMultiple":
          return (sql: string) => exclusive(() => target.executeMultiple(sql));
        case "migrate":
          return (stmts: InStatement[]) => exclusive(() => target.migrate(stmts));
        case "transaction":
          return async (mode?: TransactionMode): Promise<Transaction> => {
            const release = await acquire();
            let tx: Transaction;
            try {
              tx = await target.transaction(mode);
            } catch (error) {
              release();
              throw error;
            }
            return new Proxy(tx, {
              get(t, p, r) {
                if (p === "commit" || p === "rollback") {
                  return async () => {
                    try {
                      return await (t[p] as () => Promise<void>).call(t);
                    } finally {
                      release();
                    }
                  };
                }
                if (p === "close") {
                  return () => {
                    try {
                      t.close();
                    } finally {
                      release();
                    }
                  };
                }
                const value = Reflect.get(t, p, r);
                return typeof value === "function" ? value.bind(t) : value;
              },
            });
          };
        default: {
          const value = Reflect.get(target, prop, receiver);
          return typeof value === "function" ? value.bind(target) : value;
        }
      }
    },
  });
}
