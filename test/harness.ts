import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildRuntime, createApp, type Runtime } from "../hono.config.ts";
import { fixedClock } from "../lib/clock.ts";
import { readConfig } from "../lib/config.ts";
import type { DestinationStream } from "../lib/log.ts";
import { startMailSink, type MailSink } from "./mail-sink.ts";

export const TEST_ORIGIN = "http://localhost:3000";

export interface TestApp {
  app: ReturnType<typeof createApp>;
  runtime: Runtime;
  mail: MailSink;
  clock: ReturnType<typeof fixedClock> | null;
  dataDir: string;
  close(): Promise<void>;
}

/**
 * The real app on a fresh libSQL file, mailing a real SMTP server on loopback. Pass a start time
 * to get a clock the test can move; otherwise the system clock runs. The JSON log is silent
 * unless `log` is given a destination, e.g. captureLog()'s.
 */
export async function startTestApp(options: { now?: Date; env?: Record<string, string>; log?: DestinationStream } = {}): Promise<TestApp> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "certportal-test-"));
  const mail = await startMailSink();
  const config = readConfig({ NODE_ENV: "test", DATA_DIR: dataDir, SMTP_URL: mail.url, PUBLIC_URL: TEST_ORIGIN, ORG_NAME: "Testcert AB", ...options.env });
  const clock = options.now ? fixedClock(options.now) : null;
  const runtime = await buildRuntime(config, { ...(clock ? { clock } : {}), logTo: options.log });
  const app = createApp(runtime);
  // Mail goes through the utkorg after the response. A test reading the mail sink right after a
  // request sees what that request sent, as a person would a moment later: wait for the sender.
  const request = app.request.bind(app);
  app.request = (async (...args: Parameters<typeof request>) => {
    const res = await request(...args);
    await runtime.deps.mailQueue.drain();
    return res;
  }) as typeof app.request;
  return {
    app,
    runtime,
    mail,
    clock,
    dataDir,
    async close() {
      await runtime.close();
      await mail.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** One line of the JSON log, parsed. */
export type LogLine = Record<string, unknown> & { level: string; msg: string; requestId?: string };

/** Keeps the app's log lines as the real logger writes them, for a test to read. */
export function captureLog(): { lines: LogLine[]; destination: DestinationStream } {
  const lines: LogLine[] = [];
  return { lines, destination: { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) } };
}

/**
 * A browser-like client for app.request(): keeps cookies, sends Origin on posts (CSRF), and
 * follows nothing so tests see each redirect.
 */
export function browserClient(app: TestApp["app"], origin = TEST_ORIGIN) {
  const jar = new Map<string, string>();
  function store(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair, ...attrs] = c.split(";");
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attrs.some((a) => /max-age=0\b/i.test(a.trim()) || /expires=Thu, 01 Jan 1970/i.test(a.trim()));
      if (expired || value === "") jar.delete(name);
      else jar.set(name, value);
    }
  }
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  async function request(pathname: string, init: RequestInit & { htmx?: boolean } = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (jar.size) headers.set("Cookie", cookieHeader());
    if (init.method && init.method !== "GET") headers.set("Origin", origin);
    if (init.htmx) headers.set("HX-Request", "true");
    const res = await app.request(new URL(pathname, origin).toString(), { ...init, headers });
    store(res);
    return res;
  }
  return {
    jar,
    get: (pathname: string, init: RequestInit & { htmx?: boolean } = {}) => request(pathname, { ...init, method: "GET" }),
    post: (pathname: string, form: Record<string, string> | URLSearchParams, init: RequestInit & { htmx?: boolean } = {}) =>
      request(pathname, { ...init, method: "POST", body: new URLSearchParams(form), headers: { "Content-Type": "application/x-www-form-urlencoded", ...(init.headers ?? {}) } }),
    request,
  };
}

export type BrowserClient = ReturnType<typeof browserClient>;

/** The visible text of an HTML page, for assertions that read like what a person sees. */
export function textOf(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, " ")
    .replace(/<style[\s\S]*?<\/style>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, " ")
    .trim();
}
