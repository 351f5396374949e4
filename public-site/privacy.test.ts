// DESIGN.md §4: no public page, API answer or badge ever shows a personnummer, birth date,
// address, e-mail or phone. Holders are seeded with all of those; every public answer is scanned
// for their values and for anything that looks like one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { desc, eq } from "drizzle-orm";
import { certificates, persons } from "../db/schema/index.ts";
import { signedQrText } from "../lib/signing/qr-sign.ts";
import { getCertificate } from "../modules/certificates/index.ts";
import { downloadCredential } from "../modules/credentials/index.ts";
import { formatOrgNumber } from "../lib/identity/orgnummer.ts";
import { actorForUser } from "../modules/accounts/find-user.ts";
import { listExamParts } from "../modules/catalogue/index.ts";
import type { Actor } from "../modules/deps.ts";
import { approveCentre, createCentre, createSession, inviteExaminator, registerCandidate } from "../modules/examinations/index.ts";
import { submitComplaint } from "../modules/cases/index.ts";
import { makePdf } from "../lib/uploads/test-files.ts";
import { schemeByCode } from "../test/applications.ts";
import { seedUser } from "../test/fixtures.ts";
import { startTestApp, TEST_ORIGIN, textOf, type TestApp } from "../test/harness.ts";
import { insertCertifiedCompany } from "../test/public-data.ts";
import { buildVerificationWorld, testPersonnummer, type VerificationWorld } from "../test/verification-world.ts";

let t: TestApp;
let w: VerificationWorld;
let soleTrader: { orgNumber: string; numbers: number[] };
/** A complainant's details and words (issue 17): never on a public page, whoever the complaint is about. */
const COMPLAINANT = { name: "Klara Klagande", email: "klara.klagande@example.org", phone: "070-555 66 77", description: "Läckaget hos familjen Bergström på Storgatan 9" };
/** An examination centre's published contact: the organisation's own, as the org's is in the footer. */
const CENTRE_CONTACT = ["prov@provcentret.example", "021-10 20 30"];

beforeAll(async () => {
  t = await startTestApp({ now: new Date("2026-03-15T09:00:00Z"), env: { PUBLIC_RATE_LIMIT: "0" } });
  w = await buildVerificationWorld(t.runtime.deps);
  // An enskild firma: its organisationsnummer is Sven's personnummer (ten digits).
  soleTrader = await insertCertifiedCompany(t.runtime.deps, { name: "Svens Kylservice", city: "Umeå", orgNumber: w.sven.personnummer.slice(2) });
  await examinationCentreWithCandidate();
  await submitComplaint(t.runtime.deps, null, { description: COMPLAINANT.description, certificateNumber: String(w.numbers.mac), name: COMPLAINANT.name, email: COMPLAINANT.email, phone: COMPLAINANT.phone, files: [{ bytes: makePdf(), originalName: "foto.pdf" }] });
});

/** A centre with an examinator (who has a personnummer) and Sven registered to its provtillfälle. */
async function examinationCentreWithCandidate() {
  const deps = t.runtime.deps;
  const actor = async (ids: { userId: string }) => (await actorForUser(deps.db, ids.userId)) as Actor & { userId: string; personId: string };
  const admin = await actor(await seedUser(deps, { email: "admin@certorg.example", roles: ["admin"] }));
  const examinator = await actor(await seedUser(deps, { email: "erik.examinator@provcentret.example", givenName: "Erik", familyName: "Examinatorsson", personnummer: testPersonnummer("19700505", "982") }));
  const scheme = await schemeByCode(deps, "fgas-person-iii");
  const { centreId } = await createCentre(deps, admin, { name: "Provcentret i Umeå AB", orgNumber: "5566778899", addressLine1: "Provgatan 3", postalCode: "903 27", city: "Umeå", email: CENTRE_CONTACT[0]!, phone: CENTRE_CONTACT[1]!, website: "https://provcentret.example", schemeIds: [scheme.id] });
  await approveCentre(deps, admin, { centreId });
  await inviteExaminator(deps, admin, { centreId, email: "erik.examinator@provcentret.example", givenName: null, familyName: null });
  const partIds = (await listExamParts(deps.db, scheme.id)).map((p) => p.id);
  const { sessionId } = await createSession(deps, examinator, { centreId, schemeId: scheme.id, date: "2026-04-01", startTime: "08:30", place: "Provsalen, Provgatan 3", seats: 8, partIds });
  await registerCandidate(deps, examinator, { sessionId, candidate: w.sven.personnummer });
}
afterAll(() => t.close());

