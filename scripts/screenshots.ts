// npm run screenshots: the README's pictures (docs/screenshots/), taken in Chromium from the demo
// data on a fixed day, so that they change only when the pages do: Sven's Min Sida, the
// Certifieringsprocess of his application for category II (waiting for its exam and a file), and
// the staff overview on /personal as Bo (beslutsfattare och administratör) sees it. The demo's
// decisions are all of today; for the overview's twelve weeks to show something, other applicants'
// applications are decided over the weeks before (through the real operation, with the clock set
// back), and two wait for a decision.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { eq } from "drizzle-orm";
import { persons, users } from "../db/schema/index.ts";
import { seedDemoData } from "../db/seed/demo.ts";
import { actorForUser } from "../modules/accounts/find-user.ts";
import { createSession } from "../modules/accounts/index.ts";
import type { Actor, Deps } from "../modules/deps.ts";
import { decideApplication } from "../modules/review/index.ts";
import { applicationInFinalReview } from "../test/applications.ts";
import { launchBrowser, startServedApp } from "../test/browser.ts";
import { seedUser } from "../test/fixtures.ts";

const OUT = path.resolve("docs", "screenshots");
const DAY = new Date("2026-11-22T09:00:00Z");
const DAY_MS = 86_400_000;

const APPLICANTS = ["Anna Andersson", "Erik Berg", "Fatima Hassan", "Johan Lind", "Lena Ek", "Mikael Ström", "Nora Holm", "Oskar Sand", "Petra Nyberg", "Rasmus Ali", "Sofia Lund", "Tomas Wik"];

/** Applications decided by Bo over the ten weeks before DAY, some quicker than others, and two waiting. */
async function decisionsOverTheWeeks(deps: Deps, clock: { set(d: Date): void }, userIdOf: (email: string) => Promise<string>) {
  const bo = (await actorForUser(deps.db, await userIdOf("bo.beslut@example.org"))) as Actor & { userId: string };
  const reviewer = await userIdOf("greta.granskare@example.org");
  let n = 0;
  const applicant = async () => {
    const [givenName, familyName] = APPLICANTS[n % APPLICANTS.length]!.split(" ") as [string, string];
    n += 1;
    return seedUser(deps, { email: `demo.sokande${n}@example.se`, givenName, familyName, personnummer: `1990010${String(n).padStart(5, "0")}` });
  };
  for (let week = 10; week >= 1; week--) {
    for (let i = 0; i < 1 + ((week * 5) % 4); i++) {
      const who = await applicant();
      const submitted = new Date(DAY.getTime() - (week * 7 + i + 3) * DAY_MS);
      clock.set(submitted);
      const applicationId = await applicationInFinalReview(deps, { schemeCode: "fgas-utbildningsintyg-mac", personId: who.personId, byUserId: who.userId, reviewerUserId: reviewer });
      clock.set(new Date(submitted.getTime() + (1 + ((week + i) % 5)) * DAY_MS));
      const refuse = (week + i) % 6 === 0;
      await decideApplication(deps, bo, { applicationId, decision: refuse ? "refuse" : "grant", reason: refuse ? "Kursintyget gäller inte mobil AC." : null });
    }
  }
  for (const daysAgo of [9, 3]) {
    const who = await applicant();
    clock.set(new Date(DAY.getTime() - daysAgo * DAY_MS));
    await applicationInFinalReview(deps, { schemeCode: "fgas-utbildningsintyg-mac", personId: who.personId, byUserId: who.userId, reviewerUserId: reviewer });
  }
  clock.set(DAY);
}

// The organisation's name as a fresh installation has it (the test harness names it Testcert AB).
const site = await startServedApp({ now: DAY, env: { LOG_LEVEL: "warn", ORG_NAME: "Certifieringsorganet" } });
const browser = await launchBrowser();
try {
  const deps = site.runtime.deps;
  await seedDemoData(deps);
  const userIdOf = async (email: string) => (await deps.db.select({ id: users.id }).from(users).innerJoin(persons, eq(persons.id, users.personId)).where(eq(persons.email, email)).get())!.id;
  await decisionsOverTheWeeks(deps, site.clock!, userIdOf);
  const sessionOf = async (email: string) => (await createSession(deps.db, await userIdOf(email), "password", deps.clock.now())).token;
  await mkdir(OUT, { recursive: true });

  async function shoot(email: string, address: string | ((page: import("playwright-core").Page) => Promise<void>), file: string) {
    const context = await browser.newContext({ baseURL: site.baseUrl, locale: "sv-SE", timezoneId: "Europe/Stockholm", viewport: { width: 1280, height: 900 } });
    await context.addCookies([{ name: "session", value: await sessionOf(email), url: site.baseUrl, httpOnly: true, sameSite: "Lax" }]);
    const page = await context.newPage();
    if (typeof address === "string") await page.goto(address);
    else await address(page);
    await page.screenshot({ path: path.join(OUT, file), fullPage: true });
    console.log(`${path.relative(process.cwd(), path.join(OUT, file))}: ${page.url().replace(site.baseUrl, "")}`);
    await context.close();
  }

  await shoot("sven.svensson@example.se", "/min-sida", "min-sida.png");
  await shoot(
    "sven.svensson@example.se",
    async (page) => {
      await page.goto("/min-sida");
      await page.getByRole("link", { name: /^Visa certifieringsprocess: .*kategori II$/ }).first().click();
      await page.waitForURL("**/min-sida/ansokningar/**");
    },
    "certifieringsprocess.png",
  );
  await shoot("bo.beslut@example.org", "/personal", "personal-oversikt.png");
} finally {
  await browser.close();
  await site.close();
}
