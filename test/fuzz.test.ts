// Route fuzzing (issue 15): every route in the app's own route table, as an anonymous visitor, an
// applicant who is a company admin, and staff with every role, with malformed ids, bodies, content
// types and headers. No answer may be a 5xx or carry stack text. The routes are read from
// `app.routes`, and the ids and field names from the app's own pages, so a route added tomorrow
// is fuzzed tomorrow without a line here.
//
// Each run draws new inputs. A failure names the request, the body, what the app logged (with the
// stack) and the run's seed: FUZZ_SEED=<seed> npx vitest run test/fuzz.test.ts draws the same
// again. FUZZ_RUNS=<n> tries more inputs per route and caller (10 by default).
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import {
  applicationRequirements,
  applications,
  bankidOrders,
  cases,
  decisions,
  certificates,
  companies,
  documents,
  employments,
  examinationCentres,
  examinators,
  examRegistrations,
  examSessions,
  invoices,
  mailOutbox,
  persons,
  requirements,
  schemes,
  technicalAreas,
} from "../db/schema/index.ts";
import { makePdf } from "../lib/uploads/test-files.ts";
import { createSession, validateSession } from "../modules/accounts/index.ts";
import { actorForUser } from "../modules/accounts/find-user.ts";
import { loadApplication, startApplication, uploadEvidence } from "../modules/certification/index.ts";
import type { Actor } from "../modules/deps.ts";
import { listExamParts } from "../modules/catalogue/index.ts";
import { approveCentre, createCentre, createSession as createExamSession, inviteExaminator, registerCandidate, uploadProtocol } from "../modules/examinations/index.ts";
import { submitAppeal, submitComplaint } from "../modules/cases/index.ts";
import { decideApplication } from "../modules/review/index.ts";
import { applicationInFinalReview, employ, insertCompany, insertPerson, schemeByCode } from "./applications.ts";
import { registerCompanyAs } from "./companies.ts";
import { logIn, seedUser } from "./fixtures.ts";
import { browserClient, startTestApp, TEST_ORIGIN, textOf } from "./harness.ts";
import { issueInvoiced } from "./invoices.ts";

/** Runs per route and caller: 3 callers × this × every route is the test's budget. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 10);
/** One seed for the run (new each time unless given); each route and caller draws from its own. */
const RUN_SEED = process.env.FUZZ_SEED === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(process.env.FUZZ_SEED);

/**
 * Routes left out, each with its reason ("METHOD path" as in app.routes). None today: logging
 * out and ending sessions are fuzzed like the rest, and the callers get a new session after.
 */
const SKIPPED: Record<string, string> = {};

/** Text that betrays a stack trace or our files: never in an answer, whatever the status. */
const STACK_TEXT: RegExp[] = [
  /\bat (?:async )?[\w$.<>[\] ]*\(?(?:file:\/\/|node:|\/)[^\s)]*:\d+:\d+\)?/,
  /\b\w*Error: [^\n]*\n\s+at /,
  /node_modules\//,
  /file:\/\//,
  new RegExp(process.cwd().replace(/[.*+?^${}()|[\]\\]/g, "\\$&")),
];

// The errors the app logs, kept to explain a 5xx (found by its X-Request-Id) when one turns up.
const errors: { requestId?: string; msg: string; err?: { stack?: string } }[] = [];
const t = await startTestApp({
  now: new Date("2026-03-16T09:00:00Z"),
  // Every request comes from its own (forwarded) address, so the rate limits let the fuzz through.
  env: { TRUST_PROXY: "true" },
  log: { write: (line: string) => void (line.includes('"level":"error"') && errors.push(JSON.parse(line) as (typeof errors)[number])) },
});
afterAll(() => t.close());
const deps = t.runtime.deps;

// ---------------------------------------------------------------------------------------------
// The world: real objects whose ids the fuzzer mixes in, so the handlers get past "not found".

