// The one way the widgets reach the server: GET on the public JSON API, without cookies.
// Elements on one page that show the same certificate share one request, and an answer is kept
// for a minute (the API's own max-age), so re-rendering or changing `lang` costs nothing.

export type Outcome<T> = { kind: "ok"; data: T } | { kind: "notfound" };

interface Entry {
  promise: Promise<Outcome<unknown>>;
  controller: AbortController;
  waiters: number;
  settled: boolean;
  at: number;
}

const TTL_MS = 60_000;
const cache = new Map<string, Entry>();

/**
 * The JSON at `url`: `ok` with the body, `notfound` for a 404 or 400 (a number that cannot
 * exist), and a rejection for anything else (network down, 5xx), which is not cached so a retry
 * asks again. Aborting `signal` stops waiting; the request itself stops when nobody waits for it.
 */
export function getJson<T>(url: string, signal: AbortSignal): Promise<Outcome<T>> {
  let entry = cache.get(url);
  if (entry && entry.settled && Date.now() - entry.at > TTL_MS) {
    cache.delete(url);
    entry = undefined;
  }
  if (!entry) entry = start(url);
  const e = entry;
  e.waiters += 1;
  return new Promise<Outcome<T>>((resolve, reject) => {
    let done = false;
    const finish = () => {
      if (done) return false;
      done = true;
      signal.removeEventListener("abort", onAbort);
      e.waiters -= 1;
      return true;
    };
    const onAbort = () => {
      if (!finish()) return;
      if (!e.settled && e.waiters === 0) {
        e.controller.abort();
        if (cache.get(url) === e) cache.delete(url);
      }
      reject(signal.reason);
    };
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    e.promise.then(
      (value) => finish() && resolve(value as Outcome<T>),
      (error: unknown) => finish() && reject(error),
    );
  });
}

function start(url: string): Entry {
  const controller = new AbortController();
  const entry: Entry = { controller, waiters: 0, settled: false, at: 0, promise: Promise.resolve({ kind: "notfound" }) };
  entry.promise = fetch(url, { credentials: "omit", mode: "cors", signal: controller.signal })
    .then(async (res): Promise<Outcome<unknown>> => {
      if (res.status === 404 || res.status === 400) return { kind: "notfound" };
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return { kind: "ok", data: await res.json() };
    })
    .then(
      (outcome) => {
        entry.settled = true;
        entry.at = Date.now();
        return outcome;
      },
      (error: unknown) => {
        entry.settled = true;
        if (cache.get(url) === entry) cache.delete(url);
        throw error;
      },
    );
  cache.set(url, entry);
  return entry;
}

/** `api` without trailing slashes, then the path: a base URL with a path of its own keeps it. */
export function apiUrl(api: string, path: string): string {
  return api.replace(/\/+$/, "") + path;
}
