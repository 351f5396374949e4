// Freshness is not traded for speed (issue 14): a suspension, a withdrawal or an expiry shows on
// the very next request to the API, /c/{n}, the badge, the widgets' data and Sök certifierade
// företag (whose listing triggers keep in the deciding transaction), from every process that
// serves them. Two runtimes on one database file stand for two processes: the change is
// made through one, the reads go to the other (and to the first), each view read beforehand so
// that whatever it keeps in memory is warm, and an old ETag never earns a 304.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildRuntime, createApp, readConfig, type Runtime } from "../hono.config.ts";
import { suspendCertificate, withdrawCertificate } from "../modules/review/index.ts";
import { certificates } from "../db/schema/index.ts";
import { eq } from "drizzle-orm";
import { startTestApp, TEST_ORIGIN, textOf, type TestApp } from "../test/harness.ts";
import { insertCertifiedCompany } from "../test/public-data.ts";
import { buildVerificationWorld, type VerificationWorld } from "../test/verification-world.ts";

let t: TestApp;
let other: Runtime;
let apps: { name: string; app: ReturnType<typeof createApp> }[];
let w: VerificationWorld;

beforeAll(async () => {
  t = await startTestApp({ now: new Date("2026-03-15T09:00:00Z"), env: { PUBLIC_RATE_LIMIT: "0" } });
  w = await buildVerificationWorld(t.runtime.deps);
  other = await buildRuntime(readConfig({ NODE_ENV: "test", DATA_DIR: t.dataDir, SMTP_URL: t.mail.url, PUBLIC_URL: TEST_ORIGIN, ORG_NAME: "Testcert AB", PUBLIC_RATE_LIMIT: "0" }), { clock: t.clock! });
  apps = [
    { name: "the other process", app: createApp(other) },
    { name: "the deciding process", app: t.app },
  ];
});
afterAll(async () => {
  await other.close();
  await t.close();
});

const etags = new Map<string, string>();

/** Every public view of one certificate, as each process answers it now. */
async function views(app: ReturnType<typeof createApp>, number: number, orgNumber?: string, options: { changed?: boolean } = {}) {
  const get = async (path: string) => {
    const key = `${apps.findIndex((a) => a.app === app)} ${path}`;
    const headers: Record<string, string> = {};
    // After a change, the tag a client kept from before must not earn a 304.
    const old = etags.get(key);
    if (options.changed && old) headers["If-None-Match"] = old;
    const res = await app.request(`${TEST_ORIGIN}${path}`, { headers });
    expect(res.status, `${path}`).toBe(200);
    const tag = res.headers.get("ETag");
    if (tag) etags.set(key, tag);
    return res;
  };
  const api = (await (await get(`/api/v1/certificates/${number}`)).json()) as { statusLabel: string };
  const page = textOf(await (await get(`/c/${number}`)).text());
  const badge = await (await get(`/badge/${number}.svg`)).text();
  const result = { api: api.statusLabel, page: /Status: (\S+)/.exec(page)?.[1], badge: /(Aktivt|Vilande|Indraget|Utgånget|Avslutat)<\/text>/.exec(badge)?.[1], company: undefined as string | undefined, search: undefined as Search | undefined };
  if (orgNumber) {
    const company = (await (await get(`/api/v1/companies/${orgNumber}`)).json()) as { certificates: { number: number; statusLabel: string }[] };
    result.company = company.certificates.find((c) => c.number === number)?.statusLabel;
    result.search = await search(get, app, orgNumber, number);
  }
  return result;
}

interface Search {
  /** The certificate's status in the search API's answer with includeWithoutActive. */
  label: string | undefined;
  /** Found by the search API's default search (Aktivt today only). */
  api: boolean;
  /** Found by the search page's default search. */
  page: boolean;
}

/**
 * The company in Sök certifierade företag: the API with and without includeWithoutActive, and the
 * page. Only the first changes with every status change, so only it is asked with the old ETag.
 */
