// The staff overview on /personal (issue 16): each queue's count, the age of its oldest item and
// the median, decisions per week for twelve weeks as a chart with the same figures in a table,
// certificates that expire within 90 days, and the lists behind every figure.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorForUser } from "../../modules/accounts/find-user.ts";
import type { Actor } from "../../modules/deps.ts";
import { decideApplication } from "../../modules/review/index.ts";
import { applicationInFinalReview, insertPerson } from "../../test/applications.ts";
import { logIn, seedUser } from "../../test/fixtures.ts";
import { browserClient, startTestApp, textOf, type BrowserClient, type TestApp } from "../../test/harness.ts";

let t: TestApp;
let staff: BrowserClient;
let dag: Actor & { userId: string };
let greta: { userId: string };
const DAY = 86_400_000;

beforeAll(async () => {
  // Monday 2026-09-14, week 38: the first of the twelve weeks that end with the week of 2026-11-30.
  t = await startTestApp({ now: new Date("2026-09-14T08:00:00Z") });
  const deps = t.runtime.deps;
  greta = await seedUser(deps, { email: "greta@certorg.example", roles: ["reviewer"] });
  dag = (await actorForUser(deps.db, (await seedUser(deps, { email: "dag@certorg.example", roles: ["decider"] })).userId)) as Actor & { userId: string };
  const clerk = await seedUser(deps, { email: "clerk@example.se" });
  const submit = async (name: string) => {
    const p = await insertPerson(deps, { givenName: name, familyName: "Sökande" });
    return applicationInFinalReview(deps, { schemeCode: "fgas-person-i", personId: p.personId, byUserId: clerk.userId, reviewerUserId: greta.userId });
  };
  // Week 38: two applications submitted on Monday, decided after 2 and 4 days.
  const a = await submit("Anna");
  const b = await submit("Bo");
  t.clock!.advance(2 * DAY);
  await decideApplication(deps, dag, { applicationId: a, decision: "grant" });
  t.clock!.advance(2 * DAY);
  await decideApplication(deps, dag, { applicationId: b, decision: "refuse", reason: "Underlaget räcker inte." });
  // Week 39: one submitted and granted after 1 day.
  t.clock!.set(new Date("2026-09-21T08:00:00Z"));
  const c = await submit("Cecilia");
  t.clock!.advance(DAY);
  await decideApplication(deps, dag, { applicationId: c, decision: "grant" });
  // Now: 2026-12-02, with three applications waiting 1, 3 and 10 days.
  t.clock!.set(new Date("2026-11-22T10:00:00Z"));
  await submit("Dora");
  t.clock!.set(new Date("2026-11-29T10:00:00Z"));
  await submit("Erik");
  t.clock!.set(new Date("2026-12-01T10:00:00Z"));
  await submit("Fia");
  t.clock!.set(new Date("2026-12-02T10:00:00Z"));
  staff = browserClient(t.app);
  await logIn(t, staff, "dag@certorg.example");
}, 60_000);
afterAll(() => t.close());

describe("/personal", () => {
  it("shows each queue with its count, the oldest's wait and the median", async () => {
    const text = textOf(await (await staff.get("/personal")).text());
    expect(text).toContain("Ansökningar för beslut 3 ansökningar väntar på beslut. Äldsta har väntat 10 dagar, median 3 dagar.");
    expect(text).toContain("Inga moment väntar på granskning.");
    expect(text).toContain("Inga registreringar väntar på granskning.");
  });

  it("draws twelve weeks of decisions as an SVG with the same figures in a table, each linked to its list", async () => {
    const html = await (await staff.get("/personal")).text();
    const svg = /<svg class="chart"[\s\S]*?<\/svg>/.exec(html)?.[0] ?? "";
    // The chart is for the eye and the mouse; screen readers and the keyboard have the table.
    expect(svg).toContain('aria-hidden="true"');
    expect(svg).toContain("Beslutade ansökningar per vecka, senaste 12 veckorna");
    expect((svg.match(/<rect /g) ?? []).length).toBe(12);
    expect(svg).toContain("<title>Vecka 38: 2 beslut</title>");
    expect(svg).toContain("<title>Vecka 39: 1 beslut</title>");
    expect(svg).toContain('href="/personal/beslutade?vecka=2026-09-14"');
    const table = textOf(/<table class="data chart-table">[\s\S]*?<\/table>/.exec(html)?.[0] ?? "");
    // Median of 2 and 4 days; 1 day; weeks without decisions say so.
    expect(table).toContain("v38 (2026-09-14) 2 3");
    expect(table).toContain("v39 (2026-09-21) 1 1");
    expect(table).toContain("v49 (2026-11-30) 0 –");
    expect(table.match(/v\d+ \(/g)).toHaveLength(12);
  });

  it("lists the week's decisions behind a bar", async () => {
    const res = await staff.get("/personal/beslutade?vecka=2026-09-16");
    expect(res.status).toBe(200);
    const text = textOf(await res.text());
    expect(text).toContain("Beslutade ansökningar vecka 38 (2026-09-14 – 2026-09-20)");
    expect(text).toMatch(/Anna Sökande .* Beviljad och utfärdad 2/);
    expect(text).toMatch(/Bo Sökande .* Avslagen 4/);
    expect(text).not.toContain("Cecilia");
    const bad = await staff.get("/personal/beslutade?vecka=igår");
    expect(bad.status).toBe(422);
    expect(textOf(await bad.text())).toContain("Veckan anges med ett datum som ÅÅÅÅ-MM-DD");
  });

  it("counts the certificates that expire within 90 days and lists them", async () => {
    // Category I has Årlig förlängning: Giltigt till a year on, not within 90 days yet.
    expect(textOf(await (await staff.get("/personal")).text())).toContain("Inga aktiva certifikat går ut inom 90 dagar.");
    t.clock!.set(new Date("2027-07-01T10:00:00Z"));
    const again = browserClient(t.app);
    await logIn(t, again, "dag@certorg.example");
    expect(textOf(await (await again.get("/personal")).text())).toContain("2 aktiva certifikat går ut inom 90 dagar.");
    const list = textOf(await (await again.get("/personal/certifikat-som-gar-ut")).text());
    expect(list).toMatch(/2027-09-15 \d+ Anna Sökande F-gaser - Personcertifikat kategori I Årlig förlängning/);
    expect(list).toMatch(/2027-09-21 \d+ Cecilia Sökande/);
    expect(list.indexOf("Anna Sökande")).toBeLessThan(list.indexOf("Cecilia Sökande"));
  });

  it("is for staff only", async () => {
    const applicant = browserClient(t.app);
    await seedUser(t.runtime.deps, { email: "ann@example.se" });
    await logIn(t, applicant, "ann@example.se");
    for (const path of ["/personal", "/personal/beslutade", "/personal/certifikat-som-gar-ut"]) expect((await applicant.get(path)).status, path).toBe(403);
  });
});