const applicant = await seedUser(deps, { email: "fuzz.sokande@example.se", givenName: "Frida", familyName: "Fuzz", personnummer: "198001019802" });
const staff = await seedUser(deps, { email: "fuzz.personal@certorg.example", roles: ["reviewer", "decider", "admin"] });
const reviewer = await seedUser(deps, { email: "fuzz.granskare@certorg.example", roles: ["reviewer"] });
const colleague = await insertPerson(deps, { givenName: "Kalle", familyName: "Kollega" });
const asker = await insertPerson(deps, { givenName: "Sara", familyName: "Sökande" });
const companyId = await insertCompany(deps, { name: "Fuzz Kyl AB", adminPersonIds: [applicant.personId], employeePersonIds: [applicant.personId, colleague.personId] });
await employ(deps, asker.personId, companyId, { status: "requested" });
await issueInvoiced(deps, staff.userId, { schemeCode: "fgas-person-i", personId: applicant.personId, byUserId: applicant.userId, reviewerUserId: reviewer.userId, recipient: { name: "Frida Fuzz", email: "fuzz.sokande@example.se" } });
await applicationInFinalReview(deps, { schemeCode: "fgas-person-ii", personId: applicant.personId, byUserId: applicant.userId, reviewerUserId: reviewer.userId });
// Applications under way, the person's and the company's, each with a file in a Moment.
const applicantActor = (await actorForUser(deps.db, applicant.userId)) as Actor & { userId: string; personId: string };
for (const [code, forCompany] of [["fgas-person-iii", null], ["fgas-foretag", companyId]] as const) {
  const { applicationId } = await startApplication(deps, applicantActor, { schemeId: (await schemeByCode(deps, code)).id, companyId: forCompany });
  const [first] = (await loadApplication(deps.db, applicantActor, applicationId)).moments;
  await uploadEvidence(deps, applicantActor, { applicationId, momentId: first!.moment.id, file: { bytes: makePdf(), originalName: "intyg.pdf", declaredType: "application/pdf" } });
}
// An examination centre where the applicant is examinator, with a provtillfälle today, its
// protocol and a registered candidate; and a centre still waiting for approval.
const staffActor = (await actorForUser(deps.db, staff.userId)) as Actor & { userId: string };
const examScheme = await schemeByCode(deps, "fgas-person-iv");
const centre = await createCentre(deps, staffActor, { name: "Fuzz Provcenter AB", orgNumber: "5566778899", addressLine1: "Provvägen 1", postalCode: "721 30", city: "Västerås", email: "prov@fuzz.example", phone: null, website: null, schemeIds: [examScheme.id] });
await approveCentre(deps, staffActor, { centreId: centre.centreId });
await createCentre(deps, staffActor, { name: "Väntande Provcenter AB", orgNumber: "5590123450", addressLine1: "Vägen 2", postalCode: "111 11", city: "Solna", email: null, phone: null, website: null, schemeIds: [examScheme.id] });
await inviteExaminator(deps, staffActor, { centreId: centre.centreId, email: "fuzz.sokande@example.se", givenName: null, familyName: null });
const examSession = await createExamSession(deps, applicantActor, { centreId: centre.centreId, schemeId: examScheme.id, date: "2026-03-16", startTime: "09:00", place: "Provhallen", seats: 20, partIds: (await listExamParts(deps.db, examScheme.id)).map((p) => p.id) });
await registerCandidate(deps, applicantActor, { sessionId: examSession.sessionId, candidate: "fuzz.granskare@certorg.example" });
await uploadProtocol(deps, applicantActor, { sessionId: examSession.sessionId, file: { bytes: makePdf(), originalName: "protokoll.pdf" } });
// Överklaganden och klagomål: two refusals by another decider (one appealed, one open to appeal,
// each for staff to handle or the applicant to appeal) and a visitor's complaint with a file.
const otherDecider = (await actorForUser(deps.db, (await seedUser(deps, { email: "fuzz.beslut@certorg.example", roles: ["decider"] })).userId)) as Actor & { userId: string };
for (const [code, appeal] of [["fgas-utbildningsintyg-mac", true], ["extern-fgas-i", false]] as const) {
  const applicationId = await applicationInFinalReview(deps, { schemeCode: code, personId: applicant.personId, byUserId: applicant.userId, reviewerUserId: reviewer.userId });
  const { decisionId } = await decideApplication(deps, otherDecider, { applicationId, decision: "refuse", reason: "Underlaget räcker inte." });
  if (appeal) await submitAppeal(deps, applicantActor, { target: { decisionId }, grounds: "Underlaget räcker.", files: [{ bytes: makePdf(), originalName: "grunder.pdf" }] });
}
await submitComplaint(deps, null, { description: "Fel utfört arbete.", name: "Klara Kund", email: "klara@example.org", files: [{ bytes: makePdf(), originalName: "kvitto.pdf" }] });
const applicantBrowser = browserClient(t.app);
expect((await logIn(t, applicantBrowser, "fuzz.sokande@example.se")).status).toBe(303);
const staffBrowser = browserClient(t.app);
expect((await logIn(t, staffBrowser, "fuzz.personal@certorg.example")).status).toBe(303);
// A company registration waiting for staff, with its registreringsbevis.
await registerCompanyAs(applicantBrowser);
// A BankID order, in the simulator and in our table.
await browserClient(t.app).post("/logga-in/bankid", {});

