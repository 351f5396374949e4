import { and, asc, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { declarationTexts, events, requirements, schemes, technicalAreas } from "../../db/schema/index.ts";
import { Conflict, Forbidden, Invalid, NotFound } from "../../lib/errors.ts";
import { seedUser } from "../../test/fixtures.ts";
import { startTestApp, type TestApp } from "../../test/harness.ts";
import { actorForUser } from "../accounts/find-user.ts";
import { startApplication } from "../certification/index.ts";
import type { Actor, Role } from "../deps.ts";
import { addRequirement, createArea, createScheme, publishDeclarationText, retireRequirement, updateArea, updateRequirement, updateScheme, type SchemeInput } from "./index.ts";

let t: TestApp;
let admin: Actor & { userId: string };
const staff: Record<string, Actor & { userId: string }> = {};
const deps = () => t.runtime.deps;
const db = () => t.runtime.deps.db;

async function actor(email: string, roles: Role[]) {
  return (await actorForUser(db(), (await seedUser(deps(), { email, roles })).userId)) as Actor & { userId: string };
}

const eventCount = async () => (await db().select({ n: count() }).from(events))[0]!.n;
const lastEvent = async (subjectId: string) => (await db().select().from(events).where(eq(events.subjectId, subjectId)).orderBy(asc(events.id))).at(-1)!;
const caught = async (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e);
const fieldsOf = async (p: Promise<unknown>) => {
  const e = await caught(p);
  expect(e).toBeInstanceOf(Invalid);
  return (e as Invalid).fields;
};

let fgasId: string;
const schemeInput = (over: Partial<SchemeInput> = {}): SchemeInput => ({
  areaId: fgasId,
  name: "Personcertifikat kategori VI",
  scope: "Provning av nya köldmedier.",
  subject: "PERSON",
  kind: "CERTIFICATE",
  validityYears: 1,
  validUntilFromEvidence: false,
  annualExtension: true,
  recertificationYears: 5,
  priceSek: 4800.5,
  invoiced: true,
  fourEyes: true,
  category: "fgas",
  activeFrom: null,
  activeTo: null,
  declaration: "Jag intygar att allt stämmer.",
  ...over,
});

beforeAll(async () => {
  t = await startTestApp({ now: new Date("2026-11-22T09:00:00Z") });
  admin = await actor("admin@certorg.example", ["admin"]);
  staff.reviewer = await actor("granskare@certorg.example", ["reviewer"]);
  staff.decider = await actor("beslut@certorg.example", ["decider"]);
  staff.applicant = await actor("sokande@example.se", ["applicant"]);
  fgasId = (await db().select().from(technicalAreas).where(eq(technicalAreas.code, "fgas")).get())!.id;
});
afterAll(() => t.close());

describe("only admins change the catalogue", () => {
  it("refuses reviewers, deciders and applicants every operation, and writes nothing", async () => {
    const scheme = (await db().select().from(schemes).where(eq(schemes.code, "fgas-person-i")).get())!;
    const req = (await db().select().from(requirements).where(eq(requirements.schemeId, scheme.id)).get())!;
    const before = await eventCount();
    for (const who of Object.values(staff)) {
      const ops: Promise<unknown>[] = [
        createArea(deps(), who, { name: "Nytt område" }),
        updateArea(deps(), who, { areaId: fgasId, name: "Ändrat" }),
        createScheme(deps(), who, schemeInput()),
        updateScheme(deps(), who, { ...schemeInput(), schemeId: scheme.id }),
        publishDeclarationText(deps(), who, { schemeId: scheme.id, text: "Ny text" }),
        addRequirement(deps(), who, { schemeId: scheme.id, name: "Nytt", description: "Nytt moment", acceptedTypes: ["pdf"] }),
        updateRequirement(deps(), who, { requirementId: req.id, name: "Ändrat", description: "Ändrat", acceptedTypes: ["pdf"] }),
        retireRequirement(deps(), who, { requirementId: req.id }),
      ];
      for (const op of ops) expect(await caught(op), who.name).toEqual(new Forbidden("Bara administratörer kan ändra katalogen."));
    }
    expect(await eventCount()).toBe(before);
    expect((await db().select().from(technicalAreas).where(eq(technicalAreas.id, fgasId)).get())!.name).toBe("F-gaser");
  });
});

describe("technical areas", () => {
  it("are created with a code from the name, logged, and a taken code is said at the field", async () => {
    const { areaId, code } = await createArea(deps(), admin, { name: "Högspänningsställverk" });
    expect(code).toBe("hogspanningsstallverk");
    const row = (await db().select().from(technicalAreas).where(eq(technicalAreas.id, areaId)).get())!;
    expect(row.sortOrder).toBeGreaterThan(1);
    expect(await lastEvent(areaId)).toMatchObject({ action: "area.created", subjectType: "area", actorName: admin.name, details: { area: "Högspänningsställverk", code } });

    expect(await fieldsOf(createArea(deps(), admin, { name: "Högspänningsställverk" }))).toEqual({
      code: "Koden ”hogspanningsstallverk”, som bildas av namnet, används redan av ett annat teknikområde. Ange en egen kod.",
    });
    expect(await fieldsOf(createArea(deps(), admin, { name: "Annat", code: "fgas" }))).toEqual({ code: "Koden ”fgas” används redan av ett annat teknikområde. Ange en annan kod." });
    expect(await fieldsOf(createArea(deps(), admin, { name: " ", code: "Fel kod!", sortOrder: -1 }))).toEqual({
      name: "Ange teknikområdets namn.",
      code: "Koden får bara innehålla små bokstäver a–z, siffror och bindestreck, högst 60 tecken, t.ex. fgas-person-vi.",
      sortOrder: "Ange ordningen som ett heltal 0–9999, eller lämna fältet tomt för att lägga området sist.",
    });
  });

  it("are renamed and reordered with what changed in the log; an unchanged save logs nothing", async () => {
    const { areaId } = await createArea(deps(), admin, { name: "Ventilation", code: "ventilation", sortOrder: 50 });
    expect(await updateArea(deps(), admin, { areaId, name: "Ventilationskontroll", sortOrder: 50 })).toEqual({ changed: ["Namn"] });
    expect((await lastEvent(areaId)).details).toEqual({ area: "Ventilationskontroll", changed: ["Namn"], changes: { name: { from: "Ventilation", to: "Ventilationskontroll" } } });
    const before = await eventCount();
    expect(await updateArea(deps(), admin, { areaId, name: "Ventilationskontroll", sortOrder: null })).toEqual({ changed: [] });
    expect(await eventCount()).toBe(before);
    await expect(updateArea(deps(), admin, { areaId: "finns-inte", name: "X" })).rejects.toBeInstanceOf(NotFound);
  });
});

describe("schemes", () => {
  it("are created with the price in öre, version 1 of the förbindelsetext, and an event", async () => {
    const { schemeId, code } = await createScheme(deps(), admin, schemeInput());
    expect(code).toBe("personcertifikat-kategori-vi");
    const row = (await db().select().from(schemes).where(eq(schemes.id, schemeId)).get())!;
    expect(row).toMatchObject({ areaId: fgasId, priceOre: 480050, invoiced: true, fourEyes: true, validityYears: 1, annualExtension: true, recertificationYears: 5, category: "fgas", subject: "PERSON", kind: "CERTIFICATE" });
    const texts = await db().select().from(declarationTexts).where(eq(declarationTexts.schemeId, schemeId));
    expect(texts.map((x) => [x.version, x.text])).toEqual([[1, "Jag intygar att allt stämmer."]]);
    expect(await lastEvent(schemeId)).toMatchObject({ action: "scheme.created", subjectType: "scheme", details: { certificate: "F-gaser - Personcertifikat kategori VI", code, declarationVersion: 1 } });
    expect(await fieldsOf(createScheme(deps(), admin, schemeInput({ code: "fgas-person-i" })))).toEqual({ code: "Koden ”fgas-person-i” används redan av ett annat certifikat. Ange en annan kod." });
  });

  it("say in Swedish what is wrong, at each field, all at once", async () => {
    expect(
      await fieldsOf(
        createScheme(deps(), admin, schemeInput({ name: "", scope: "  ", priceSek: Number.NaN, validityYears: 0, recertificationYears: 2.5, category: "F Gas", activeFrom: "2026-13-01", declaration: " \r\n ", code: "ÅÄÖ" })),
      ),
    ).toEqual({
      name: "Ange certifikatets namn.",
      scope: "Beskriv vad certifikatet omfattar.",
      priceSek: "Ange priset i kronor med siffror, t.ex. 4800 eller 4800,50 (0 om certifikatet är kostnadsfritt).",
      validityYears: "Ange giltighetstiden som ett helt antal år, 1–50, eller lämna fältet tomt.",
      recertificationYears: "Ange tiden till omcertifiering som ett helt antal år, 1–50, eller lämna fältet tomt.",
      category: "Kategorin skrivs med små bokstäver a–z, siffror och bindestreck, t.ex. fgas eller mac.",
      activeFrom: "Ange datumet som ÅÅÅÅ-MM-DD, t.ex. 2026-01-01, eller lämna fältet tomt.",
      declaration: "Skriv förbindelsetexten.",
      code: "Koden får bara innehålla små bokstäver a–z, siffror och bindestreck, högst 60 tecken, t.ex. fgas-person-vi.",
    });
    expect(await fieldsOf(createScheme(deps(), admin, schemeInput({ priceSek: 10.555 })))).toEqual({ priceSek: "Ange priset i kronor med högst två decimaler (öre)." });
    expect(await fieldsOf(createScheme(deps(), admin, schemeInput({ areaId: "finns-inte", code: "x-1" })))).toEqual({ areaId: "Välj ett teknikområde i listan." });
  });

  it("refuse settings that contradict each other", async () => {
    expect(await fieldsOf(createScheme(deps(), admin, schemeInput({ kind: "ATTESTATION" })))).toEqual({
      validityYears: "Ett intyg gäller utan slutdatum: lämna giltighetstiden tom.",
      annualExtension: "Ett intyg förlängs inte: det gäller utan slutdatum.",
      recertificationYears: "Ett intyg omcertifieras inte: lämna fältet tomt.",
    });
    expect(await fieldsOf(createScheme(deps(), admin, schemeInput({ validityYears: 3, validUntilFromEvidence: true, activeFrom: "2027-01-01", activeTo: "2026-12-31" })))).toEqual({
      activeTo: "Sista dagen för ansökan kan inte vara före den första.",
      validityYears: "Lämna giltighetstiden tom när Giltigt till läses från underlaget.",
      annualExtension: "Årlig förlängning förutsätter att certifikatet gäller 1 år i taget.",
    });
  });

  it("are edited: the price in kronor becomes öre, the log says what changed, from what to what", async () => {
    const scheme = (await db().select().from(schemes).where(eq(schemes.code, "fgas-person-ii")).get())!;
    const current: SchemeInput = { ...scheme, priceSek: scheme.priceOre / 100, declaration: "" };
    expect(await updateScheme(deps(), admin, { ...current, schemeId: scheme.id, priceSek: 4500, fourEyes: false })).toEqual({ changed: ["Pris", "Fyra ögon"] });
    expect((await db().select().from(schemes).where(eq(schemes.id, scheme.id)).get())!).toMatchObject({ priceOre: 450000, fourEyes: false, code: "fgas-person-ii", sortOrder: scheme.sortOrder });
    expect((await lastEvent(scheme.id)).details).toEqual({
      certificate: "F-gaser - Personcertifikat kategori II",
      changed: ["Pris", "Fyra ögon"],
      changes: { priceOre: { from: 420000, to: 450000 }, fourEyes: { from: true, to: false } },
    });
    const before = await eventCount();
    expect(await updateScheme(deps(), admin, { ...current, schemeId: scheme.id, priceSek: 4500, fourEyes: false })).toEqual({ changed: [] });
    expect(await eventCount()).toBe(before);
  });

  it("moved to another area go last there", async () => {
    const { areaId } = await createArea(deps(), admin, { name: "Flyttområde" });
    const { schemeId } = await createScheme(deps(), admin, schemeInput({ name: "Flyttas", code: "flyttas" }));
    const row = (await db().select().from(schemes).where(eq(schemes.id, schemeId)).get())!;
    await updateScheme(deps(), admin, { ...row, priceSek: row.priceOre / 100, schemeId, areaId });
    expect((await db().select().from(schemes).where(eq(schemes.id, schemeId)).get())!).toMatchObject({ areaId, sortOrder: 0 });
  });

  it("do not switch between person and company once someone has applied", async () => {
    const { schemeId } = await createScheme(deps(), admin, schemeInput({ name: "Byter sökande", code: "byter-sokande" }));
    const row = (await db().select().from(schemes).where(eq(schemes.id, schemeId)).get())!;
    // Nobody has applied yet: free to change.
    await updateScheme(deps(), admin, { ...row, priceSek: 0, schemeId, subject: "COMPANY" });
    const applied = (await db().select().from(schemes).where(eq(schemes.code, "fgas-utbildningsintyg-mac")).get())!;
    const sven = (await actorForUser(db(), (await seedUser(deps(), { email: "sven.byte@example.se" })).userId)) as Actor & { userId: string; personId: string };
    await startApplication(deps(), sven, { schemeId: applied.id });
    expect(await fieldsOf(updateScheme(deps(), admin, { ...applied, priceSek: applied.priceOre / 100, schemeId: applied.id, subject: "COMPANY" }))).toEqual({
      subject: "Certifikatet har redan ansökningar och kan inte byta mellan person och företag. Skapa ett nytt certifikat i stället.",
    });
  });
});

describe("förbindelsetext", () => {
  it("is published as a new version, never an edit; the same text again is refused", async () => {
    const scheme = (await db().select().from(schemes).where(eq(schemes.code, "fgas-person-iii")).get())!;
    const v1 = (await db().select().from(declarationTexts).where(eq(declarationTexts.schemeId, scheme.id)).get())!;
    expect(await publishDeclarationText(deps(), admin, { schemeId: scheme.id, text: `${v1.text}\r\n\r\nTillägg.` })).toMatchObject({ version: 2 });
    const texts = await db().select().from(declarationTexts).where(eq(declarationTexts.schemeId, scheme.id)).orderBy(asc(declarationTexts.version));
    expect(texts.map((x) => x.version)).toEqual([1, 2]);
    expect(texts[0]).toEqual(v1);
    expect(texts[1]!.text).toBe(`${v1.text}\n\nTillägg.`);
    expect(await lastEvent(scheme.id)).toMatchObject({ action: "scheme.declaration_published", details: { certificate: "F-gaser - Personcertifikat kategori III", declarationVersion: 2 } });
    expect(await fieldsOf(publishDeclarationText(deps(), admin, { schemeId: scheme.id, text: `  ${texts[1]!.text}\n` }))).toEqual({
      text: "Texten är densamma som gällande version (2). Ändra texten för att publicera en ny version.",
    });
    expect(await fieldsOf(publishDeclarationText(deps(), admin, { schemeId: scheme.id, text: "" }))).toEqual({ text: "Skriv förbindelsetexten." });
    await expect(publishDeclarationText(deps(), admin, { schemeId: "finns-inte", text: "x" })).rejects.toBeInstanceOf(NotFound);
  });
});

describe("requirements", () => {
  it("are added last with a code from the name, edited with the change logged, and retired", async () => {
    const { schemeId } = await createScheme(deps(), admin, schemeInput({ name: "Med moment", code: "med-moment" }));
    const a = await addRequirement(deps(), admin, { schemeId, name: "Godkänt prov", description: "Provintyg.", acceptedTypes: ["png", "pdf", "pdf"] });
    const b = await addRequirement(deps(), admin, { schemeId, name: "Kopia av legitimation", description: "Foto-ID.", acceptedTypes: ["jpeg"], code: "id" });
    const rows = await db().select().from(requirements).where(eq(requirements.schemeId, schemeId)).orderBy(asc(requirements.sortOrder));
    expect(rows.map((r) => [r.code, r.acceptedTypes, r.sortOrder])).toEqual([
      ["godkant-prov", "pdf,png", 0],
      ["id", "jpeg", 1],
    ]);
    expect(await lastEvent(a.requirementId)).toMatchObject({ action: "requirement.added", subjectType: "requirement", details: { certificate: "F-gaser - Med moment", moment: "Godkänt prov", code: "godkant-prov" } });

    expect(await fieldsOf(addRequirement(deps(), admin, { schemeId, name: "Id", description: "", acceptedTypes: [], code: "id" }))).toEqual({
      description: "Beskriv vad den sökande ska ladda upp.",
      acceptedTypes: "Välj minst en filtyp.",
    });
    expect(await fieldsOf(addRequirement(deps(), admin, { schemeId, name: "Id", description: "Igen", acceptedTypes: ["pdf"], code: "id" }))).toEqual({
      code: "Koden ”id” används redan av ett annat moment i certifikatet (avvecklade räknas också). Ange en annan kod.",
    });

    expect(await updateRequirement(deps(), admin, { requirementId: b.requirementId, name: "Legitimation", description: "Foto-ID.", acceptedTypes: ["jpeg", "pdf"] })).toEqual({ changed: ["Namn", "Godkända filtyper"] });
    expect((await lastEvent(b.requirementId)).details).toMatchObject({ moment: "Legitimation", changed: ["Namn", "Godkända filtyper"], changes: { acceptedTypes: { from: "jpeg", to: "pdf,jpeg" } } });

    await retireRequirement(deps(), admin, { requirementId: b.requirementId });
    const retired = (await db().select().from(requirements).where(eq(requirements.id, b.requirementId)).get())!;
    expect(retired.retiredAt).toEqual(t.clock!.now());
    expect(await lastEvent(b.requirementId)).toMatchObject({ action: "requirement.retired", details: { moment: "Legitimation" } });
    await expect(retireRequirement(deps(), admin, { requirementId: b.requirementId })).rejects.toEqual(new Conflict("Momentet är redan avvecklat."));
    await expect(updateRequirement(deps(), admin, { requirementId: b.requirementId, name: "X", description: "Y", acceptedTypes: ["pdf"] })).rejects.toEqual(new Conflict("Momentet är avvecklat och kan inte ändras."));
    // The last one stays: an application needs at least one Moment.
    await expect(retireRequirement(deps(), admin, { requirementId: a.requirementId })).rejects.toEqual(
      new Conflict("Ett certifikat behöver minst ett moment. Lägg till det nya momentet innan du avvecklar det här."),
    );
    expect((await db().select().from(requirements).where(and(eq(requirements.id, a.requirementId))).get())!.retiredAt).toBeNull();
  });
});
