// A lost database is not a fresh install: the server refuses to start (one line, no stack, no
// seeding, the damaged file untouched); an empty DATA_DIR is a new installation. The CLI's
// check/backup/restore as an operator runs them.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readFile, rm, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildRuntime, readConfig } from "../hono.config.ts";
import { makePdf } from "../lib/uploads/test-files.ts";
import { storeDocumentWith } from "../modules/documents/store-document.ts";
import { seedUser } from "../test/fixtures.ts";
import { lostDatabaseMessage, openCheckedDatabase, StartupRefused } from "./open-checked.ts";

const root = path.join(import.meta.dirname, "..");
const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function dataDir(): Promise<string> {
  const d = await mkdtemp(path.join(tmpdir(), "certportal-open-"));
  dirs.push(d);
  return d;
}

const configFor = (dir: string) => readConfig({ NODE_ENV: "test", DATA_DIR: dir, SMTP_URL: "", PUBLIC_URL: "http://localhost:3000" });

/** An installation that has lived: a database with its catalogue and an upload beside it. */
async function installation(): Promise<{ dir: string; db: string }> {
  const dir = await dataDir();
  const runtime = await buildRuntime(configFor(dir));
  const { userId } = await seedUser(runtime.deps, { email: `sven-${Math.random()}@example.se` });
  const bytes = makePdf();
  await storeDocumentWith(runtime.deps, { bytes, sha256: createHash("sha256").update(bytes).digest("hex"), mime: "application/pdf", size: bytes.length, originalName: "registreringsbevis.pdf" } as never, userId, async () => undefined);
  await runtime.close();
  return { dir, db: path.join(dir, "certportal.db") };
}

async function refusal(dir: string): Promise<StartupRefused> {
  const error = await openCheckedDatabase(configFor(dir)).then(
    (d) => {
      d.close();
      return null;
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StartupRefused);
  return error as StartupRefused;
}

function cli(dir: string, ...args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "cli.ts", ...args], { cwd: root, env: { ...process.env, NODE_ENV: "test", DATA_DIR: dir, SMTP_URL: "" }, encoding: "utf8", timeout: 60_000 });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe("opening the database at start", () => {
  it("opens an empty DATA_DIR as a new installation", async () => {
    const database = await openCheckedDatabase(configFor(await dataDir()));
    database.close();
  });

  it("refuses a missing, empty, half, 4 kB or headerless database beside the installation's files, and writes nothing", async () => {
    const message = (db: string) => lostDatabaseMessage(db);
    expect(message("/x/certportal.db")).toBe("certportal.db saknas eller är skadad; återställ från en säkerhetskopia: npm run cli -- restore DIR");

    const missing = await installation();
    await rm(missing.db);
    await rm(`${missing.db}-wal`, { force: true });
    expect((await refusal(missing.dir)).message).toBe(message(missing.db));

    for (const damage of ["empty", "half", "4kB", "header"] as const) {
      const inst = await installation();
      const size = (await readFile(inst.db)).length;
      if (damage === "empty") await truncate(inst.db, 0);
      if (damage === "half") await truncate(inst.db, Math.floor(size / 2));
      if (damage === "4kB") await truncate(inst.db, 4096);
      if (damage === "header") {
        const bytes = await readFile(inst.db);
        bytes.write("Not a database!!", 0, "latin1");
        await writeFile(inst.db, bytes);
      }
      const before = await readFile(inst.db);
      const e = await refusal(inst.dir);
      expect(e.message, damage).toBe(message(inst.db));
      expect((await readFile(inst.db)).equals(before), `${damage}: the damaged file is never written`).toBe(true);
    }
  });

  it("makes the server exit 1 with that one line, without a stack and without seeding demo data", async () => {
    const inst = await installation();
    await truncate(inst.db, 0);
    const r = spawnSync(process.execPath, ["--import", "tsx", "server.ts"], { cwd: root, env: { ...process.env, NODE_ENV: "development", DATA_DIR: inst.dir, PORT: "0", SMTP_URL: "" }, encoding: "utf8", timeout: 60_000 });
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(lostDatabaseMessage(inst.db));
    expect(r.stdout).not.toContain("Demokonton");
    expect((await readFile(inst.db)).length).toBe(0);
  });
});

describe("npm run cli -- check, backup, restore", () => {
  it("checks an installation, backs it up, restores it elsewhere and checks it again; a lost file makes check fail", async () => {
    const inst = await installation();
    const ok = cli(inst.dir, "check");
    expect(ok.status, ok.out).toBe(0);
    expect(ok.out).toMatch(/Kontroll klar: inga fel\./);

    const backupDir = path.join(await dataDir(), "kopia");
    const backup = cli(inst.dir, "backup", backupDir);
    expect(backup.status, backup.out).toBe(0);
    expect(backup.out).toContain(`Säkerhetskopia skriven till ${backupDir}`);

    const target = path.join(await dataDir(), "data");
    const restore = cli(target, "restore", backupDir);
    expect(restore.status, restore.out).toBe(0);
    expect(restore.out).toContain(`Återställt till ${target}`);
    expect(restore.out).toMatch(/Kontroll klar: inga fel\./);

    // Restoring over it again needs --force.
    const again = cli(target, "restore", backupDir);
    expect(again.status).toBe(2);
    expect(again.out).toMatch(/inte tom.*--force/);

    // A row whose file is gone: check names it and exits non-zero.
    await rm(path.join(target, "uploads"), { recursive: true, force: true });
    await mkdir(path.join(target, "uploads"));
    const broken = cli(target, "check");
    expect(broken.status).toBe(1);
    expect(broken.out).toMatch(/FEL: Filen saknas för dokument/);
  }, 120_000);
});