/** Real values by kind, read back from the database. */
async function column<T>(query: Promise<{ v: T }[]>): Promise<string[]> {
  return (await query).map((r) => String(r.v));
}
const real = {
  person: await column(deps.db.select({ v: persons.id }).from(persons).limit(6)),
  company: await column(deps.db.select({ v: companies.id }).from(companies).limit(4)),
  orgNumber: await column(deps.db.select({ v: companies.orgNumber }).from(companies).limit(4)),
  employment: await column(deps.db.select({ v: employments.id }).from(employments).limit(4)),
  application: await column(deps.db.select({ v: applications.id }).from(applications).limit(6)),
  moment: await column(deps.db.select({ v: applicationRequirements.id }).from(applicationRequirements).limit(6)),
  requirement: await column(deps.db.select({ v: requirements.id }).from(requirements).limit(6)),
  scheme: await column(deps.db.select({ v: schemes.id }).from(schemes).limit(4)),
  area: await column(deps.db.select({ v: technicalAreas.id }).from(technicalAreas).limit(4)),
  document: await column(deps.db.select({ v: documents.id }).from(documents).limit(8)),
  certificate: await column(deps.db.select({ v: certificates.id }).from(certificates).limit(4)),
  certificateNumber: await column(deps.db.select({ v: certificates.number }).from(certificates).limit(4)),
  invoice: await column(deps.db.select({ v: invoices.id }).from(invoices).limit(4)),
  mail: await column(deps.db.select({ v: mailOutbox.id }).from(mailOutbox).limit(4)),
  orderRef: await column(deps.db.select({ v: bankidOrders.orderRef }).from(bankidOrders).limit(2)),
  centre: await column(deps.db.select({ v: examinationCentres.id }).from(examinationCentres).limit(4)),
  examSession: await column(deps.db.select({ v: examSessions.id }).from(examSessions).limit(4)),
  examRegistration: await column(deps.db.select({ v: examRegistrations.id }).from(examRegistrations).limit(4)),
  examinator: await column(deps.db.select({ v: examinators.id }).from(examinators).limit(4)),
  case: await column(deps.db.select({ v: cases.id }).from(cases).limit(4)),
  decision: await column(deps.db.select({ v: decisions.id }).from(decisions).limit(6)),
};
const everyRealValue = Object.values(real).flat();

/** The real values that fit a parameter, judged by the path segment before it. */
function realFor(segments: string[], index: number): string[] {
  const before = segments[index - 1] ?? "";
  const inCatalogue = segments.includes("katalog");
  const byName: Record<string, string[]> = {
    ansokningar: real.application,
    moment: inCatalogue ? real.requirement : real.moment,
    filer: real.document,
    filmallar: real.requirement,
    certifikat: inCatalogue ? real.scheme : real.certificate,
    teknikomraden: real.area,
    foretag: real.company,
    tack: real.company,
    anstallningar: real.employment,
    forfragningar: real.employment,
    anstallda: real.employment,
    administratorer: real.person,
    personer: real.person,
    fakturor: real.invoice,
    "utgaende-e-post": real.mail,
    certificates: real.certificateNumber,
    c: real.certificateNumber,
    companies: real.orgNumber,
    "sok-certifierade-foretag": real.orgNumber,
    order: real.orderRef,
    static: ["app.css", "htmx.min.js", "password-strength.js"],
    badge: real.certificateNumber.map((n) => `${n}.svg`),
    "v6.0": ["auth", "sign", "collect", "cancel", "phone"],
    examinationscenter: real.centre,
    examinationscentra: real.centre,
    provtillfallen: real.examSession,
    anmalningar: real.examRegistration,
    examinatorer: real.examinator,
    arenden: real.case,
    beslut: real.decision,
  };
  const pool = Object.hasOwn(byName, before) ? byName[before]! : [];
  return pool.length ? pool : everyRealValue;
}

// ---------------------------------------------------------------------------------------------
// The route table, from the app itself.

interface Route {
  method: string;
  path: string;
  key: string;
  /** Matches a link to this route, capturing its parameters; null for a route without any. */
  link: RegExp | null;
}

const table: Route[] = [];
for (const r of t.app.routes) {
  const key = `${r.method} ${r.path}`;
  if (table.some((x) => x.key === key)) continue;
  const link = r.path.includes("/:") ? new RegExp(`^${r.path.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/:[A-Za-z]+/g, "([^/]+)").replace(/\*/g, ".*")}$`) : null;
  table.push({ method: r.method, path: r.path, key, link });
}
// Pages first: their forms and links teach the fuzzer the field names and ids the posts then send.
const rank = (r: Route) => (r.method === "GET" ? 0 : r.method === "ALL" ? 2 : 1);
table.sort((a, b) => rank(a) - rank(b));

