import { readFileSync } from "node:fs";
import path from "node:path";
import { Hono } from "hono";
import { migrateDatabase, type Database } from "./db/client.ts";
import { openCheckedDatabase } from "./db/open-checked.ts";
import { checkReadiness } from "./db/readiness.ts";
import { seedCatalogue } from "./db/seed/seed-catalogue.ts";
import { createBankIdClient, fetchTransport, httpsTransport } from "./lib/bankid/client.ts";
import { assertSimulatorAllowed, createBankIdSimulator } from "./lib/bankid/simulator.ts";
import type { BankIdClient } from "./lib/bankid/types.ts";
import { systemClock, type Clock } from "./lib/clock.ts";
import { ConfigError, readConfig, type Config } from "./lib/config.ts";
import { createLogger, type DestinationStream, type Logger } from "./lib/log.ts";
import { outboxMailer, smtpMailer, type Mailer } from "./lib/mail/mailer.ts";
import { fileSigner } from "./lib/signing/keyring.ts";
import { localFileStorage } from "./lib/storage/storage.ts";
import { ensureSigningKey } from "./modules/credentials/index.ts";
import { validateSession } from "./modules/accounts/index.ts";
import type { Deps } from "./modules/deps.ts";
import { startOutboxSender } from "./modules/outbox/outbox.ts";
import { runFollowUps, type FollowUpHandlers } from "./modules/outbox/follow-ups.ts";
import { invoiceFollowUps } from "./modules/invoicing/follow-ups.ts";

/** What each kind of follow-up work does (modules/outbox/follow-ups.ts runs them). */
const FOLLOW_UP_HANDLERS: FollowUpHandlers = { ...invoiceFollowUps };
import { embedRoutes } from "./public-site/embed.tsx";
import { publicReads } from "./public-site/reads.ts";
import { publicSite } from "./public-site/routes.tsx";
import { accountRoutes } from "./web/accounts/routes.tsx";
import { bodyLimits } from "./web/body-limits.ts";
import { registerCompanyRoutes } from "./web/companies/register.tsx";
import { clearCookie, readCookie, SESSION } from "./web/cookies.ts";
import { devMail } from "./web/dev/mail.tsx";
import type { AppEnv } from "./web/env.ts";
import { notFound, onError } from "./web/errors.tsx";
import { sameOriginOnly } from "./web/origin-check.ts";
import { noStoreForPersonalPages } from "./web/personal-cache.ts";
import { languageRoutes, useAccountLanguage, withLanguage } from "./web/language.ts";
import { withSecurityHeaders } from "./web/security-headers.ts";
import { portalRoutes } from "./web/portal/routes.tsx";
import { requestLog } from "./web/request-log.ts";
import { mountHotReads } from "./web/hot-reads.ts";
import { staffRoutes } from "./web/staff/routes.tsx";
import { staticAssets } from "./web/static-assets.ts";

export { readConfig };

export interface Runtime {
  deps: Deps;
  database: Database;
  /** The in-process BankID simulator, when BANKID_MODE=simulator. */
  simulator: ReturnType<typeof createBankIdSimulator> | null;
  outbox: ReturnType<typeof outboxMailer> | null;
  /** The JSON log (stdout unless a test passed its own destination). */
  log: Logger;
  /** Stops the background work (the mail sender), then closes the database. */
  close(): Promise<void>;
}

/** Builds the real dependencies from configuration. Tests replace the parts they need. */
export async function buildRuntime(config: Config, overrides: { clock?: Clock; mail?: Mailer; logTo?: DestinationStream } = {}): Promise<Runtime> {
  // Refuses a lost or damaged database beside an installation's files (never a new one over it).
  const database = await openCheckedDatabase(config);
  await migrateDatabase(database.db);
  const clock = overrides.clock ?? systemClock;
  // The catalogue is data, not demo data: every start brings it in line with db/seed/catalogue.ts.
  await seedCatalogue(database.db, clock.now());
  const outbox = config.smtpUrl || overrides.mail ? null : outboxMailer(path.join(config.dataDir, "outbox"), config.mailFrom);
  const mail = overrides.mail ?? outbox ?? smtpMailer(config.smtpUrl!, config.mailFrom);
  let simulator: Runtime["simulator"] = null;
  let bankid: BankIdClient;
  if (config.bankId.mode === "simulator") {
    assertSimulatorAllowed(config.nodeEnv);
    simulator = createBankIdSimulator({ now: () => clock.now(), nodeEnv: config.nodeEnv });
    const sim = simulator;
    // The simulator is reached in-process through its fetch handler: the same HTTP API, no socket.
    bankid = createBankIdClient({ transport: fetchTransport("http://bankid-simulator/dev/bankid", (input, init) => sim.app.fetch(new Request(rebase(input), init))) });
  } else {
    bankid = createBankIdClient({
      transport: httpsTransport({
        baseUrl: config.bankId.mode === "production" ? "https://appapi2.bankid.com" : "https://appapi2.test.bankid.com",
        cert: readPem(config.bankId.cert, "BANKID_CERT"),
        key: readPem(config.bankId.key, "BANKID_KEY"),
        ca: readPem(config.bankId.ca, "BANKID_CA"),
      }),
    });
  }
  const storage = localFileStorage(path.join(config.dataDir, "uploads"));
  // The signing key is made at first start and never leaves DATA_DIR (docs/decisions/019).
  const keysDir = path.join(config.dataDir, "keys");
  await ensureSigningKey(keysDir, clock.now(), database.db);
  // A rotation (keys:rotate, from another process too) records its Event after writing the key
  // files: the folder is looked at again when the database has changed (lib/signing/keyring.ts).
  const signer = fileSigner(keysDir, () => database.reads.dataVersion());
  // Follow-up work needs the whole Deps, which includes the sender: bound once both exist.
  let deps!: Deps;
  const mailQueue = startOutboxSender({ db: database.db, mail, clock, storage, followUps: (limit) => runFollowUps(deps, FOLLOW_UP_HANDLERS, limit) });
  deps = { config, db: database.db, reads: database.reads, mail, clock, bankid, storage, mailQueue, signer };
  return {
    deps,
    database,
    simulator,
    outbox,
    log: createLogger({ level: config.logLevel, destination: overrides.logTo }),
    async close() {
      await mailQueue.stop();
      // Fold the WAL into the database file, so a stopped installation is one self-contained file.
      if (config.databaseUrl.startsWith("file:")) await database.client.execute("PRAGMA wal_checkpoint(TRUNCATE)").catch(() => undefined);
      database.close();
    },
  };
}

