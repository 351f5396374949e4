// Demo certificates made the way real ones are: through the certification and review operations
// (apply, upload, review, intyga, fakturamottagare, skicka in, decide), so the demo shows real numbers, QR
// codes, PDFs, invoices, event logs and a reviewer's queue with something in it.
import { eq } from "drizzle-orm";
import { makePdf } from "../../lib/uploads/test-files.ts";
import { actorForUser } from "../../modules/accounts/find-user.ts";
import { currentDeclaration, declare, loadApplication, setInvoiceRecipient, startApplication, submitApplication, uploadEvidence, type RecipientChoice } from "../../modules/certification/index.ts";
import type { Actor, Deps } from "../../modules/deps.ts";
import { decideApplication, reviewRequirement } from "../../modules/review/index.ts";
import { companies, persons, schemes, users } from "../schema/index.ts";

type UserActor = Actor & { userId: string; personId: string };

async function actorByEmail(deps: Deps, email: string): Promise<UserActor> {
  const row = await deps.db.select({ userId: users.id }).from(users).innerJoin(persons, eq(persons.id, users.personId)).where(eq(persons.email, email)).get();
  if (!row) throw new Error(`demo user ${email} missing`);
  return (await actorForUser(deps.db, row.userId)) as UserActor;
}

async function schemeId(deps: Deps, code: string): Promise<string> {
  const s = await deps.db.select({ id: schemes.id }).from(schemes).where(eq(schemes.code, code)).get();
  if (!s) throw new Error(`demo scheme ${code} missing`);
  return s.id;
}

/** Apply and upload a file per Moment; returns the application. */
async function applyAndUpload(deps: Deps, applicant: UserActor, code: string, companyId?: string) {
  const { applicationId } = await startApplication(deps, applicant, { schemeId: await schemeId(deps, code), companyId: companyId ?? null });
  const app = await loadApplication(deps.db, applicant, applicationId);
  for (const m of app.moments) {
    await uploadEvidence(deps, applicant, { applicationId, momentId: m.moment.id, file: { bytes: makePdf({ text: m.requirement.name.replace(/[()\\]/g, "") }), originalName: `${m.requirement.code}.pdf` } });
  }
  return applicationId;
}

async function throughToDecision(deps: Deps, who: { applicant: UserActor; reviewer: UserActor; decider: UserActor }, code: string, recipient: RecipientChoice | null, companyId?: string, validUntil?: string) {
  const applicationId = await applyAndUpload(deps, who.applicant, code, companyId);
  for (const m of (await loadApplication(deps.db, who.reviewer, applicationId)).moments) {
    await reviewRequirement(deps, who.reviewer, { applicationId, momentId: m.moment.id, approve: true, comment: null });
  }
  const text = await currentDeclaration(deps, await schemeId(deps, code));
  const { readyToSubmit } = await declare(deps, who.applicant, { applicationId, declarationTextId: text.id });
  if (!readyToSubmit && recipient) await setInvoiceRecipient(deps, who.applicant, { applicationId, choice: recipient });
  await submitApplication(deps, who.applicant, { applicationId });
  return decideApplication(deps, who.decider, { applicationId, decision: "grant", validUntil: validUntil ?? null });
}

export async function seedDemoCertification(deps: Deps): Promise<void> {
  const [sven, maria, karin, reviewer, decider] = await Promise.all(
    ["sven.svensson@example.se", "maria.nowak@example.com", "karin.lindqvist@example.se", "greta.granskare@example.org", "bo.beslut@example.org"].map((e) => actorByEmail(deps, e)),
  );
  const kyl = (await deps.db.select({ id: companies.id }).from(companies).where(eq(companies.orgNumber, "5560160680")).get())!.id;
  const payer: RecipientChoice = { kind: "company", companyId: kyl, reference: "Sven Svensson" };
  // Sven: the manual's Utbildningsintyg Mobil AC, and a category I person certificate issued
  // eleven months ago, so that its Årlig förlängning is due now: Sven sees it on Min Sida, Karin
  // can attest his activity under "Att intyga", and the first daily sweep reminds them both.
  await throughToDecision(deps, { applicant: sven!, reviewer: reviewer!, decider: decider! }, "fgas-utbildningsintyg-mac", payer);
  const issuedOn = new Date(deps.clock.now().getTime() - (365 - 40) * 86_400_000);
  const past: Deps = { ...deps, clock: { now: () => issuedOn } };
  await throughToDecision(past, { applicant: sven!, reviewer: reviewer!, decider: decider! }, "fgas-person-i", payer);
  // Exempel Kyl AB's company certificate rests on Sven's.
  await throughToDecision(deps, { applicant: karin!, reviewer: reviewer!, decider: decider! }, "fgas-foretag", { kind: "company", companyId: kyl, reference: null }, kyl);
  // Maria: an external certificate waiting in the reviewer's queue.
  await applyAndUpload(deps, maria!, "extern-fgas-ii");
}