// ---------------------------------------------------------------------------------------------
// What the app's pages say: the field names of its forms and the parameters of its links, gathered
// from every HTML answer (a crawl first, then every fuzzed page), so a handler sees its own fields
// and ids that belong together (an application's own Moment).

const fieldNames = new Set(["epost", "losenord", "code", "beslut", "motivering", "text", "namn", "orgnr", "foretag", "startdatum", "fil", "sok", "sortera"]);
const linkParams = new Map<string, string[][]>();
const LINK = /\b(?:href|action|formaction|hx-get|hx-post|src)="(\/[^"?#]*)(?:\?([^"#]*))?/g;

/** A form as a page shows it: where it posts, how, and the fields with the values it offers. */
interface PageForm {
  action: string;
  multipart: boolean;
  fields: [string, string][];
  files: string[];
}
const forms = new Map<string, PageForm[]>();

const htmlText = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
const attr = (attrs: string, name: string) => {
  const m = new RegExp(`(?<![\\w-])${name}="([^"]*)"`).exec(attrs);
  return m ? htmlText(m[1]!) : undefined;
};

function harvestForms(html: string) {
  for (const [, attrs, inner] of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const action = attr(attrs!, "action");
    if (!action?.startsWith("/") || (attr(attrs!, "method") ?? "get").toLowerCase() !== "post") continue;
    const fields: [string, string][] = [];
    const files: string[] = [];
    for (const [, a] of inner!.matchAll(/<(?:input|button)\b([^>]*)>/g)) {
      const name = attr(a!, "name");
      if (!name) continue;
      if (attr(a!, "type") === "file") files.push(name);
      else fields.push([name, attr(a!, "value") ?? (attr(a!, "type") === "checkbox" ? "on" : "")]);
    }
    for (const [, a, text] of inner!.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) if (attr(a!, "name")) fields.push([attr(a!, "name")!, htmlText(text!)]);
    for (const [, a, options] of inner!.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
      const value = [...options!.matchAll(/<option\b[^>]*value="([^"]+)"/g)].map((o) => htmlText(o[1]!));
      if (attr(a!, "name")) fields.push([attr(a!, "name")!, value[0] ?? ""]);
    }
    const known = forms.get(action) ?? [];
    const form: PageForm = { action, multipart: attr(attrs!, "enctype") === "multipart/form-data", fields, files };
    if (known.length < 4 && !known.some((k) => JSON.stringify(k) === JSON.stringify(form))) forms.set(action, [...known, form]);
  }
}

/** Learns from a page; returns the paths it links to. */
function harvest(html: string): string[] {
  for (const m of html.matchAll(/\bname="([^"]{1,40})"/g)) fieldNames.add(m[1]!);
  harvestForms(html);
  const paths: string[] = [];
  for (const m of html.matchAll(LINK)) {
    const path = htmlText(m[1]!);
    paths.push(path);
    for (const pair of (m[2] ?? "").split(/&amp;|&/)) if (pair) fieldNames.add(pair.split("=")[0]!);
    for (const route of table) {
      const params = route.link?.exec(path)?.slice(1);
      if (!params) continue;
      const known = linkParams.get(route.key) ?? [];
      if (known.length < 30 && !known.some((k) => k.join("/") === params.join("/"))) linkParams.set(route.key, [...known, params]);
    }
  }
  return paths;
}

/** The forms the pages showed that post to this route. */
function formsFor(route: Route): PageForm[] {
  return [...forms.entries()].flatMap(([action, list]) => (action === route.path || route.link?.test(action) ? list : []));
}

