// The SIGKILL drill (issue 15, "Crash recovery"): the real server, as a child process, is killed
// at a random moment while several HTTP clients upload evidence, register companies (with their
// registreringsbevis), register accounts and grant applications ("Bevilja och utfärda"). It is
// started again on the same DATA_DIR, and the drill checks that the restart recovered everything:
// `check` finds no fault, every write the server acknowledged is there (files byte for byte), no
// certificate is half-issued and every invoice got its PDF and its mail. Loops share one DATA_DIR,
// as a real machine would, so a later loop also sees an earlier loop's damage.
//
// Used by test/crash.test.ts (50 loops) and scripts/drill-crash.ts (`npm run drill:crash`).
import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import http from "node:http";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq, inArray } from "drizzle-orm";
import { migrateDatabase, openDatabase, type Database } from "../db/client.ts";
import { openCheckedDatabase } from "../db/open-checked.ts";
import { applicationRequirementFiles, applications, certificates, companies, documents, followUps, invoices, mailOutbox, persons, userRoles, users } from "../db/schema/index.ts";
import { seedCatalogue } from "../db/seed/seed-catalogue.ts";
import { systemClock, type Clock } from "../lib/clock.ts";
import { readConfig, type Config } from "../lib/config.ts";
import { luhnCheckDigit } from "../lib/identity/luhn.ts";
import { newId } from "../lib/ids.ts";
import { smtpMailer } from "../lib/mail/mailer.ts";
import { hashPassword } from "../lib/password/hash.ts";
import { localFileStorage } from "../lib/storage/storage.ts";
import { makePdf } from "../lib/uploads/test-files.ts";
import { createSession } from "../modules/accounts/sessions.ts";
import { actorForUser } from "../modules/accounts/find-user.ts";
import { loadApplication } from "../modules/certification/load-application.ts";
import { startApplication } from "../modules/certification/start-application.ts";
import type { Actor, Deps } from "../modules/deps.ts";
import { invoiceFollowUps } from "../modules/invoicing/follow-ups.ts";
import { checkData, LEFTOVER_AGE_MS, recoverFiles } from "../modules/maintenance/index.ts";
import { CLAIM_MS as FOLLOW_UP_CLAIM_MS, runFollowUps } from "../modules/outbox/follow-ups.ts";
import { CLAIM_MS as MAIL_CLAIM_MS, drainOutbox } from "../modules/outbox/outbox.ts";
import { applicationInFinalReview } from "./applications.ts";
import { startMailSink, type MailSink } from "./mail-sink.ts";

const ROOT = path.join(import.meta.dirname, "..");
const SCHEME = "fgas-utbildningsintyg-mac";

export interface DrillOptions {
  loops: number;
  /** Stop starting loops after this many milliseconds (the loop under way finishes). */
  timeLimitMs?: number;
  /** The kill comes at a random moment this many milliseconds after the clients start. */
  killAfterMs?: [number, number];
  /** Concurrent clients of each kind. */
  uploaders?: number;
  companyRegistrants?: number;
  accountRegistrants?: number;
  deciders?: number;
  /** One line per loop. */
  log?: (line: string) => void;
  /** Keep DATA_DIR afterwards (for a person to look at). */
  keep?: boolean;
}

export interface DrillReport {
  dataDir: string;
  loops: number;
  /** Kills with at least one request in flight at that moment. */
  killsInFlight: number;
  /** Requests cut off by a kill. */
  interrupted: number;
  acked: Record<Ack["kind"], number>;
  /** Acknowledged writes looked for after every restart (each counted once per check). */
  ackChecks: number;
  lost: number;
  integrityFailures: number;
  /** Faults `check` reported after the restart and the sweep (integrity ones included). */
  checkFaults: number;
  orphansSwept: number;
  tempsSwept: number;
  /** Orphan and temp files found by `check` after the sweep: must stay 0. */
  orphansAfter: number;
  halfIssued: number;
  /** Invoices whose PDF or mail was not done after the restart (and the senders' lease). */
  invoicesIncomplete: number;
  /** Outbox and follow-up rows a killed process had claimed, finished after its lease. */
  staleClaims: number;
  certificatesIssued: number;
  /** Answers no client should see (5xx, an unexpected redirect) and failed restarts. */
  unexpected: number;
  failures: string[];
  elapsedMs: number;
}

