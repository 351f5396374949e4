// The promise of the catalogue pages: a change never rewrites what an existing application already
// has. Applications run through the certification module; the catalogue is changed through ours.
import { readdir } from "node:fs/promises";
import path from "node:path";
import { and, asc, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildRuntime } from "../../hono.config.ts";
import { applicationRequirements, applications, declarationTexts, documents, events, requirements, schemes, technicalAreas } from "../../db/schema/index.ts";
import { Conflict, Invalid } from "../../lib/errors.ts";
import { makeImage, makePdf } from "../../lib/uploads/test-files.ts";
import { seedUser } from "../../test/fixtures.ts";
import { startTestApp, type TestApp } from "../../test/harness.ts";
import { actorForUser } from "../accounts/find-user.ts";
import { currentDeclaration, declare, loadApplication, readTemplate, startApplication } from "../certification/index.ts";
import type { Actor } from "../deps.ts";
import { addRequirement, publishDeclarationText, retireRequirement, updateArea, updateRequirement, updateScheme, uploadTemplate } from "./index.ts";

type UserActor = Actor & { userId: string; personId: string };
let t: TestApp;
let admin: UserActor;
let serial = 0;
const deps = () => t.runtime.deps;
const db = () => t.runtime.deps.db;
const scheme = async (code: string) => (await db().select().from(schemes).where(eq(schemes.code, code)).get())!;

async function applicant(): Promise<UserActor> {
  serial += 1;
  return (await actorForUser(db(), (await seedUser(deps(), { email: `sokande${serial}@example.se` })).userId)) as UserActor;
}

/** Step 2 done, as if a reviewer had approved every Moment: what declare needs. */
async function approveAll(applicationId: string) {
  await db().update(applicationRequirements).set({ status: "approved" }).where(eq(applicationRequirements.applicationId, applicationId));
}

const momentCodes = async (who: UserActor, applicationId: string) => (await loadApplication(db(), who, applicationId)).moments.map((m) => m.requirement.code);

beforeAll(async () => {
  t = await startTestApp({ now: new Date("2026-11-22T09:00:00Z") });
  admin = (await actorForUser(db(), (await seedUser(deps(), { email: "admin@certorg.example", givenName: "Ada", familyName: "Admin", roles: ["admin"] })).userId)) as UserActor;
});
afterAll(() => t.close());

describe("a new förbindelsetext", () => {
  it("leaves the version an application accepted untouched; a new application declares the new one", async () => {
    const mac = await scheme("fgas-utbildningsintyg-mac");
    const v1 = await currentDeclaration(deps(), mac.id);
    const sven = await applicant();
    const { applicationId: accepted } = await startApplication(deps(), sven, { schemeId: mac.id });
    await approveAll(accepted);
    await declare(deps(), sven, { applicationId: accepted, declarationTextId: v1.id });

    // Someone mid-way: started, not yet at intyga.
    const karin = await applicant();
    const { applicationId: midway } = await startApplication(deps(), karin, { schemeId: mac.id });

    t.clock!.advance(60_000);
    const v2 = await publishDeclarationText(deps(), admin, { schemeId: mac.id, text: `${v1.text}\n\nJag har läst de nya reglerna.` });

    const kept = (await db().select().from(applications).where(eq(applications.id, accepted)).get())!;
    expect(kept.declarationTextId).toBe(v1.id);
    expect(await db().select().from(declarationTexts).where(eq(declarationTexts.id, v1.id)).get()).toEqual(v1);

    // Karin reads the new text at intyga; the old one, read before the change, is refused.
    await approveAll(midway);
    expect((await currentDeclaration(deps(), mac.id)).id).toBe(v2.declarationTextId);
    await expect(declare(deps(), karin, { applicationId: midway, declarationTextId: v1.id })).rejects.toBeInstanceOf(Conflict);
    await declare(deps(), karin, { applicationId: midway, declarationTextId: v2.declarationTextId });

    const olle = await applicant();
    const { applicationId: fresh } = await startApplication(deps(), olle, { schemeId: mac.id });
    await approveAll(fresh);
    await declare(deps(), olle, { applicationId: fresh, declarationTextId: v2.declarationTextId });
    const versions = await db()
      .select({ id: applications.id, version: declarationTexts.version })
      .from(applications)
      .innerJoin(declarationTexts, eq(declarationTexts.id, applications.declarationTextId))
      .where(eq(applications.schemeId, mac.id));
    expect(Object.fromEntries(versions.map((v) => [v.id, v.version]))).toEqual({ [accepted]: 1, [midway]: 2, [fresh]: 2 });
  });
});