/** Reads the pages a caller reaches by links from the start pages: learning, and a first check. */
async function crawl(cookie: string | null, starts: string[], limit: number) {
  const queue = [...starts];
  const seen = new Set(queue);
  for (let i = 0; i < queue.length && i < limit; i++) {
    const res = await t.app.request(`${TEST_ORIGIN}${queue[i]}`, { headers: cookie ? { Cookie: cookie } : {} });
    expect(res.status, `GET ${queue[i]}`).toBeLessThan(500);
    if (!res.headers.get("Content-Type")?.startsWith("text/html")) {
      await res.arrayBuffer();
      continue;
    }
    const html = await res.text();
    for (const stack of STACK_TEXT) expect(html, `GET ${queue[i]}`).not.toMatch(stack);
    for (const path of harvest(html)) {
      if (!seen.has(path) && !/\/(pdf|export\.csv|logga-ut)$/.test(path)) queue.push(path), seen.add(path);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Arbitraries.

const NASTY = [
  "",
  " ",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "%00",
  "%",
  "%ZZ",
  "%E0%A4%A",
  "..%2F..%2Fetc%2Fpasswd",
  "..%2f",
  "%2e%2e",
  "..",
  ".",
  "-1",
  "0",
  "1.5",
  "1e309",
  "99999999999999999999999",
  "9007199254740993",
  "NaN",
  "Infinity",
  "null",
  "undefined",
  "true",
  "[]",
  "{}",
  "<script>alert(1)</script>",
  "' OR 1=1 --",
  "%F0%9F%92%A9",
  "%C3%A5%C3%A4%C3%B6",
  "%ED%A0%80",
  "a".repeat(5000),
];

/** A path segment as a URL carries it: raw nasty text, or any string percent-encoded. */
function segmentArb(pool: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...pool).map(encodeURIComponent) },
    { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
    { weight: 1, arbitrary: fc.constantFrom(...pool).map((v) => encodeURIComponent(`${v}x`)) },
    { weight: 2, arbitrary: fc.string({ maxLength: 40 }).map(encodeURIComponent) },
    { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }).map(encodeURIComponent) },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 20 }).map(encodeURIComponent) },
    { weight: 1, arbitrary: fc.integer().map(String) },
    { weight: 1, arbitrary: fc.nat({ max: 5000 }).map((n) => "9".repeat(n + 1)) },
  );
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** A value in a form, a query or JSON: real ids, plausible words, or anything. */
const valueArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...everyRealValue) },
  { weight: 2, arbitrary: fc.constantFrom(...NASTY.map(decodeSafe)) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      "2026-03-16",
      "2026-13-45",
      "2099-01-01",
      "1900-01-01",
      "198001019802",
      "19800101-9802",
      "556900-0001",
      "fuzz.sokande@example.se",
      "x@y",
      "on",
      "1",
      "godkann",
      "avsla",
      "bevilja",
      "ja",
      "nej",
      "namn",
      "-namn",
      "status",
    ),
  },
  { weight: 2, arbitrary: fc.string({ maxLength: 60 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 30 }) },
  { weight: 1, arbitrary: fc.integer().map(String) },
);

/** One of the field names known when the request is drawn (the set grows during the run). */
const fieldArb: fc.Arbitrary<string> = fc.nat().map((n) => [...fieldNames][n % fieldNames.size]!);

const keyArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fieldArb },
  { weight: 2, arbitrary: fc.constantFrom("__proto__", "constructor", "prototype", "__proto__[polluted]", "constructor[prototype][x]", "a[]", "a.b", "", "toString", "hasOwnProperty") },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
);

const pairsArb: fc.Arbitrary<[string, string][]> = fc.array(fc.tuple(keyArb, valueArb), { maxLength: 12 }).chain((pairs) =>
  // Repeated keys, as a form with two fields of one name sends them.
  pairs.length ? fc.subarray(pairs).map((again) => [...pairs, ...again]) : fc.constant(pairs),
);

const urlencoded = (pairs: [string, string][]) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&");

interface FileField {
  field: string;
  name: string;
  type: string;
  bytes: string;
}