type Ack =
  | { kind: "upload"; applicationId: string; momentId: string; name: string; sha256: string; size: number }
  | { kind: "company"; companyId: string; orgnr: string; sha256: string; size: number }
  | { kind: "account"; email: string }
  | { kind: "grant"; applicationId: string };

interface Attempt {
  method: "POST";
  path: string;
  cookie?: string;
  headers?: Record<string, string>;
  body: Buffer;
  contentType: string;
  /** The acknowledged write this answer stands for, or null (then the answer is unexpected). */
  acked(status: number, location: string | null, body: string): Ack | null;
}

interface Server {
  child: ChildProcess;
  port: number;
  spawnedAt: number;
  exited: Promise<number | null>;
  output(): string;
}

/** The drill, start to end: prepares DATA_DIR, runs the loops, checks after every restart. */
export async function runCrashDrill(options: DrillOptions): Promise<DrillReport> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  const dataDir = await mkdtemp(path.join(tmpdir(), "certportal-crash-"));
  const sink = await startMailSink();
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const env = {
    NODE_ENV: "test",
    DATA_DIR: dataDir,
    PORT: String(port),
    PUBLIC_URL: origin,
    SMTP_URL: sink.url,
    // Account registration is limited to 20 an hour per address: the clients are "behind a proxy"
    // and each registration comes from its own address, as many visitors would.
    TRUST_PROXY: "1",
    PUBLIC_RATE_LIMIT: "0",
    SHUTDOWN_GRACE_MS: "3000",
  };
  const config = readConfig(env);
  const report: DrillReport = {
    dataDir,
    loops: 0,
    killsInFlight: 0,
    interrupted: 0,
    acked: { upload: 0, company: 0, account: 0, grant: 0 },
    ackChecks: 0,
    lost: 0,
    integrityFailures: 0,
    checkFaults: 0,
    orphansSwept: 0,
    tempsSwept: 0,
    orphansAfter: 0,
    halfIssued: 0,
    invoicesIncomplete: 0,
    staleClaims: 0,
    certificatesIssued: 0,
    unexpected: 0,
    failures: [],
    elapsedMs: 0,
  };
  const fail = (message: string) => {
    report.failures.push(message);
    log(`  FEL: ${message}`);
  };
  const acks: Ack[] = [];
  const world = new World(config, sink);
  let server: Server | null = null;
  try {
    await world.prepare();
    // The first start runs to readiness before any kill, as a real installation's first start would.
    server = await startServer(env);
    for (let loop = 1; loop <= options.loops; loop++) {
      if (options.timeLimitMs && Date.now() - started > options.timeLimitMs) break;
      const before = report.failures.length;
      const t0 = Date.now();
      const verdict = await world.verify(server.spawnedAt, acks, report, fail);
      const t1 = Date.now();
      const work = await world.workFor(loop, options);
      const t2 = Date.now();
      const outcome = await workUntilKilled(server, work, randomBetween(...(options.killAfterMs ?? [150, 1200])));
      report.loops = loop;
      if (outcome.inFlightAtKill > 0) report.killsInFlight++;
      report.interrupted += outcome.interrupted;
      for (const a of outcome.acks) report.acked[a.kind]++;
      acks.push(...outcome.acks);
      for (const u of outcome.unexpected) {
        report.unexpected++;
        fail(`loop ${loop}: ${u}`);
      }
      const t3 = Date.now();
      try {
        server = await startServer(env);
      } catch (error) {
        report.unexpected++;
        fail(`loop ${loop}: the server did not start after the kill: ${(error as Error).message}`);
        server = null;
        break;
      }
      const counts = Object.entries(countKinds(outcome.acks)).map(([k, n]) => `${n} ${k}`).join(", ");
      log(
        `loop ${loop}: killed after ${outcome.killedAfterMs} ms with ${outcome.inFlightAtKill} in flight; acked ${outcome.acks.length} (${counts || "none"}); ` +
          `before it: swept ${verdict.orphansSwept} orphans, ${verdict.tempsSwept} temps, ${verdict.staleClaims} stale claims; ${verdict.checked} acks checked; ` +
          `${report.failures.length === before ? "ok" : "FAILED"} (check ${t1 - t0} ms, fixtures ${t2 - t1} ms, restart ${Date.now() - t3} ms)`,
      );
    }
    if (server) {
      // After the last kill: the restart is checked the same way, then the server stops cleanly
      // and `npm run cli -- check` is run as an operator would run it.
      await world.verify(server.spawnedAt, acks, report, fail);
      server.child.kill("SIGTERM");
      const code = await server.exited;
      if (code !== 0) fail(`the server exited ${code} on SIGTERM: ${server.output().slice(-2000)}`);
      server = null;
      const cli = await runCli(env, ["check"]);
      if (cli.code !== 0) {
        report.checkFaults++;
        fail(`npm run cli -- check exited ${cli.code}: ${cli.output.slice(-2000)}`);
      }
    }
  } finally {
    if (server && server.child.exitCode === null && server.child.signalCode === null) {
      server.child.kill("SIGKILL");
      await server.exited;
    }
    await world.close();
    await sink.close();
    if (!options.keep) await rm(dataDir, { recursive: true, force: true });
    report.elapsedMs = Date.now() - started;
  }
  return report;
}

