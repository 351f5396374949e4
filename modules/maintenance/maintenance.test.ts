// check, the crash recovery of files, and backup/restore, on real files and a real libSQL file.
import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildRuntime, createApp, readConfig, type Runtime } from "../../hono.config.ts";
import { certificates, documents, invoices } from "../../db/schema/index.ts";
import { makePdf } from "../../lib/uploads/test-files.ts";
import { storagePathFor } from "../../lib/storage/storage.ts";
import { storeDocumentWith } from "../documents/store-document.ts";
import { downloadCredential, rotateSigningKey } from "../credentials/index.ts";
import { applicationInFinalReview } from "../../test/applications.ts";
import { personClient } from "../../test/companies.ts";
import { startTestApp, TEST_ORIGIN, type TestApp } from "../../test/harness.ts";
import { backUp, checkData, checkSummary, LEFTOVER_AGE_MS, recoverFiles, restoreBackup } from "./index.ts";

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
const later = () => Date.now() + LEFTOVER_AGE_MS + 1000;
const quiet = { log: () => undefined, warn: () => undefined };

/** A document as an upload would leave it: the file, then its row. */
async function storeDoc(t: TestApp, userId: string, label: string): Promise<{ id: string; bytes: Buffer }> {
  const bytes = Buffer.concat([makePdf(), Buffer.from(`\n% ${label} ${Math.random()}\n`)]);
  const id = await storeDocumentWith(t.runtime.deps, { bytes, sha256: sha(bytes), mime: "application/pdf", size: bytes.length, originalName: `${label}.pdf` } as never, userId, async (_tx, documentId) => documentId);
  return { id, bytes };
}

/** Two granted applications: certificates, invoices and invoice PDFs (stored documents). */
async function issueTwo(t: TestApp) {
  const deps = t.runtime.deps;
  const reviewer = await personClient(t, `greta-${Math.random()}@certorg.example`, { givenName: "Greta", familyName: "Granskare", roles: ["reviewer"] });
  const decider = await personClient(t, `bo-${Math.random()}@certorg.example`, { givenName: "Bo", familyName: "Beslutsfattare", roles: ["decider"] });
  const applicant = await personClient(t, `sven-${Math.random()}@example.se`, { givenName: "Sven", familyName: "Svensson" });
  for (const schemeCode of ["fgas-utbildningsintyg-mac", "fgas-utbildningsintyg-mac"]) {
    const id = await applicationInFinalReview(deps, { schemeCode, personId: applicant.personId, byUserId: applicant.userId, reviewerUserId: reviewer.userId, recipient: { name: "Sven Svensson", email: "faktura@example.se" } });
    const res = await decider.client.post(`/personal/ansokningar/${id}/beslut`, { beslut: "bevilja", kontrollerat: "identity", bekraftat: "ja" });
    expect(res.status).toBe(303);
  }
  return applicant;
}