async function search(get: (path: string) => Promise<Response>, app: ReturnType<typeof createApp>, orgNumber: string, number: number): Promise<Search> {
  type Found = { companies: { orgNumber: string; name: string; certificates: { number: number; statusLabel: string }[] }[] };
  const plain = async (path: string) => {
    const res = await app.request(`${TEST_ORIGIN}${path}`);
    expect(res.status, path).toBe(200);
    return res;
  };
  const everyone = (await (await get("/api/v1/companies?q=kyl&includeWithoutActive=true")).json()) as Found;
  const company = everyone.companies.find((c) => c.orgNumber === orgNumber);
  const active = (await (await plain("/api/v1/companies?q=kyl")).json()) as Found;
  const page = textOf(await (await plain("/sok-certifierade-foretag?q=kyl")).text());
  return { label: company?.certificates.find((c) => c.number === number)?.statusLabel, api: active.companies.some((c) => c.orgNumber === orgNumber), page: company !== undefined && page.includes(company.name) };
}

const all = (label: string, withCompany = false) => ({
  api: label,
  page: label,
  badge: label,
  company: withCompany ? label : undefined,
  search: withCompany ? { label, api: label === "Aktivt", page: label === "Aktivt" } : undefined,
});

describe("each public view on the next request after a status change", () => {
  it("shows a suspension, then a withdrawal, at once in both processes", async () => {
    const n = w.numbers.company;
    const cert = (await t.runtime.deps.db.select().from(certificates).where(eq(certificates.number, n)).get())!;
    for (const { app } of apps) expect(await views(app, n, w.company.orgNumber)).toEqual(all("Aktivt", true));

    await suspendCertificate(t.runtime.deps, w.dag, { certificateId: cert.id, reason: "Ingen ansvarig tekniker.", until: "2026-06-30" });
    for (const { name, app } of apps) expect(await views(app, n, w.company.orgNumber, { changed: true }), name).toEqual(all("Vilande", true));

    await withdrawCertificate(t.runtime.deps, w.dag, { certificateId: cert.id, reason: "Villkoren uppfylls inte." });
    for (const { name, app } of apps) expect(await views(app, n, w.company.orgNumber, { changed: true }), name).toEqual(all("Indraget", true));
  });

  it("shows an expiry the first request after midnight", async () => {
    // Sven's external certificate holds until 2030-01-01.
    const n = w.numbers.external;
    const cert = (await t.runtime.deps.db.select().from(certificates).where(eq(certificates.number, n)).get())!;
    for (const { app } of apps) expect(await views(app, n)).toEqual(all("Aktivt"));
    // The last day it holds, then the next day (Swedish time).
    t.clock!.set(new Date(`${cert.validUntil}T21:59:00Z`));
    for (const { name, app } of apps) expect(await views(app, n), name).toEqual(all("Aktivt"));
    t.clock!.set(new Date(`${cert.validUntil}T23:01:00Z`));
    for (const { name, app } of apps) expect(await views(app, n, undefined, { changed: true }), name).toEqual(all("Utgånget"));
  });

  it("shows a company certificate's expiry in the company search the first request after midnight, before any sweep", async () => {
    const { orgNumber, numbers } = await insertCertifiedCompany(t.runtime.deps, { name: "Utgående Kylservice AB", city: "Kiruna", certificates: [{ validUntil: "2030-06-30" }] });
    t.clock!.set(new Date("2030-06-30T21:59:00Z"));
    for (const { name, app } of apps) expect((await views(app, numbers[0]!, orgNumber)).search, name).toEqual({ label: "Aktivt", api: true, page: true });
    t.clock!.set(new Date("2030-06-30T23:01:00Z"));
    for (const { name, app } of apps) expect((await views(app, numbers[0]!, orgNumber, { changed: true })).search, name).toEqual({ label: "Utgånget", api: false, page: false });
  });
});