/** The summary line the drill ends with. */
export function drillSummary(r: DrillReport): string {
  const acked = r.acked.upload + r.acked.company + r.acked.account + r.acked.grant;
  return (
    `loops ${r.loops}, integrity failures ${r.integrityFailures}, orphans ${r.orphansAfter}, lost acknowledged writes ${r.lost}` +
    ` | check faults ${r.checkFaults}, half-issued ${r.halfIssued}, invoices incomplete ${r.invoicesIncomplete}, unexpected answers ${r.unexpected}` +
    ` | kills during in-flight work ${r.killsInFlight}, requests cut off ${r.interrupted}` +
    ` | acknowledged writes ${acked} (${r.acked.upload} uploads, ${r.acked.company} company registrations, ${r.acked.account} account registrations, ${r.acked.grant} grants), ${r.ackChecks} checks of them` +
    ` | swept ${r.orphansSwept} orphan and ${r.tempsSwept} temp files, ${r.staleClaims} stale claims finished after their lease, ${r.certificatesIssued} certificates issued` +
    ` | ${Math.round(r.elapsedMs / 1000)} s`
  );
}

export function drillPassed(r: DrillReport): boolean {
  return r.failures.length === 0 && r.lost === 0 && r.integrityFailures === 0 && r.checkFaults === 0 && r.orphansAfter === 0 && r.halfIssued === 0 && r.invoicesIncomplete === 0 && r.unexpected === 0;
}

// ---------------------------------------------------------------------------------------------
// The world the clients work in: staff, applicants with sessions, applications ready for a decision.

interface LoopWork {
  clients: (() => Promise<Attempt | null>)[];
}

class World {
  private database: Database | null = null;
  private staff: { reviewer: string; decider: string; deciderCookie: string } | null = null;
  private passwordHash = "";
  private serial = 0;
  /** Applications in final review not yet handed to a decider. */
  private pool: string[] = [];

  constructor(
    private readonly config: Config,
    private readonly sink: MailSink,
  ) {}

  /** Creates the database (migrations, catalogue) and the staff, with the server not running. */
  async prepare(): Promise<void> {
    const database = await openCheckedDatabase(this.config);
    await migrateDatabase(database.db);
    await seedCatalogue(database.db, new Date());
    database.close();
    this.passwordHash = await hashPassword("Kylaggregat-Vinter-2026");
    await this.withDb(async (deps) => {
      const reviewer = await this.user(deps, "granskare", ["reviewer"]);
      const decider = await this.user(deps, "beslutsfattare", ["decider"]);
      this.staff = { reviewer: reviewer.userId, decider: decider.userId, deciderCookie: await this.cookie(deps, decider.userId) };
    });
  }

  async close(): Promise<void> {
    this.database?.close();
    this.database = null;
  }

  /**
   * The drill's own connection, open only while the clients are idle: a real installation has the
   * server alone on its database when it is killed, so the drill must not hold it then.
   */
  private async withDb<T>(use: (deps: Deps) => Promise<T>): Promise<T> {
    this.database = await openDatabase(this.config.databaseUrl);
    try {
      return await use(this.deps(systemClock));
    } finally {
      this.database.close();
      this.database = null;
    }
  }

  private deps(clock: Clock): Deps {
    const idle = { kick() {}, async drain() {}, async stop() {} };
    return {
      config: this.config,
      db: this.database!.db,
      reads: this.database!.reads,
      mail: smtpMailer(this.sink.url, this.config.mailFrom),
      clock,
      bankid: null as unknown as Deps["bankid"],
      storage: localFileStorage(path.join(this.config.dataDir, "uploads")),
      mailQueue: idle,
      // The drill's own writes sign nothing (the server it kills does).
      signer: null as unknown as Deps["signer"],
    };
  }