/** Every public answer there is for the seeded world: pages, htmx fragments, API, badges. */
function publicPaths(): { path: string; htmx?: boolean; typed?: string }[] {
  const numbers = [...Object.values(w.numbers), ...soleTrader.numbers];
  const searches = ["", "?alla=1", "?q=kyl", "?q=sven", "?q=svensson", `?orgnr=${formatOrgNumber(w.company.orgNumber)}`, "?ort=ume&alla=1", "?omrade=fgas"];
  return [
    ...numbers.flatMap((n) => [{ path: `/c/${n}` }, { path: `/kontrollera-certifikat?nummer=${n}` }, { path: `/api/v1/certificates/${n}` }, { path: `/badge/${n}.svg` }]),
    ...searches.flatMap((q) => [{ path: `/sok-certifierade-foretag${q}` }, { path: `/sok-certifierade-foretag${q}`, htmx: true }]),
    // A visitor who types a personnummer into the search sees it in the search box again, and nothing more.
    ...[false, true].map((htmx) => ({ path: `/sok-certifierade-foretag?q=${w.sven.personnummer}`, htmx, typed: w.sven.personnummer })),
    ...["", "?includeWithoutActive=true", "?q=sven", "?q=%C3%A5kesson", "?city=ume"].map((q) => ({ path: `/api/v1/companies${q}` })),
    { path: `/sok-certifierade-foretag/${w.company.orgNumber}` },
    { path: `/sok-certifierade-foretag/${soleTrader.orgNumber}` },
    { path: `/api/v1/companies/${w.company.orgNumber}` },
    { path: `/api/v1/companies/${soleTrader.orgNumber}` },
    { path: "/api/v1/openapi.json" },
    ...["", "?ort=Ume%C3%A5", "?omrade=fgas", "?ort=Ume%C3%A5&omrade=fgas", "?ort=ingenstans"].map((q) => ({ path: `/examinationscentra${q}` })),
    { path: "/kontrollera-certifikat" },
    { path: "/c/99999" },
    { path: "/kontrollera-certifikat?nummer=99999" },
    // The signed credentials' public side (issue 12): the issuer, its keys, the status lists
    // (their signed payload is scanned), the verify page and the QR code's offline copy.
    { path: "/.well-known/did.json" },
    { path: "/api/v1/issuer" },
    { path: "/api/v1/status-lists/1/revocation" },
    { path: "/api/v1/status-lists/1/suspension" },
    { path: "/verifiera" },
    { path: "/verifiera/utan-natverk" },
    { path: "/c/sw.js" },
    // Lämna klagomål (issue 17): the form, from each certificate's page, and the receipt.
    { path: "/lamna-klagomal" },
    ...numbers.map((n) => ({ path: `/lamna-klagomal?certifikat=${n}` })),
    { path: "/lamna-klagomal/tack?nummer=1001&mejl=1" },
    { path: "/lamna-klagomal/tack?nummer=1001" },
  ];
}

/**
 * Each certificate's credential and QR code as a verifier presents them to POST /api/v1/verify
 * and to Verifiera (public answers too), and the credential itself, decoded.
 */