describe("requirements and applications", () => {
  it("a retired requirement is not added to new applications but stays on old ones, with its status", async () => {
    const kat3 = await scheme("fgas-person-iii");
    const idReq = (await db().select().from(requirements).where(and(eq(requirements.schemeId, kat3.id), eq(requirements.code, "id"))).get())!;
    const sven = await applicant();
    const { applicationId: old } = await startApplication(deps(), sven, { schemeId: kat3.id });
    await approveAll(old);

    await retireRequirement(deps(), admin, { requirementId: idReq.id });

    expect(await momentCodes(sven, old)).toEqual(["prov", "id"]);
    expect((await loadApplication(db(), sven, old)).moments.map((m) => m.moment.status)).toEqual(["approved", "approved"]);
    const karin = await applicant();
    const { applicationId: fresh } = await startApplication(deps(), karin, { schemeId: kat3.id });
    expect(await momentCodes(karin, fresh)).toEqual(["prov"]);
  });

  it("a new requirement goes to new applications only; an edited one shows its new name everywhere", async () => {
    const kat4 = await scheme("fgas-person-iv");
    const sven = await applicant();
    const { applicationId: old } = await startApplication(deps(), sven, { schemeId: kat4.id });
    const { requirementId } = await addRequirement(deps(), admin, { schemeId: kat4.id, name: "Intyg om praktik", description: "Intyg från arbetsgivaren.", acceptedTypes: ["pdf"] });
    expect(await momentCodes(sven, old)).toEqual(["prov", "id"]);
    const karin = await applicant();
    const { applicationId: fresh } = await startApplication(deps(), karin, { schemeId: kat4.id });
    expect(await momentCodes(karin, fresh)).toEqual(["prov", "id", "intyg-om-praktik"]);
    await updateRequirement(deps(), admin, { requirementId, name: "Praktikintyg", description: "Intyg från arbetsgivaren.", acceptedTypes: ["pdf", "jpeg"] });
    expect((await loadApplication(db(), karin, fresh)).moments.at(-1)!.requirement).toMatchObject({ name: "Praktikintyg", acceptedTypes: "pdf,jpeg" });
  });
});