function rebase(input: RequestInfo | URL): string {
  const url = new URL(typeof input === "string" || input instanceof URL ? input : input.url);
  return `http://localhost${url.pathname.replace(/^\/dev\/bankid/, "")}${url.search}`;
}

/** A PEM file's path, or the PEM itself (handy where secrets arrive as environment variables). */
function readPem(value: string | undefined, name: string): string {
  if (!value) throw new ConfigError(`${name} must be set when BANKID_MODE is test or production`);
  if (value.includes("-----BEGIN")) return value;
  try {
    return readFileSync(value, "utf8");
  } catch (e) {
    throw new ConfigError(`${name}: cannot read ${value} (${(e as Error).message})`);
  }
}

const SESSIONLESS = /^\/(api|badge|c|widgets)\//;

/** The composition root: the whole site as one Hono app over the given dependencies. */
export function createApp(runtime: Runtime, options: { hotReads?: boolean } = {}): Hono<AppEnv> {
  const { deps } = runtime;
  const { config } = deps;
  const app = new Hono<AppEnv>();
  const publicOrigin = new URL(config.publicUrl).origin;

  app.onError(onError);
  app.notFound(notFound);
  // The most asked public GETs, before all middleware: one step does what the chain below does
  // for them, and hands anything else on to it (web/hot-reads.ts, docs/decisions/025).
  // (hotReads: false only for web/hot-reads.test.ts, which compares the two ways of answering.)
  if (options.hotReads !== false) mountHotReads(app, deps, runtime.log);
  // First of all, so every answer has its line and its id: the probes, 413, 403 and 500 too.
  app.use("*", requestLog(runtime.log, { trustProxy: config.trustProxy }));
  app.get("/healthz", (c) => c.text("ok"));
  // Ready for traffic: the database answers and carries every migration this code expects.
  app.get("/readyz", async (c) => {
    c.header("Cache-Control", "no-store");
    const readiness = await checkReadiness(runtime.database.client);
    if (readiness.ready) return c.text("ok");
    console.warn(`readyz: ${readiness.reason}`);
    return c.text("Inte redo: databasen svarar inte eller saknar migreringar.", 503);
  });

  app.use("*", async (c, next) => {
    c.set("deps", deps);
    c.set("user", null);
    await next();
  });
  // Everything after this runs in the request's language (web/language.ts; docs/decisions/022).
  app.use("*", withLanguage());
  // Security headers on every answer that does not carry its own (web/security-headers.ts).
  app.use("*", withSecurityHeaders());
  // The public read path first: all GETs, no session, each answer made whole (public-site/reads.ts).
  app.route("/", publicReads());
  app.use("*", noStoreForPersonalPages());
  // Before anything reads a body: the Origin check, the session and the routes come after.
  app.use("*", bodyLimits());
  app.use(
    "*",
    // The public origin; on a laptop also whatever host the browser used (localhost or 127.0.0.1).
    sameOriginOnly((origin, c) => origin === publicOrigin || (!config.production && origin === new URL(c.req.url).origin)),
  );
  app.use("*", async (c, next) => {
    // Public answers are the same for everyone and may be cached by a CDN: no session is read
    // (nor refreshed, nor a stale cookie cleared) on the API, the badge, /c/… and the widgets.
    if (SESSIONLESS.test(c.req.path)) return next();
    const token = readCookie(c, SESSION);
    if (token) {
      const user = await validateSession(deps.db, token, deps.clock.now());
      if (user) {
        c.set("user", user);
        useAccountLanguage(c, user);
      } else clearCookie(c, SESSION);
    }
    await next();
  });

  app.route("/static", staticAssets());
  if (!config.production) {
    app.route("/dev/mail", devMail(runtime.outbox));
    if (runtime.simulator) app.route("/dev/bankid", runtime.simulator.app);
  }
  app.route("/", languageRoutes());
  app.route("/", accountRoutes());
  app.route("/", registerCompanyRoutes());
  app.route("/min-sida", portalRoutes());
  app.route("/personal", staffRoutes());
  app.route("/", embedRoutes());
  app.route("/", publicSite());
  return app;
}

/** For server.ts and the CLI: configuration from the environment, real dependencies. */
export async function createRuntimeFromEnv(env: Record<string, string | undefined> = process.env): Promise<Runtime> {
  return buildRuntime(readConfig(env));
}