async function verifyAnswers(): Promise<{ where: string; body: string }[]> {
  const out: { where: string; body: string }[] = [];
  for (const number of [...Object.values(w.numbers), ...soleTrader.numbers]) {
    const cert = (await t.runtime.deps.db.select().from(certificates).where(eq(certificates.number, number)).orderBy(desc(certificates.version)).get())!;
    const { jwt } = await downloadCredential(t.runtime.deps, w.dag, cert.id);
    const loaded = await getCertificate(t.runtime.deps.db, w.dag, cert.id);
    const qr = signedQrText(t.runtime.deps.signer, TEST_ORIGIN, { number, version: cert.version, name: loaded.holderName, scheme: loaded.scheme.name, validUntil: cert.validUntil });
    for (const [kind, text] of [["credential", jwt], ["qr", qr]] as const) {
      const api = await t.app.request(`${TEST_ORIGIN}/api/v1/verify`, { method: "POST", body: JSON.stringify({ [kind]: text }), headers: { "Content-Type": "application/json" } });
      expect(api.status, `${kind} ${number}`).toBe(200);
      out.push({ where: `POST /api/v1/verify (${kind} ${number})`, body: await api.text() });
      const page = await t.app.request(`${TEST_ORIGIN}/verifiera`, { method: "POST", body: new URLSearchParams({ underlag: text }), headers: { Origin: TEST_ORIGIN, "Content-Type": "application/x-www-form-urlencoded" } });
      expect(page.status, `Verifiera ${kind} ${number}`).toBe(200);
      // The page repeats what was pasted in its text box; the credential is scanned decoded below.
      out.push({ where: `POST /verifiera (${kind} ${number})`, body: (await page.text()).split(text.replaceAll("&", "&amp;")).join("") });
    }
    out.push({ where: `credential ${number}`, body: Buffer.from(jwt.split(".")[1]!, "base64url").toString() });
  }
  return out;
}

/**
 * A complaint form posted as a visitor would: refused (no description) it comes back with what the
 * visitor typed, which is scanned with their own words taken out, as the search box is.
 */
async function complaintAnswers(): Promise<{ where: string; body: string }[]> {
  const page = await (await t.app.request(`${TEST_ORIGIN}/lamna-klagomal?certifikat=${w.numbers.mac}`)).text();
  const token = /name="formtoken" value="([^"]+)"/.exec(page)![1]!;
  t.clock!.set(new Date(t.clock!.now().getTime() + 10_000));
  const typed = { formtoken: token, beskrivning: "", certifikat: String(w.numbers.mac), namn: "Vera Visitor", epost: "vera.visitor@example.org", telefon: "070-999 88 77" };
  const res = await t.app.request(`${TEST_ORIGIN}/lamna-klagomal`, { method: "POST", body: new URLSearchParams(typed), headers: { Origin: TEST_ORIGIN, "Content-Type": "application/x-www-form-urlencoded" } });
  expect(res.status).toBe(422);
  let body = await res.text();
  for (const own of [typed.namn, typed.epost, typed.telefon, token]) body = body.split(own).join("");
  return [{ where: "POST /lamna-klagomal (refused, the visitor's own words removed)", body }];
}

/** Anything shaped like a personnummer: (YY)YYMMDD, an optional - or +, four digits; samordningsnummer too. */
const PERSONNUMMER = /(?<!\d)(?:19|20)?\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]|6[1-9]|[78]\d|9[01])[-+]?\d{4}(?!\d)/g;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
/** Swedish mobile numbers, written the usual ways: 070-123 45 67, 0701234567, +46 70 123 45 67. */
const MOBILE = /(?:\+46|(?<!\d)0)\s?7\d[\s-]?\d{3}[\s-]?\d{2}[\s-]?\d{2}(?!\d)/g;
const PHONE = /(?<![\d-])0\d{1,3}-\d{2,3}\s?\d{2}\s?\d{2}(?!\d)/g;

