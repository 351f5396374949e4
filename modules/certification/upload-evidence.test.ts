import { count, eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applicationRequirementFiles, applicationRequirements, documents, schemes } from "../../db/schema/index.ts";
import { Conflict, Forbidden, Invalid, NotFound } from "../../lib/errors.ts";
import { exifGpsLatitude, makeImage, makeJpegWithGps, makePdf } from "../../lib/uploads/test-files.ts";
import { startTestApp, type TestApp } from "../../test/harness.ts";
import { seedUser } from "../../test/fixtures.ts";
import { actorForUser } from "../accounts/find-user.ts";
import type { Actor } from "../deps.ts";
import { readDocument } from "../documents/index.ts";
import { reviewRequirement } from "../review/review-requirement.ts";
import { loadApplication } from "./load-application.ts";
import { startApplication } from "./start-application.ts";
import { uploadEvidence } from "./upload-evidence.ts";

type UserActor = Actor & { userId: string; personId: string };
let t: TestApp;
let sven: UserActor;
let other: UserActor;
let reviewer: UserActor;
let applicationId: string;
let momentId: string;

const actor = async (email: string, roles: ("applicant" | "reviewer")[] = ["applicant"]) => (await actorForUser(t.runtime.deps.db, (await seedUser(t.runtime.deps, { email, roles })).userId)) as UserActor;
const documentCount = async () => (await t.runtime.deps.db.select({ n: count() }).from(documents))[0]!.n;
const upload = (bytes: Buffer | Uint8Array, originalName: string, who: UserActor = sven) => uploadEvidence(t.runtime.deps, who, { applicationId, momentId, file: { bytes, originalName } });
const moment = async () => (await t.runtime.deps.db.select().from(applicationRequirements).where(eq(applicationRequirements.id, momentId)).get())!;

beforeAll(async () => {
  t = await startTestApp();
  sven = await actor("sven@example.se");
  other = await actor("other@example.se");
  reviewer = await actor("granskare@example.org", ["reviewer"]);
  const scheme = await t.runtime.deps.db.select().from(schemes).where(eq(schemes.code, "fgas-utbildningsintyg-mac")).get();
  applicationId = (await startApplication(t.runtime.deps, sven, { schemeId: scheme!.id })).applicationId;
  momentId = (await loadApplication(t.runtime.deps.db, sven, applicationId)).moments[0]!.moment.id;
});
afterAll(() => t.close());

describe("Ladda upp fil", () => {
  it("refuses bad files with a clear message and stores nothing", async () => {
    const before = await documentCount();
    const html = Buffer.from("<!doctype html><html><body><script>alert(1)</script></body></html>");
    const cases: [Buffer | Uint8Array, string, RegExp][] = [
      [html, "Diplom.pdf", /inte en PDF/],
      [Buffer.alloc(0), "tom.pdf", /tom/],
      [Buffer.concat([makePdf(), Buffer.alloc(21 * 1024 * 1024)]), "stor.pdf", /för stor/],
      [await makeImage("png", 50, 50), "liten.png", /för liten/],
    ];
    for (const [bytes, name, message] of cases) {
      const error = await upload(bytes, name).catch((e: unknown) => e);
      expect(error, name).toBeInstanceOf(Invalid);
      expect((error as Invalid).fields.file, name).toMatch(message);
    }
    expect(await documentCount()).toBe(before);
    expect((await moment()).status).toBe("awaiting_file");
  });

  it("takes a PNG named .pdf as the PNG it is", async () => {
    await upload(await makeImage("png", 800, 600), "Diplom.pdf");
    const m = await moment();
    expect(m.status).toBe("awaiting_review");
    const doc = await readDocument(t.runtime.deps, m.latestDocumentId!);
    expect(doc.mime).toBe("image/png");
    expect(doc.originalName).toBe("Diplom.png");
  });

  it("strips GPS and other metadata from a photo", async () => {
    const photo = await makeJpegWithGps();
    expect(exifGpsLatitude((await sharp(photo).metadata()).exif)).toBeDefined();
    await upload(photo, "foto.jpg");
    const doc = await readDocument(t.runtime.deps, (await moment()).latestDocumentId!);
    const meta = await sharp(doc.bytes).metadata();
    expect(meta.exif).toBeUndefined();
    expect(doc.bytes.includes(Buffer.from("Testkamera"))).toBe(false);
    const files = await t.runtime.deps.db.select().from(applicationRequirementFiles).where(eq(applicationRequirementFiles.applicationRequirementId, momentId));
    expect(files).toHaveLength(2);
  });

  it("is closed to anyone but the applicant, who learns nothing of others' applications", async () => {
    await expect(upload(makePdf(), "x.pdf", other)).rejects.toBeInstanceOf(NotFound);
    await expect(loadApplication(t.runtime.deps.db, other, applicationId)).rejects.toBeInstanceOf(NotFound);
  });
});

describe("review of a Moment (driven through the module until the staff pages exist)", () => {
  it("rejects with a comment the applicant sees and is mailed, then takes a new file", async () => {
    await expect(reviewRequirement(t.runtime.deps, sven, { applicationId, momentId, approve: true, comment: null })).rejects.toBeInstanceOf(Forbidden);
    await expect(reviewRequirement(t.runtime.deps, reviewer, { applicationId, momentId, approve: false, comment: "" })).rejects.toBeInstanceOf(Invalid);
    await reviewRequirement(t.runtime.deps, reviewer, { applicationId, momentId, approve: false, comment: "Intyget är oläsligt. Ladda upp en skarpare bild." });
    const m = await moment();
    expect(m).toMatchObject({ status: "rejected", reviewComment: "Intyget är oläsligt. Ladda upp en skarpare bild.", reviewedByUserId: reviewer.userId });
    const mail = await t.mail.waitFor((x) => x.to.includes("sven@example.se") && x.subject.includes("ej godkänt"));
    expect(mail.text).toContain("Intyget är oläsligt");
    await expect(reviewRequirement(t.runtime.deps, reviewer, { applicationId, momentId, approve: true, comment: null })).rejects.toBeInstanceOf(Conflict);
    await upload(makePdf({ text: "Kursintyg" }), "Kursintyg.pdf");
    expect((await moment()).status).toBe("awaiting_review");
    await reviewRequirement(t.runtime.deps, reviewer, { applicationId, momentId, approve: true, comment: null });
    expect((await moment()).status).toBe("approved");
    await expect(upload(makePdf(), "igen.pdf")).rejects.toBeInstanceOf(Conflict);
  });
});