describe("Filmall", () => {
  const storedFiles = async () => {
    const entries = await readdir(path.join(t.dataDir, "uploads"), { recursive: true }).catch(() => [] as string[]);
    return entries.filter((e) => /(^|\/)[a-z2-7]{26}$/.test(e)).length;
  };
  const documentCount = async () => (await db().select({ n: count() }).from(documents))[0]!.n;

  it("refuses a file that is not a PDF or an image, with a message, and stores nothing", async () => {
    const req = (await db().select().from(requirements).where(eq(requirements.code, "diplom")).get())!;
    const before = { files: await storedFiles(), docs: await documentCount(), events: (await db().select({ n: count() }).from(events))[0]!.n };
    const refused = await uploadTemplate(deps(), admin, { requirementId: req.id, file: { bytes: new TextEncoder().encode("Hej, det här är ingen PDF."), originalName: "mall.pdf", declaredType: "application/pdf" } }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(Invalid);
    expect((refused as Invalid).fields).toEqual({ file: "”mall.pdf” är inte en PDF, fast namnet eller typen säger det. Spara dokumentet som PDF, eller skanna eller fotografera det, och ladda upp den filen." });
    const docx = await uploadTemplate(deps(), admin, { requirementId: req.id, file: { bytes: Buffer.from("PK\x03\x04word/document.xml"), originalName: "mall.docx" } }).catch((e: unknown) => e);
    expect((docx as Invalid).fields.file).toMatch(/^Filen är inte en PDF, JPEG, PNG eller WebP\./);
    expect({ files: await storedFiles(), docs: await documentCount(), events: (await db().select({ n: count() }).from(events))[0]!.n }).toEqual(before);
    expect((await db().select().from(requirements).where(eq(requirements.id, req.id)).get())!.templateDocumentId).toBeNull();
  });

  it("replaces the current Filmall, keeps the old document, and applicants download the new one", async () => {
    const req = (await db().select().from(requirements).where(eq(requirements.code, "rutiner")).get())!;
    const filesBefore = await storedFiles();
    const first = makePdf({ text: "Mall 1" });
    const { documentId: d1 } = await uploadTemplate(deps(), admin, { requirementId: req.id, file: { bytes: first, originalName: "Mall för rutiner.pdf" } });
    expect((await readTemplate(deps(), req.id)).bytes.equals(first)).toBe(true);
    const png = await makeImage("png", 600, 400);
    const { documentId: d2 } = await uploadTemplate(deps(), admin, { requirementId: req.id, file: { bytes: png, originalName: "mall.png" } });
    expect((await db().select().from(requirements).where(eq(requirements.id, req.id)).get())!.templateDocumentId).toBe(d2);
    expect(await db().select({ id: documents.id }).from(documents).where(eq(documents.id, d1)).get()).toBeDefined();
    expect(await storedFiles()).toBe(filesBefore + 2);
    expect((await readTemplate(deps(), req.id)).mime).toBe("image/png");
    const logged = await db().select().from(events).where(and(eq(events.subjectId, req.id), eq(events.action, "requirement.template_uploaded"))).orderBy(asc(events.id));
    expect(logged.map((e) => e.details)).toEqual([
      { certificate: "F-gaser - Företagscertifikat F-gas", moment: "Rutiner", file: "Mall för rutiner.pdf", documentId: d1, previousDocumentId: null },
      { certificate: "F-gaser - Företagscertifikat F-gas", moment: "Rutiner", file: "mall.png", documentId: d2, previousDocumentId: d1 },
    ]);
  });
});

describe("the next start", () => {
  it("does not overwrite what an admin changed", async () => {
    const kat1 = await scheme("fgas-person-i");
    const area = (await db().select().from(technicalAreas).where(eq(technicalAreas.code, "extern")).get())!;
    await updateArea(deps(), admin, { areaId: area.id, name: "Externa certifikat", sortOrder: area.sortOrder });
    await updateScheme(deps(), admin, { ...kat1, schemeId: kat1.id, priceSek: 5100, invoiced: false, fourEyes: false });
    await publishDeclarationText(deps(), admin, { schemeId: kat1.id, text: "En helt ny förbindelse." });
    const prov = (await db().select().from(requirements).where(and(eq(requirements.schemeId, kat1.id), eq(requirements.code, "prov"))).get())!;
    await updateRequirement(deps(), admin, { requirementId: prov.id, name: "Godkänt prov (teori och praktik)", description: prov.description, acceptedTypes: ["pdf"] });
    const id = (await db().select().from(requirements).where(and(eq(requirements.schemeId, kat1.id), eq(requirements.code, "id"))).get())!;
    await retireRequirement(deps(), admin, { requirementId: id.id });

    // A second start on the same data directory: migrations and the catalogue seeding run again.
    const again = await buildRuntime(deps().config, { clock: t.clock!, mail: deps().mail });
    try {
      const db2 = again.deps.db;
      expect((await db2.select().from(technicalAreas).where(eq(technicalAreas.id, area.id)).get())!.name).toBe("Externa certifikat");
      expect(await db2.select().from(schemes).where(eq(schemes.id, kat1.id)).get()).toMatchObject({ priceOre: 510000, invoiced: false, fourEyes: false });
      const text = await db2.select().from(declarationTexts).where(eq(declarationTexts.schemeId, kat1.id)).orderBy(asc(declarationTexts.version));
      expect(text.map((x) => [x.version, x.text.slice(0, 23)])).toEqual([
        [1, "Jag intygar att uppgift"],
        [2, "En helt ny förbindelse."],
      ]);
      const reqs = await db2.select().from(requirements).where(eq(requirements.schemeId, kat1.id)).orderBy(asc(requirements.sortOrder));
      expect(reqs.filter((r) => r.appliesTo === "initial").map((r) => [r.code, r.name, r.acceptedTypes, r.retiredAt !== null])).toEqual([
        ["prov", "Godkänt prov (teori och praktik)", "pdf", false],
        ["id", "Kopia av legitimation", "pdf,jpeg,png,webp", true],
      ]);
    } finally {
      await again.close();
    }
  });
});