describe("check and the crash recovery of files", () => {
  let t: TestApp;
  let userId: string;
  beforeAll(async () => {
    t = await startTestApp({ now: new Date("2026-11-22T09:00:00Z") });
    userId = (await issueTwo(t)).userId;
    for (let i = 0; i < 3; i++) await storeDoc(t, userId, `bilaga-${i}`);
  });
  afterAll(() => t.close());

  it("finds nothing wrong in a whole installation, every file read and hashed", async () => {
    const report = await checkData(t.runtime.deps, { now: later() });
    expect(report.faults).toEqual([]);
    const rows = await t.runtime.deps.db.select().from(documents);
    expect(rows.length).toBeGreaterThanOrEqual(5); // three uploads and two invoice PDFs
    expect(report.filesVerified).toBe(rows.length);
    expect(checkSummary(report)).toMatch(/^Kontroll klar: inga fel\./);
  });

  it("reports a missing file, changed bytes, a file without a row and a temp file; recovery removes the last two only", async () => {
    const deps = t.runtime.deps;
    const root = path.join(t.dataDir, "uploads");
    const gone = await storeDoc(t, userId, "borttagen");
    const changed = await storeDoc(t, userId, "andrad");
    const keyOf = async (id: string) => (await deps.db.select().from(documents).where(eq(documents.id, id)).get())!.storageKey;
    await rm(path.join(root, storagePathFor(await keyOf(gone.id))));
    await writeFile(path.join(root, storagePathFor(await keyOf(changed.id))), Buffer.from("inte samma innehåll"));
    // What a crash leaves: a file stored before its row was written, and a half-written temp file.
    const { key: orphanKey } = await deps.storage.put(Buffer.from("ingen rad pekar hit"));
    const tempName = `${storagePathFor(orphanKey).slice(0, 5)}/.tmp-${orphanKey}-deadbeef`;
    await writeFile(path.join(root, tempName), "halv");

    // Right now the leftovers are young: an upload may still be on its way to its row.
    const now = await checkData(deps);
    expect(now.faults.map((f) => f.kind).sort()).toEqual(["missing_file", "wrong_content"]);
    expect(now.young).toBe(2);

    const report = await checkData(deps, { now: later() });
    expect(report.faults.map((f) => f.kind).sort()).toEqual(["missing_file", "orphan_file", "temp_file", "wrong_content"]);
    expect(report.faults.find((f) => f.kind === "missing_file")!.message).toContain(gone.id);
    expect(checkSummary(report)).toMatch(/^Kontroll klar: 4 fel/);

    // A young leftover is left alone; an old one goes, and is counted.
    expect(await recoverFiles(deps, quiet)).toMatchObject({ orphansRemoved: 0, tempsRemoved: 0, missing: 1 });
    const logged: string[] = [];
    const result = await recoverFiles(deps, { now: later(), log: (m) => logged.push(m), warn: (m) => logged.push(m) });
    expect(result).toEqual({ orphansRemoved: 1, tempsRemoved: 1, missing: 1 });
    expect(logged.join("\n")).toContain("1 filer utan dokumentrad och 1 temporära filer togs bort");
    expect(logged.join("\n")).toContain(`Filen saknas för dokument ${gone.id}`);
    expect(await deps.storage.exists(orphanKey)).toBe(false);
    // The missing file and the changed one are reported, never "repaired" by deleting their rows.
    const after = await checkData(deps, { now: later() });
    expect(after.faults.map((f) => f.kind).sort()).toEqual(["missing_file", "wrong_content"]);
    expect(await deps.db.select().from(documents).where(eq(documents.id, gone.id)).get()).toBeDefined();
  });
});