  private async user(deps: Deps, label: string, roles: ("applicant" | "reviewer" | "decider")[]) {
    this.serial++;
    const personId = newId();
    const userId = newId();
    const email = `${label}-${this.serial}-${personId.slice(0, 6)}@drill.example.se`;
    const now = new Date();
    await deps.db.insert(persons).values({ id: personId, personnummer: null, birthDate: "1980-01-01", givenName: "Drill", familyName: `${label} ${this.serial}`, email, identityMethod: "manual", createdAt: now });
    // One hash for all: logins go through sessions made here, and argon2 per user would cost seconds.
    await deps.db.insert(users).values({ id: userId, personId, passwordHash: this.passwordHash, mustChangePassword: false, createdAt: now });
    for (const role of roles) await deps.db.insert(userRoles).values({ userId, role });
    return { personId, userId, email };
  }

  /** A session made as the login would make it (the login itself has its own tests). */
  private async cookie(deps: Deps, userId: string): Promise<string> {
    const { token } = await createSession(deps.db, userId, "password", new Date());
    return `session=${token}`;
  }

  /**
   * After a restart, with the clients idle: waits for the server's sender, finishes what a killed
   * process had claimed (its lease), sweeps leftover files, runs `check`, and looks for every
   * acknowledged write so far and for half-done issuance.
   */
  async verify(spawnedAt: number, acks: Ack[], report: DrillReport, fail: (m: string) => void) {
    return this.withDb(async (deps) => {
      const staleClaims = await this.settleOutbox(deps, spawnedAt, fail);
      report.staleClaims += staleClaims;

      // Judging leftovers. The start-up sweep removes only files older than LEFTOVER_AGE_MS (10
      // min), and a kill's leftovers are seconds old. Rather than shorten that age for tests (an
      // override that production code would have to carry), the sweep and `check` are run with the
      // clock moved past it, which is what the next start or daily sweep ten minutes on would do.
      // It is sound here because nothing can be writing a file: the drill's clients are idle and
      // the server's only other writer of files, the follow-up work (invoice PDFs), has nothing
      // left to do (settleOutbox above).
      const later = Date.now() + LEFTOVER_AGE_MS + 1;
      const swept = await recoverFiles(deps, { now: later, log: () => undefined, warn: (m) => fail(`recovery: ${m}`) });
      if (!swept) fail("the file recovery failed");
      report.orphansSwept += swept?.orphansRemoved ?? 0;
      report.tempsSwept += swept?.tempsRemoved ?? 0;
      const check = await checkData(deps, { now: later });
      for (const f of check.faults) {
        report.checkFaults++;
        if (f.kind === "integrity" || f.kind === "foreign_key") report.integrityFailures++;
        if (f.kind === "orphan_file" || f.kind === "temp_file") report.orphansAfter++;
        fail(`check: ${f.message}`);
      }

      const checked = await this.lookForAcks(deps, acks, report, fail);
      await this.lookForHalfIssued(deps, report, fail);
      return { orphansSwept: swept?.orphansRemoved ?? 0, tempsSwept: swept?.tempsRemoved ?? 0, staleClaims, checked };
    });
  }