describe("privacy of the public pages, API and badge", () => {
  it("shows no personnummer, birth date, address, e-mail or phone of anyone, seeded or not", async () => {
    const { org } = t.runtime.deps.config;
    const everyone = await t.runtime.deps.db.select().from(persons);
    expect(everyone.length).toBeGreaterThanOrEqual(5);
    const secrets = new Set<string>();
    for (const p of everyone) {
      if (p.personnummer) {
        const pn = p.personnummer;
        for (const s of [pn, pn.slice(2), `${pn.slice(0, 8)}-${pn.slice(8)}`, `${pn.slice(2, 8)}-${pn.slice(8)}`]) secrets.add(s);
      }
      for (const s of [p.email, p.billingEmail, p.mobile, p.mobile?.replace(/\D/g, ""), p.addressLine1, p.addressLine2, p.postalCode]) if (s) secrets.add(s);
    }
    for (const h of [w.sven, w.anna, w.olle]) secrets.add(h.birthDate);
    for (const s of [w.company.email, w.company.phone, w.company.addressLine1]) secrets.add(s);
    for (const s of [COMPLAINANT.name, COMPLAINANT.email, COMPLAINANT.phone, COMPLAINANT.description, "Klagomål mottaget", "Ärende 1001"]) secrets.add(s);

    let scanned = 0;
    const answers: { where: string; body: string }[] = [];
    for (const { path, htmx, typed } of publicPaths()) {
      const res = await t.app.request(`${TEST_ORIGIN}${path}`, { headers: htmx ? { "HX-Request": "true" } : {} });
      expect(res.status, path).toBeLessThan(500);
      // A signed status list is a JWS: what it says is in its payload.
      const text = res.headers.get("content-type") === "application/vc+jwt" ? Buffer.from((await res.text()).split(".")[1]!, "base64url").toString() : await res.text();
      answers.push({ where: `${htmx ? "htmx " : ""}${path}`, body: text.split(typed ?? "\u0000").join("") });
    }
    answers.push(...(await verifyAnswers()));
    answers.push(...(await complaintAnswers()));
    for (const { where, body: answer } of answers) {
      // The organisation's own contact details are in every page's footer; they are not a person's.
      let body = answer.replaceAll("&#39;", "'").split(org.email).join("").split(org.phone).join("").split(org.address).join("");
      for (const contact of CENTRE_CONTACT) body = body.split(contact).join("");
      for (const s of secrets) expect(body.includes(s), `${where} shows ${s}`).toBe(false);
      expect(body.match(PERSONNUMMER), `${where}: personnummer`).toBeNull();
      expect(body.match(EMAIL), `${where}: e-mail`).toBeNull();
      expect(body.match(MOBILE), `${where}: mobile`).toBeNull();
      expect(body.match(PHONE), `${where}: phone`).toBeNull();
      scanned += 1;
    }
    expect(scanned).toBeGreaterThan(90);
  });

  it("lists the examination centre's provtillfälle on /examinationscentra, naming neither candidate nor examinator", async () => {
    const html = await (await t.app.request(`${TEST_ORIGIN}/examinationscentra`)).text();
    const text = textOf(html);
    expect(text).toContain("Provcentret i Umeå AB");
    expect(text).toMatch(/2026-04-01\s+08:30\s+F-gaser - Personcertifikat kategori III\s+Provsalen, Provgatan 3\s+7/);
    for (const name of ["Sven", "Svensson", "Erik", "Examinatorsson", "5566778899", "556677-8899"]) expect(text, name).not.toContain(name);
  });

  it("lists no person, and finds a person's certificate only by its exact number", async () => {
    for (const q of ["sven", "svensson", "anna", "olle"]) {
      const api = await (await t.app.request(`${TEST_ORIGIN}/api/v1/companies?includeWithoutActive=true&q=${q}`)).json();
      expect(api.companies.map((c: { name: string }) => c.name), q).toEqual(q === "sven" ? ["Svens Kylservice"] : []);
    }
    const soleTraderAnswer = await (await t.app.request(`${TEST_ORIGIN}/api/v1/companies/${soleTrader.orgNumber}`)).json();
    expect(soleTraderAnswer).toMatchObject({ name: "Svens Kylservice", orgNumber: null, pageUrl: null });
  });

  it("would catch what it looks for", () => {
    expect("Personnummer 19800101-9812".match(PERSONNUMMER)).toEqual(["19800101-9812"]);
    expect("800101-9812 och 8001019812".match(PERSONNUMMER)).toEqual(["800101-9812", "8001019812"]);
    expect("Org.nr 556016-0680, nr 10001, 2026-03-15".match(PERSONNUMMER)).toBeNull();
    expect("Ring 070-123 45 67 eller +46 70 123 45 67 eller 0701234567".match(MOBILE)).toHaveLength(3);
    expect("Tel 090-12 34 56".match(PHONE)).toEqual(["090-12 34 56"]);
    expect("sven.svensson@example.se".match(EMAIL)).toHaveLength(1);
  });
});