describe("backup and restore", () => {
  let t: TestApp;
  let restored: Runtime | null = null;
  const dirs: string[] = [];
  const tempDir = async (name: string) => {
    const d = await mkdtemp(path.join(tmpdir(), `certportal-${name}-`));
    dirs.push(d);
    return d;
  };
  beforeAll(async () => {
    t = await startTestApp({ now: new Date("2026-11-22T09:00:00Z") });
  });
  afterAll(async () => {
    await restored?.close();
    await t.close();
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it("takes a consistent backup while uploads go on, restores it into a fresh DATA_DIR and the server there has every certificate, document and invoice, byte for byte", async () => {
    const deps = t.runtime.deps;
    const applicant = await issueTwo(t);
    const before: { id: string; bytes: Buffer }[] = [];
    for (let i = 0; i < 5; i++) before.push(await storeDoc(t, applicant.userId, `fore-${i}`));

    // Uploads keep coming while the backup runs.
    const backupDir = path.join(await tempDir("backup"), "kopia");
    let writing = true;
    const during: { id: string; bytes: Buffer }[] = [];
    const writer = (async () => {
      for (let i = 0; writing && i < 200; i++) during.push(await storeDoc(t, applicant.userId, `under-${i}`));
    })();
    const result = await backUp({ db: deps.db, storage: deps.storage, dataDir: t.dataDir }, backupDir, new Date());
    writing = false;
    await writer;
    expect(result.faults).toEqual([]);
    expect(during.length).toBeGreaterThan(0);

    const manifest = JSON.parse(await readFile(path.join(backupDir, "manifest.json"), "utf8"));
    expect(manifest.format).toBe("certportal-backup");
    expect(manifest.files.find((f: { path: string }) => f.path === "certportal.db")).toBeDefined();
    expect(manifest.documents).toBe(result.documents);

    // Restore into a new, empty DATA_DIR and start the system there.
    const fresh = path.join(await tempDir("restored"), "data");
    const r = await restoreBackup(backupDir, { dataDir: fresh, databaseFile: path.join(fresh, "certportal.db") });
    expect(r.documents).toBe(result.documents);
    const config = readConfig({ NODE_ENV: "test", DATA_DIR: fresh, SMTP_URL: t.mail.url, PUBLIC_URL: TEST_ORIGIN, ORG_NAME: "Testcert AB" });
    restored = await buildRuntime(config);
    const app = createApp(restored);
    expect((await checkData(restored.deps, { now: later() })).faults).toEqual([]);

    // Every document the snapshot holds is there with the same bytes; everything acknowledged
    // before the backup started is in it; uploads during it are either whole or absent.
    const restoredDocs = await restored.deps.db.select().from(documents);
    const ids = new Set(restoredDocs.map((d) => d.id));
    for (const d of before) expect(ids.has(d.id)).toBe(true);
    for (const row of restoredDocs) {
      const original = await deps.storage.get((await deps.db.select().from(documents).where(eq(documents.id, row.id)).get())!.storageKey);
      const copy = await restored.deps.storage.get(row.storageKey);
      expect(copy.equals(original), row.originalName).toBe(true);
      expect(sha(copy)).toBe(row.sha256);
    }
    expect(restoredDocs.length).toBe(result.documents);

    const certs = await deps.db.select().from(certificates);
    expect(certs.length).toBeGreaterThanOrEqual(2);
    for (const c of certs) {
      expect(await restored.deps.db.select().from(certificates).where(eq(certificates.id, c.id)).get()).toEqual(c);
      const page = await app.request(`${TEST_ORIGIN}/c/${c.number}`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain(c.number);
    }
    const invs = await deps.db.select().from(invoices);
    expect(invs.length).toBe(2);
    for (const inv of invs) {
      const copy = (await restored.deps.db.select().from(invoices).where(eq(invoices.id, inv.id)).get())!;
      expect(copy).toEqual(inv);
      expect(inv.pdfDocumentId).toBeTruthy();
      const pdfKey = (id: string, db: typeof deps.db) => db.select().from(documents).where(eq(documents.id, id)).get().then((d) => d!.storageKey);
      const a = await deps.storage.get(await pdfKey(inv.pdfDocumentId!, deps.db));
      const b = await restored.deps.storage.get(await pdfKey(inv.pdfDocumentId!, restored.deps.db));
      expect(b.equals(a)).toBe(true);
    }
  });

  it("carries the signing keys: the restored installation signs with the same key, publishes the retired ones and verifies what was signed before", async () => {
    const deps = t.runtime.deps;
    const applicant = await issueTwo(t);
    const [cert] = await deps.db.select().from(certificates).where(eq(certificates.personId, applicant.personId));
    const owner = { userId: applicant.userId, personId: applicant.personId, name: "Sven Svensson", roles: ["applicant" as const] };
    const signedBefore = (await downloadCredential(deps, owner, cert!.id)).jwt;
    await rotateSigningKey(path.join(t.dataDir, "keys"), new Date(), deps.db);
    const keyFiles = (await readdir(path.join(t.dataDir, "keys"))).sort();
    expect(keyFiles).toHaveLength(2);

    const backupDir = path.join(await tempDir("backup-keys"), "kopia");
    const result = await backUp({ db: deps.db, storage: deps.storage, dataDir: t.dataDir }, backupDir, new Date());
    expect(result.keyFiles).toBe(2);
    const manifest = JSON.parse(await readFile(path.join(backupDir, "manifest.json"), "utf8"));
    expect(manifest.files.filter((f: { path: string }) => f.path.startsWith("keys/")).map((f: { path: string }) => f.path).sort()).toEqual(keyFiles.map((f) => `keys/${f}`));

    const fresh = path.join(await tempDir("restored-keys"), "data");
    expect((await restoreBackup(backupDir, { dataDir: fresh, databaseFile: path.join(fresh, "certportal.db") })).keyFiles).toBe(2);
    for (const f of keyFiles) {
      expect((await readFile(path.join(fresh, "keys", f))).equals(await readFile(path.join(t.dataDir, "keys", f))), f).toBe(true);
      expect((await stat(path.join(fresh, "keys", f))).mode & 0o777, f).toBe(0o600);
    }
    const config = readConfig({ NODE_ENV: "test", DATA_DIR: fresh, SMTP_URL: t.mail.url, PUBLIC_URL: TEST_ORIGIN, ORG_NAME: "Testcert AB" });
    const again = await buildRuntime(config);
    try {
      // No new key was made at start: the restored one is current, the retired one still published.
      expect((await readdir(path.join(fresh, "keys"))).sort()).toEqual(keyFiles);
      expect(again.deps.signer.keys().map((k) => [k.kid, k.current])).toEqual(deps.signer.keys().map((k) => [k.kid, k.current]));
      const res = await createApp(again).request(`${TEST_ORIGIN}/api/v1/verify`, { method: "POST", body: signedBefore, headers: { "Content-Type": "text/plain" } });
      expect((await res.json()).verified).toBe(true);
    } finally {
      await again.close();
    }
  });

  it("refuses a non-empty DATA_DIR without --force, and a damaged backup before writing anything", async () => {
    const deps = t.runtime.deps;
    const backupDir = path.join(await tempDir("backup2"), "kopia");
    await backUp({ db: deps.db, storage: deps.storage, dataDir: t.dataDir }, backupDir, new Date());

    // The live DATA_DIR is not empty: no restore over it without --force.
    const occupied = await tempDir("occupied");
    await writeFile(path.join(occupied, "certportal.db"), "något som finns");
    await expect(restoreBackup(backupDir, { dataDir: occupied, databaseFile: path.join(occupied, "certportal.db") })).rejects.toThrow(/inte tom.*--force/);
    expect(await readFile(path.join(occupied, "certportal.db"), "utf8")).toBe("något som finns");

    // One changed byte in one stored file: refused, and the target stays empty.
    const manifest = JSON.parse(await readFile(path.join(backupDir, "manifest.json"), "utf8"));
    const upload = manifest.files.find((f: { path: string }) => f.path.startsWith("uploads/"));
    const file = path.join(backupDir, upload.path);
    const bytes = await readFile(file);
    bytes[bytes.length - 1] ^= 1;
    await writeFile(file, bytes);
    const target = path.join(await tempDir("target"), "data");
    await expect(restoreBackup(backupDir, { dataDir: target, databaseFile: path.join(target, "certportal.db") })).rejects.toThrow(/skadad: 1 filer stämmer inte.*Inget återställdes/);
    expect(await readdir(target).catch(() => [])).toEqual([]);

    // A folder that is no backup at all.
    await expect(restoreBackup(await tempDir("empty"), { dataDir: target, databaseFile: path.join(target, "certportal.db") })).rejects.toThrow(/ingen säkerhetskopia: manifest.json saknas/);

    // With --force an occupied DATA_DIR is replaced (after repairing the copy).
    bytes[bytes.length - 1] ^= 1;
    await writeFile(file, bytes);
    const r = await restoreBackup(backupDir, { dataDir: occupied, databaseFile: path.join(occupied, "certportal.db") }, { force: true });
    expect(r.documents).toBe(manifest.documents);
    expect((await readFile(path.join(occupied, "certportal.db"))).subarray(0, 15).toString()).toBe("SQLite format 3");
  });
});