  /**
   * Waits until the restarted server's sender has done what it can take, then does the rows a
   * killed process had claimed: their claim runs out after MAIL_CLAIM_MS / FOLLOW_UP_CLAIM_MS
   * (minutes), so the drill plays the sender that comes after the lease, with its clock moved on.
   * A claim taken before this server was spawned is the dead process's.
   */
  private async settleOutbox(deps: Deps, spawnedAt: number, fail: (m: string) => void): Promise<number> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const now = Date.now();
      const rows = [
        ...(await deps.db.select({ next: mailOutbox.nextAttemptAt, claimed: mailOutbox.claimedUntil }).from(mailOutbox).where(eq(mailOutbox.status, "pending"))).map((r) => ({ ...r, lease: MAIL_CLAIM_MS })),
        ...(await deps.db.select({ next: followUps.nextAttemptAt, claimed: followUps.claimedUntil }).from(followUps).where(eq(followUps.status, "pending"))).map((r) => ({ ...r, lease: FOLLOW_UP_CLAIM_MS })),
      ];
      const serverCanTake = rows.some((r) => r.next.getTime() <= now && (!r.claimed || r.claimed.getTime() <= now));
      const serverIsDoing = rows.some((r) => r.claimed && r.claimed.getTime() >= spawnedAt + r.lease);
      if (!serverCanTake && !serverIsDoing) break;
      if (now > deadline) {
        fail(`the restarted server's sender did not finish within 20 s (${rows.length} rows pending)`);
        break;
      }
      await sleep(50);
    }
    const stale =
      (await deps.db.select({ id: mailOutbox.id }).from(mailOutbox).where(eq(mailOutbox.status, "pending"))).length +
      (await deps.db.select({ id: followUps.id }).from(followUps).where(eq(followUps.status, "pending"))).length;
    if (!stale) return 0;
    // Past both leases and a few retry pauses.
    const ahead = FOLLOW_UP_CLAIM_MS + 10 * 60_000;
    const later = { ...deps, clock: { now: () => new Date(Date.now() + ahead) } };
    for (let round = 0; round < 5; round++) {
      await runFollowUps(later, invoiceFollowUps, 200);
      await drainOutbox(later, 500);
    }
    const left = await deps.db.select({ id: mailOutbox.id, error: mailOutbox.lastError }).from(mailOutbox).where(inArray(mailOutbox.status, ["pending", "failed"]));
    const leftWork = await deps.db.select({ id: followUps.id, error: followUps.lastError }).from(followUps).where(inArray(followUps.status, ["pending", "failed"]));
    if (left.length || leftWork.length) fail(`after the lease: ${left.length} mails and ${leftWork.length} follow-ups still not done (${[...left, ...leftWork].map((r) => r.error).join("; ")})`);
    return stale;
  }

  private async lookForAcks(deps: Deps, acks: Ack[], report: DrillReport, fail: (m: string) => void): Promise<number> {
    const db = deps.db;
    const allDocs = await db.select().from(documents);
    // Upload names are unique in the drill; registreringsbevis are found through their company.
    const docs = new Map(allDocs.map((d) => [d.originalName, d]));
    const docsById = new Map(allDocs.map((d) => [d.id, d]));
    const links = new Set((await db.select().from(applicationRequirementFiles)).map((l) => `${l.applicationRequirementId}/${l.documentId}`));
    const companyRows = new Map((await db.select().from(companies)).map((c) => [c.id, c]));
    const people = new Map((await db.select({ email: persons.email, id: persons.id }).from(persons)).map((p) => [p.email, p.id]));
    const accounts = new Set((await db.select({ personId: users.personId }).from(users)).map((u) => u.personId));
    const welcomes = new Set((await db.select({ to: mailOutbox.to, kind: mailOutbox.kind, status: mailOutbox.status }).from(mailOutbox)).filter((m) => m.kind === "secret.welcome" && m.status === "sent").map((m) => m.to));
    const apps = new Map((await db.select({ id: applications.id, status: applications.status }).from(applications)).map((a) => [a.id, a.status]));
    const lost = (what: string) => {
      report.lost++;
      fail(`lost acknowledged write: ${what}`);
    };
    for (const ack of acks) {
      report.ackChecks++;
      if (ack.kind === "upload") {
        const d = docs.get(ack.name);
        if (!d) lost(`upload ${ack.name} has no documents row`);
        else if (d.sha256 !== ack.sha256 || d.size !== ack.size) lost(`upload ${ack.name}: the row says ${d.size} bytes ${d.sha256}, the client sent ${ack.size} bytes ${ack.sha256}`);
        else if (!links.has(`${ack.momentId}/${d.id}`)) lost(`upload ${ack.name} is not in its Moment's files`);
        else if (!(await sameBytes(deps, d.storageKey, ack.sha256))) lost(`upload ${ack.name}: the stored file is not the bytes sent`);
      } else if (ack.kind === "company") {
        const c = companyRows.get(ack.companyId);
        const d = c?.registrationDocumentId ? docsById.get(c.registrationDocumentId) : undefined;
        if (!c) lost(`company ${ack.orgnr} (${ack.companyId}) has no row`);
        else if (!d) lost(`company ${ack.orgnr} has no registreringsbevis document`);
        else if (d.sha256 !== ack.sha256 || d.size !== ack.size) lost(`company ${ack.orgnr}: registreringsbevis row is not the file sent`);
        else if (!(await sameBytes(deps, d.storageKey, ack.sha256))) lost(`company ${ack.orgnr}: the stored registreringsbevis is not the bytes sent`);
      } else if (ack.kind === "account") {
        const personId = people.get(ack.email);
        if (!personId) lost(`registration of ${ack.email} has no person`);
        else if (!accounts.has(personId)) lost(`registration of ${ack.email} has no user`);
        else if (!welcomes.has(ack.email)) lost(`registration of ${ack.email}: its welcome mail is not sent`);
        else if (!this.sink.messages.some((m) => m.to.includes(ack.email))) lost(`registration of ${ack.email}: no mail reached SMTP`);
      } else {
        const status = apps.get(ack.applicationId);
        if (status !== "issued") lost(`grant of ${ack.applicationId}: the application is ${status ?? "missing"}`);
      }
    }
    return acks.length;
  }

  /** Every issued application has its certificate and invoice; every invoice its PDF and sent mail. */
  private async lookForHalfIssued(deps: Deps, report: DrillReport, fail: (m: string) => void): Promise<void> {
    const db = deps.db;
    const issued = await db.select({ id: applications.id }).from(applications).where(eq(applications.status, "issued"));
    const certs = new Set((await db.select({ applicationId: certificates.applicationId }).from(certificates)).map((c) => c.applicationId));
    const invoiceRows = await db.select().from(invoices);
    const invoiced = new Map(invoiceRows.map((i) => [i.applicationId, i]));
    report.certificatesIssued = certs.size;
    for (const a of issued) {
      if (!certs.has(a.id) || !invoiced.has(a.id)) {
        report.halfIssued++;
        fail(`half-issued: application ${a.id} is issued with${certs.has(a.id) ? "" : "out"} a certificate and with${invoiced.has(a.id) ? "" : "out"} an invoice`);
      }
    }
    const mails = await db.select({ kind: mailOutbox.kind, status: mailOutbox.status, attachments: mailOutbox.attachments }).from(mailOutbox);
    const sentPdfs = new Set(mails.filter((m) => m.kind === "invoice" && m.status === "sent").flatMap((m) => (m.attachments ?? []).map((a) => a.documentId)));
    for (const i of invoiceRows) {
      const incomplete = (why: string) => {
        report.invoicesIncomplete++;
        fail(`invoice ${i.number} (application ${i.applicationId}): ${why}`);
      };
      if (!i.pdfDocumentId) incomplete("no PDF");
      else if (!sentPdfs.has(i.pdfDocumentId)) incomplete("its mail with the PDF is not sent");
      else if (i.recipientEmail && !this.sink.messages.some((m) => m.to.includes(i.recipientEmail!) && m.attachments.some((a) => a.contentType === "application/pdf"))) incomplete("its mail never reached SMTP");
    }
  }

  /** The clients of one loop, with fresh applicants and a pool of applications to grant. */
  async workFor(loop: number, options: DrillOptions): Promise<LoopWork> {
    return this.withDb(async (deps) => {
      const clients: LoopWork["clients"] = [];
      const perLoopGrants = 8 * (options.deciders ?? 1);
      while (this.pool.length < perLoopGrants) this.pool.push(await this.applicationToGrant(deps));
      for (let c = 0; c < (options.uploaders ?? 2); c++) clients.push(await this.uploader(deps, loop, c));
      for (let c = 0; c < (options.companyRegistrants ?? 1); c++) clients.push(await this.companyRegistrant(deps, loop, c));
      for (let c = 0; c < (options.accountRegistrants ?? 1); c++) clients.push(this.accountRegistrant(loop, c));
      for (let c = 0; c < (options.deciders ?? 1); c++) clients.push(this.decider());
      return { clients };
    });
  }

  private async applicationToGrant(deps: Deps): Promise<string> {
    const applicant = await this.user(deps, "sokande", ["applicant"]);
    return applicationInFinalReview(deps, {
      schemeCode: SCHEME,
      personId: applicant.personId,
      byUserId: applicant.userId,
      reviewerUserId: this.staff!.reviewer,
      // An address of its own, so the drill can tell that this invoice's mail reached SMTP.
      recipient: { name: "Faktura Mottagare", email: `faktura-${this.serial}@drill.example.se` },
    });
  }

  private async uploader(deps: Deps, loop: number, c: number): Promise<() => Promise<Attempt | null>> {
    const applicant = await this.user(deps, "uppladdare", ["applicant"]);
    const actor = (await actorForUser(deps.db, applicant.userId)) as Actor & { userId: string; personId: string };
    const scheme = await deps.db.query.schemes.findFirst({ where: (s, { eq }) => eq(s.code, SCHEME) });
    const { applicationId } = await startApplication(deps, actor, { schemeId: scheme!.id });
    const moment = (await loadApplication(deps.db, actor, applicationId)).moments.find((m) => m.requirement.acceptedTypes.split(",").includes("pdf"))!.moment;
    const cookie = await this.cookie(deps, applicant.userId);
    let n = 0;
    return async () => {
      n++;
      const name = `drill-${loop}-${c}-${n}-${applicationId.slice(0, 8)}.pdf`;
      const bytes = makePdf({ text: `Utbildningsintyg ${name} ${newId()}` });
      const form = new FormData();
      form.set("fil", new Blob([new Uint8Array(bytes)], { type: "application/pdf" }), name);
      return {
        ...(await multipart(form)),
        method: "POST",
        path: `/min-sida/ansokningar/${applicationId}/moment/${moment.id}`,
        cookie,
        acked: (status, location) => (status === 303 && location?.includes("klart=uppladdad") ? { kind: "upload", applicationId, momentId: moment.id, name, sha256: sha256(bytes), size: bytes.length } : null),
      };
    };
  }

  private async companyRegistrant(deps: Deps, loop: number, c: number): Promise<() => Promise<Attempt | null>> {
    const registrant = await this.user(deps, "registrerare", ["applicant"]);
    const cookie = await this.cookie(deps, registrant.userId);
    return async () => {
      const orgnr = this.orgNumber();
      const bytes = makePdf({ text: `Registreringsbevis ${orgnr} ${newId()}` });
      const form = new FormData();
      const fields = { orgnr, namn: `Drill ${loop}-${c} AB`, adressrad1: "Industrigatan 4", adressrad2: "", postnummer: "901 30", ort: "Umeå", land: "Sverige", telefon: "090-12 34 56", epost: `info-${orgnr}@drill.example.se` };
      for (const [k, v] of Object.entries(fields)) form.set(k, v);
      form.set("registreringsbevis", new Blob([new Uint8Array(bytes)], { type: "application/pdf" }), "registreringsbevis.pdf");
      return {
        ...(await multipart(form)),
        method: "POST",
        path: "/registrera-foretag",
        cookie,
        acked: (status, location) => {
          const m = status === 303 ? /^\/registrera-foretag\/tack\/([^/?]+)$/.exec(location ?? "") : null;
          return m ? { kind: "company", companyId: m[1]!, orgnr, sha256: sha256(bytes), size: bytes.length } : null;
        },
      };
    };
  }

  private accountRegistrant(loop: number, c: number): () => Promise<Attempt | null> {
    let n = 0;
    return async () => {
      n++;
      this.serial++;
      const email = `konto-${loop}-${c}-${n}-${newId().slice(0, 6)}@drill.example.se`;
      const body = new URLSearchParams({ epost: email, fodelsedatum: "1985-05-05", fornamn: "Ny", efternamn: `Konto ${letters(this.serial)}` });
      return {
        method: "POST",
        path: "/registrera-konto/skapa",
        body: Buffer.from(body.toString()),
        contentType: "application/x-www-form-urlencoded",
        headers: { "X-Forwarded-For": `10.${(this.serial >> 16) & 255}.${(this.serial >> 8) & 255}.${this.serial & 255}` },
        acked: (status, _location, text) => (status === 200 && (text === "" || text.includes("Kontrollera din e-post")) ? { kind: "account", email } : null),
      };
    };
  }

  private decider(): () => Promise<Attempt | null> {
    return async () => {
      const applicationId = this.pool.shift();
      if (!applicationId) return null;
      return {
        method: "POST",
        path: `/personal/ansokningar/${applicationId}/beslut`,
        cookie: this.staff!.deciderCookie,
        body: Buffer.from(new URLSearchParams({ beslut: "bevilja", kontrollerat: "identity", bekraftat: "ja" }).toString()),
        contentType: "application/x-www-form-urlencoded",
        acked: (status, location) => (status === 303 && location?.includes("klart=beviljad") ? { kind: "grant", applicationId } : null),
      };
    };
  }

  private orgNumber(): string {
    this.serial++;
    const payload = `5569${String(this.serial).padStart(5, "0")}`;
    const digits = `${payload}${luhnCheckDigit(payload)}`;
    return `${digits.slice(0, 6)}-${digits.slice(6)}`;
  }
}