function multipartText(boundary: string, pairs: [string, string][], file: FileField | null): string {
  const parts = pairs.map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
  if (file) parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n${file.bytes}\r\n`);
  return `${parts.join("")}--${boundary}--\r\n`;
}

const PDF = makePdf().toString("binary");
const fileArb: fc.Arbitrary<FileField> = fc.record({
  field: fc.oneof(fc.constant("fil"), fieldArb),
  name: fc.oneof(fc.constantFrom("intyg.pdf", "bild.png", "", "../../etc/passwd", "a".repeat(300), "__proto__", "ö ä å.pdf"), fc.string({ maxLength: 30 })),
  type: fc.constantFrom("application/pdf", "image/png", "image/jpeg", "application/octet-stream", "text/html", ""),
  bytes: fc.oneof(fc.constant(PDF), fc.constant(""), fc.string({ unit: "binary", maxLength: 200 }), fc.constant("\x89PNG\r\n\x1a\n"), fc.constant(PDF.slice(0, 100))),
});

interface Body {
  kind: string;
  body?: BodyInit;
  contentType?: string;
}

const bodyArb: fc.Arbitrary<Body> = fc.oneof(
  fc.constant<Body>({ kind: "none" }),
  pairsArb.map((p): Body => ({ kind: "urlencoded", body: urlencoded(p), contentType: "application/x-www-form-urlencoded" })),
  fc.tuple(pairsArb, fc.option(fileArb)).map(([p, file]): Body => {
    const form = new FormData();
    for (const [k, v] of p) form.append(k, v);
    if (file) form.append(file.field, new Blob([Buffer.from(file.bytes, "binary")], { type: file.type }), file.name);
    return { kind: file ? "multipart with a file" : "multipart", body: form };
  }),
  fc.tuple(pairsArb, fc.option(fileArb), fc.double({ min: 0, max: 1, noNaN: true })).map(([p, file, cut]): Body => {
    const text = multipartText("fuzzgrans", p, file);
    return { kind: "multipart, truncated", body: Buffer.from(text.slice(0, Math.floor(text.length * cut)), "binary"), contentType: "multipart/form-data; boundary=fuzzgrans" };
  }),
  pairsArb.map((p): Body => ({ kind: "multipart, wrong boundary", body: multipartText("en", p, null), contentType: "multipart/form-data; boundary=en-annan" })),
  pairsArb.map((p): Body => ({ kind: "multipart, no boundary", body: multipartText("en", p, null), contentType: "multipart/form-data" })),
  pairsArb.map((p): Body => ({ kind: "json", body: JSON.stringify(Object.fromEntries(p)), contentType: "application/json" })),
  fc.jsonValue().map((v): Body => ({ kind: "json, any value", body: JSON.stringify(v) ?? "null", contentType: "application/json" })),
  fc.constantFrom('{"a":', "{", "[1,", "nul", '{"__proto__":{"x":1}}', '"\\ud800"', "\u0000", "").map((b): Body => ({ kind: "json, broken", body: b, contentType: "application/json" })),
  fc.string({ maxLength: 200 }).map((b): Body => ({ kind: "text/plain", body: b, contentType: "text/plain;charset=UTF-8" })),
  fc
    .tuple(pairsArb, fc.constantFrom("application/json", "application/xml", "image/png", "text/html", "application/x-www-form-urlencoded; charset=latin-1", "", "foo", "multipart/mixed; boundary=x", "application/x-www-form-urlencoded; charset=utf-16"))
    .map(([p, type]): Body => ({ kind: `urlencoded as "${type}"`, body: urlencoded(p), contentType: type })),
  fc.string({ unit: "binary", maxLength: 300 }).map((b): Body => ({ kind: "urlencoded, raw bytes", body: Buffer.from(b, "binary"), contentType: "application/x-www-form-urlencoded" })),
);

const OTHER_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD"];

interface Probe {
  method: string;
  url: string;
  body: Body;
  origin: string | null;
  htmx: boolean;
  accept: string | null;
  forwardedFor: string;
  headers: [string, string][];
  forgedCookie: string | null;
}

/** The path: a link's own parameters (when the pages showed one), each of them maybe replaced. */
function pathArb(route: Route): fc.Arbitrary<string> {
  const segments = route.path.split("/");
  const drawn = segments.map((s, i) => {
    if (s.startsWith(":")) return segmentArb(realFor(segments, i));
    if (s === "*") return fc.array(segmentArb(everyRealValue), { maxLength: 3 }).map((parts) => parts.join("/"));
    return fc.constant(s);
  });
  const params = segments.flatMap((s, i) => (s.startsWith(":") ? [i] : []));
  // Per parameter 0 takes the drawn value, 1–3 the link's (when there is one): most paths are real.
  return fc.tuple(fc.tuple(...drawn), fc.nat(), fc.array(fc.nat(3), { minLength: params.length, maxLength: params.length })).map(([parts, which, fromLink]) => {
    const links = linkParams.get(route.key);
    const link = links?.length ? links[which % links.length]! : null;
    const out = [...parts];
    params.forEach((at, n) => {
      if (link && fromLink[n]! > 0) out[at] = link[n]!;
    });
    return out.join("/") || "/";
  });
}

/** The other headers the app reads, with values it does not expect. */
const headerArb: fc.Arbitrary<[string, string]> = fc.tuple(
  fc.constantFrom("If-None-Match", "Access-Control-Request-Headers", "Access-Control-Request-Method", "HX-History-Restore-Request", "X-Request-Id", "Sec-Fetch-Site", "If-Modified-Since", "Accept-Language", "Range"),
  fc.oneof(fc.constantFrom("*", 'W/"x"', '"', "true", "same-origin", "cross-site", "__proto__", "bytes=0-", "bytes=999999-1", "sv, en;q=0.5", "x".repeat(2000), "Thu, 01 Jan 1970 00:00:00 GMT"), fc.string({ maxLength: 40 }).filter((v) => /^[\x20-\x7e]*$/.test(v))),
);

/** A page's own form for the route, some values replaced, some fields dropped, some added. */
const formEditArb = fc.record({
  which: fc.nat(),
  values: fc.array(fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constant(undefined) }, { weight: 2, arbitrary: valueArb }), { minLength: 24, maxLength: 24 }),
  extra: fc.array(fc.tuple(keyArb, valueArb), { maxLength: 3 }),
  file: fc.option(fileArb, { freq: 4 }),
  atAction: fc.boolean(),
});

type FormEdit = typeof formEditArb extends fc.Arbitrary<infer E> ? E : never;

function fromForm(route: Route, edit: FormEdit): { url: string; body: Body } | null {
  const candidates = formsFor(route);
  if (!candidates.length) return null;
  const form = candidates[edit.which % candidates.length]!;
  // null keeps the page's value, undefined leaves the field out, a string replaces the value.
  const pairs: [string, string][] = form.fields.flatMap(([k, v], i): [string, string][] => {
    const edited = edit.values[i % edit.values.length];
    return edited === undefined ? [] : [[k, edited ?? v]];
  });
  pairs.push(...edit.extra);
  const url = edit.atAction ? form.action : "";
  const changed = edit.values.slice(0, form.fields.length).filter((v) => v !== null).length + edit.extra.length;
  if (!form.multipart) return { url, body: { kind: `the form of ${form.action}, ${changed} changes`, body: urlencoded(pairs), contentType: "application/x-www-form-urlencoded" } };
  const data = new FormData();
  for (const [k, v] of pairs) data.append(k, v);
  const file = edit.file ?? { field: "", name: "intyg.pdf", type: "application/pdf", bytes: PDF };
  for (const field of form.files) data.append(field, new Blob([Buffer.from(file.bytes, "binary")], { type: file.type }), file.name);
  return { url, body: { kind: `the form of ${form.action} with ${file.name || "(no name)"}, ${changed} changes`, body: data } };
}

function probeArb(route: Route): fc.Arbitrary<Probe> {
  return fc
    .record({
      method: route.method === "ALL" ? fc.constantFrom(...OTHER_METHODS) : fc.constant(route.method),
      url: fc.tuple(pathArb(route), fc.option(pairsArb.map(urlencoded), { freq: 2 })).map(([p, q]) => (q ? `${p}?${q}` : p)),
      body: bodyArb,
      formEdit: fc.option(formEditArb, { freq: 2 }),
      // The site's own Origin mostly, so the CSRF check passes and the handler runs.
      origin: fc.oneof({ weight: 8, arbitrary: fc.constant<string | null>(TEST_ORIGIN) }, { weight: 1, arbitrary: fc.constant("https://evil.example") }, { weight: 1, arbitrary: fc.constant(null) }),
      htmx: fc.boolean(),
      accept: fc.option(fc.constantFrom("application/json", "text/html", "*/*", "application/problem+json", "image/*", "")),
      forwardedFor: fc.oneof({ weight: 9, arbitrary: fc.ipV4() }, { weight: 1, arbitrary: fc.constantFrom("", "__proto__", "::1", "1.2.3.4, 5.6.7.8", "999.1.1.1", "a".repeat(300)) }),
      headers: fc.array(headerArb, { maxLength: 3 }),
      forgedCookie: fc.option(fc.constantFrom("session=x", "session=", "session=__proto__", `session=${"a".repeat(4000)}`, "login=x", "bankid=x", "registration=x", "session=%E0%A4%A"), { freq: 6 }),
    })
    .map(({ formEdit, ...probe }): Probe => {
      // Half of the posts send what the route's own form would, edited: the handler gets past
      // "Välj…" and into its operation. The form is read when the request is drawn, as pages
      // seen so far showed it.
      const form = formEdit && probe.method !== "GET" && probe.method !== "HEAD" ? fromForm(route, formEdit) : null;
      return form ? { ...probe, url: form.url || probe.url, body: form.body } : probe;
    });
}

// ---------------------------------------------------------------------------------------------
// Callers. The two with a login keep a session; when a fuzzed request ends it (logga ut, a new
// password), the next request gets a new one, as if the person logged in again.

interface Caller {
  name: string;
  cookie(): Promise<string | null>;
}

function loggedIn(name: string, userId: string, firstToken: string): Caller {
  let token = firstToken;
  return {
    name,
    async cookie() {
      if (!(await validateSession(deps.db, token, deps.clock.now()))) token = (await createSession(deps.db, userId, "password", deps.clock.now())).token;
      return `session=${token}`;
    },
  };
}

const callers: Caller[] = [
  { name: "anonym", cookie: async () => null },
  loggedIn("sökande och företagsadministratör", applicant.userId, applicantBrowser.jar.get("session")!),
  loggedIn("personal med alla roller", staff.userId, staffBrowser.jar.get("session")!),
];

await crawl(null, ["/", "/logga-in", "/registrera-konto", "/registrera-foretag"], 40);
await crawl(await callers[1]!.cookie(), ["/min-sida"], 80);
await crawl(await callers[2]!.cookie(), ["/personal", "/personal/katalog", "/personal/fakturor", "/personal/utgaende-e-post"], 120);

interface Answer {
  status: number;
  text: string;
  /** What the app logged as an error for this request, with the stack: the cause of a 5xx. */
  logged: string;
}

async function send(caller: Caller, probe: Probe): Promise<Answer> {
  const headers = new Headers([...probe.headers, ["X-Forwarded-For", probe.forwardedFor]]);
  const cookies = [await caller.cookie(), probe.forgedCookie].filter((c): c is string => c !== null);
  if (cookies.length) headers.set("Cookie", cookies.join("; "));
  if (probe.origin) headers.set("Origin", probe.origin);
  if (probe.htmx) headers.set("HX-Request", "true");
  if (probe.accept !== null) headers.set("Accept", probe.accept);
  const withBody = probe.method !== "GET" && probe.method !== "HEAD" && probe.body.body !== undefined;
  if (withBody && probe.body.contentType !== undefined) headers.set("Content-Type", probe.body.contentType);
  const res = await t.app.request(`${TEST_ORIGIN}${probe.url}`, { method: probe.method, headers, body: withBody ? probe.body.body : undefined });
  const type = res.headers.get("Content-Type") ?? "";
  // Text is read and searched; a PDF or an image is read to the end and left alone.
  const text = /^(text\/|application\/(json|problem\+json|javascript|xml)|image\/svg)/.test(type) ? await res.text() : (await res.arrayBuffer(), "");
  if (type.startsWith("text/html")) harvest(text);
  const requestId = res.headers.get("X-Request-Id");
  const logged = errors
    .filter((e) => e.requestId === requestId && e.err)
    .map((e) => `${e.msg}\n${e.err!.stack}`)
    .join("\n");
  return { status: res.status, text, logged };
}

/** The body as text, for a failure message a person can replay. */
function shown(body: Body): string {
  if (body.body instanceof FormData) return [...body.body].map(([k, v]) => `${k}=${typeof v === "string" ? v : `<fil ${v.name}, ${v.size} byte, ${v.type}>`}`).join("\n");
  if (body.body === undefined) return "(ingen)";
  return (Buffer.isBuffer(body.body) ? body.body.toString("binary") : String(body.body)).slice(0, 1000);
}

/** A number for a string, so each route and caller has its own seed within a run. */
function hash(text: string): number {
  let h = 0;
  for (const ch of text) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return h;
}

describe("route fuzzing", () => {
  it("reads a route table worth fuzzing from the app, and skips only routes it names", () => {
    expect(table.length).toBeGreaterThan(100);
    for (const key of Object.keys(SKIPPED)) expect(table.map((r) => r.key), `skipped route ${key} is not in the table`).toContain(key);
  });

  it("recognises stack text, and has learnt the site's fields and forms from its pages", () => {
    const stack = new Error("prov").stack!;
    expect(STACK_TEXT.some((p) => p.test(stack))).toBe(true);
    expect(STACK_TEXT.some((p) => p.test(`TypeError: x is undefined\n    at render (/srv/app/web/render.tsx:12:5)`))).toBe(true);
    expect(fieldNames.size).toBeGreaterThan(30);
    expect(forms.size).toBeGreaterThan(10);
  });

  for (const route of table) {
    if (Object.hasOwn(SKIPPED, route.key)) {
      it.skip(`${route.key}: ${SKIPPED[route.key]}`, () => {});
      continue;
    }
    it(`${route.key} answers every caller without a 5xx or stack text`, async () => {
      for (const [n, caller] of callers.entries()) {
        await fc.assert(
          fc.asyncProperty(probeArb(route), async (probe) => {
            const res = await send(caller, probe);
            const what = `${caller.name}: ${probe.method} ${probe.url.slice(0, 300)} → ${res.status} (FUZZ_SEED=${RUN_SEED})\n${probe.body.kind}: ${shown(probe.body)}`;
            expect(res.status, `${what}\n\n${res.logged || textOf(res.text).slice(0, 800)}`).toBeLessThan(500);
            for (const stack of STACK_TEXT) expect(res.text, `${what}\n\nstack text in the answer`).not.toMatch(stack);
          }),
          { numRuns: RUNS, seed: (RUN_SEED + hash(route.key) + n) | 0 },
        );
      }
    });
  }
});
