import { and, eq } from "drizzle-orm";
import { applications, companies, invoiceRecipients, persons } from "../../db/schema/index.ts";
import { Conflict, Invalid, NotFound } from "../../lib/errors.ts";
import { recordEvent } from "../audit/index.ts";
import type { Actor, Deps } from "../deps.ts";
import { canActAsApplicant, loadApplication, processState } from "./load-application.ts";
import { awaitingSubmission, canApplicant } from "./state-machine.ts";
import { t } from "../../lib/i18n/index.ts";

export interface AlternativeAddress {
  name: string;
  addressLine1: string;
  addressLine2: string | null;
  postalCode: string;
  city: string;
  country: string;
  phone: string | null;
  email: string | null;
}

export type RecipientChoice =
  | { kind: "company"; companyId: string; reference: string | null }
  | { kind: "personal"; reference: string | null }
  | { kind: "alternative"; address: AlternativeAddress; reference: string | null };

/**
 * Step 4, "Ange fakturamottagare": a registered company, the applicant's own billing address, or an
 * alternative address. What is chosen is copied (frozen) so later edits of a profile or a company
 * do not change whom this application's invoice goes to. A company applies and pays for itself.
 * Until the application is sent ("Granska och skicka in") the applicant may choose again; the
 * new choice replaces the old and is logged like the first.
 */
export async function setInvoiceRecipient(deps: Deps, actor: Actor & { userId: string; personId: string }, input: { applicationId: string; choice: RecipientChoice }): Promise<{ readyToSubmit: boolean }> {
  const app = await loadApplication(deps.db, actor, input.applicationId);
  if (!(await canActAsApplicant(deps.db, actor, app.application))) throw new NotFound();
  const state = processState(app);
  const allowed = canApplicant(state, "set_recipient");
  if (!allowed.ok) throw new Conflict(allowed.reason);
  const choice = input.choice;
  if (app.application.companyId && !(choice.kind === "company" && choice.companyId === app.application.companyId)) {
    throw new Invalid({ mottagare: t("recipient.companyPays") });
  }
  const snapshot = await resolve(deps, actor, choice);
  const now = deps.clock.now();
  await deps.db.transaction(
    async (tx) => {
      // Sent in the meantime (another tab): the recipient the decider sees must not change under them.
      const still = await tx.select({ status: applications.status }).from(applications).where(eq(applications.id, app.application.id)).get();
      if (!still || still.status !== app.application.status) throw new Conflict(t("common.changedMeanwhile"));
      const values = { ...snapshot, reference: choice.reference?.trim() || null, createdAt: now, createdByUserId: actor.userId };
      await tx.insert(invoiceRecipients).values({ applicationId: app.application.id, ...values }).onConflictDoUpdate({ target: invoiceRecipients.applicationId, set: values });
      await recordEvent(tx, actor, now, {
        action: "application.recipient_set",
        subjectType: "application",
        subjectId: app.application.id,
        personId: app.application.personId ?? actor.personId,
        companyId: app.application.companyId,
        details: { kind: choice.kind, recipient: snapshot.name },
      });
    },
    { behavior: "immediate" },
  );
  return { readyToSubmit: awaitingSubmission({ ...state, recipientGiven: true }) };
}

async function resolve(deps: Deps, actor: Actor & { personId: string }, choice: RecipientChoice) {
  if (choice.kind === "company") {
    const c = await deps.db.select().from(companies).where(and(eq(companies.id, choice.companyId), eq(companies.status, "approved"))).get();
    if (!c) throw new Invalid({ mottagare: t("recipient.chooseCompany") });
    return { kind: "company" as const, companyId: c.id, name: c.name, addressLine1: c.addressLine1, addressLine2: c.addressLine2, postalCode: c.postalCode, city: c.city, country: c.country, phone: c.phone, email: c.email };
  }
  if (choice.kind === "personal") {
    const p = await deps.db.select().from(persons).where(eq(persons.id, actor.personId)).get();
    if (!p?.addressLine1 || !p.postalCode || !p.city) {
      throw new Invalid({ mottagare: t("recipient.noBillingAddress") });
    }
    return { kind: "personal" as const, companyId: null, name: p.billingName || `${p.givenName} ${p.familyName}`, addressLine1: p.addressLine1, addressLine2: p.addressLine2, postalCode: p.postalCode, city: p.city, country: p.country || "Sverige", phone: p.mobile, email: p.billingEmail || p.email };
  }
  const a = choice.address;
  const errors: Record<string, string> = {};
  if (!a.addressLine1.trim()) errors.adressrad1 = t("details.addressLine1.missing");
  if (!a.city.trim()) errors.ort = t("details.city.missing");
  if (!a.country.trim()) errors.land = t("recipient.country.missing");
  if (!a.postalCode.trim()) errors.postnummer = t("details.postalCode.missing");
  if (a.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(a.email.trim())) errors.epost = t("recipient.email.invalid");
  if (Object.keys(errors).length) throw new Invalid(errors);
  // Namn is optional on the form: an invoice without one is addressed to the applicant.
  const name = a.name.trim() || (await personName(deps, actor.personId));
  const tidy = (v: string | null) => v?.trim() || null;
  return { kind: "alternative" as const, companyId: null, name, addressLine1: a.addressLine1.trim(), addressLine2: tidy(a.addressLine2), postalCode: a.postalCode.trim(), city: a.city.trim(), country: a.country.trim(), phone: tidy(a.phone), email: tidy(a.email) };
}

async function personName(deps: Deps, personId: string): Promise<string> {
  const p = await deps.db.select({ givenName: persons.givenName, familyName: persons.familyName }).from(persons).where(eq(persons.id, personId)).get();
  return p ? `${p.givenName} ${p.familyName}` : "";
}