// ---------------------------------------------------------------------------------------------
// The server and the clients.

async function startServer(env: Record<string, string>): Promise<Server> {
  const spawnedAt = Date.now();
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const keep = (d: Buffer) => {
    output = (output + d.toString()).slice(-8000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`exited ${child.exitCode ?? child.signalCode}: ${output.slice(-2000)}`);
    const ready = await get(Number(env.PORT), "/readyz").then((status) => status === 200, () => false);
    if (ready) break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`not ready within 60 s: ${output.slice(-2000)}`);
    }
    await sleep(40);
  }
  return { child, port: Number(env.PORT), spawnedAt, exited, output: () => output };
}

interface Outcome {
  acks: Ack[];
  killedAfterMs: number;
  inFlightAtKill: number;
  interrupted: number;
  unexpected: string[];
}

/** Every client sends its requests one after another until the kill; answers received are acks. */
async function workUntilKilled(server: Server, work: LoopWork, killAfterMs: number): Promise<Outcome> {
  const outcome: Outcome = { acks: [], killedAfterMs: killAfterMs, inFlightAtKill: 0, interrupted: 0, unexpected: [] };
  let killed = false;
  let inFlight = 0;
  const client = async (next: () => Promise<Attempt | null>) => {
    while (!killed) {
      const attempt = await next();
      if (!attempt) {
        await sleep(20);
        continue;
      }
      inFlight++;
      try {
        const answer = await send(server.port, attempt);
        const ack = attempt.acked(answer.status, answer.location, answer.body);
        if (ack) outcome.acks.push(ack);
        // Every request here is one that should succeed: any other answer is a finding.
        else outcome.unexpected.push(`${attempt.path} answered ${answer.status} ${answer.location ?? ""} ${textOf(answer.body).slice(0, 300)}`);
      } catch (error) {
        if (killed) outcome.interrupted++;
        else outcome.unexpected.push(`${attempt.path}: ${(error as Error).message}`);
      } finally {
        inFlight--;
      }
    }
  };
  const running = work.clients.map((c) => client(c));
  await sleep(killAfterMs);
  outcome.inFlightAtKill = inFlight;
  killed = true;
  server.child.kill("SIGKILL");
  await server.exited;
  await Promise.all(running);
  return outcome;
}

/** A request on a connection of its own (no pool that would outlive a killed server). */
function send(port: number, attempt: Attempt): Promise<{ status: number; location: string | null; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: "127.0.0.1",
      port,
      path: attempt.path,
      method: attempt.method,
      agent: false,
      headers: {
        Origin: `http://127.0.0.1:${port}`,
        "Content-Type": attempt.contentType,
        "Content-Length": attempt.body.length,
        ...(attempt.cookie ? { Cookie: attempt.cookie } : {}),
        ...attempt.headers,
      },
    });
    req.on("response", (res) => {
      const status = res.statusCode!;
      const location = res.headers.location ?? null;
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d) => (body += d));
      res.on("end", () => resolve({ status, location, body }));
      // The answer arrived (the write was acknowledged) even if the rest of the page did not.
      res.on("error", () => resolve({ status, location, body: "" }));
      res.on("aborted", () => resolve({ status, location, body: "" }));
    });
    req.on("error", reject);
    req.end(attempt.body);
  });
}

function get(port: number, pathname: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: "127.0.0.1", port, path: pathname, agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode!);
    });
    req.on("error", reject);
    req.setTimeout(2000, () => req.destroy(new Error("timeout")));
  });
}

function runCli(env: Record<string, string>, args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "cli.ts", ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout!.on("data", (d) => (output += d));
    child.stderr!.on("data", (d) => (output += d));
    child.on("exit", (code) => resolve({ code, output }));
  });
}

/** The multipart encoding fetch would send, as bytes (the request goes out with a length). */
async function multipart(form: FormData): Promise<{ body: Buffer; contentType: string }> {
  const request = new Request("http://drill/", { method: "POST", body: form });
  return { body: Buffer.from(await request.arrayBuffer()), contentType: request.headers.get("content-type")! };
}

async function sameBytes(deps: Deps, key: string, sha: string): Promise<boolean> {
  try {
    return sha256(await deps.storage.get(key)) === sha;
  } catch {
    return false;
  }
}

function countKinds(acks: Ack[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const a of acks) out[a.kind] = (out[a.kind] ?? 0) + 1;
  return out;
}

/** A number written in letters (names may hold only letters). */
const letters = (n: number) => [...n.toString(26)].map((d) => String.fromCharCode(97 + parseInt(d, 26))).join("");
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const randomBetween = (min: number, max: number) => Math.round(min + Math.random() * (max - min));
const textOf = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim();

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}
