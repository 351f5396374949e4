import { eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { declarationTexts, persons } from "../../db/schema/index.ts";
import { swedishDate } from "../../lib/dates.ts";
import { Forbidden } from "../../lib/errors.ts";
import { activePersonCertificatesInCategory } from "../certificates/index.ts";
import { loadApplication, type LoadedApplication } from "../certification/index.ts";
import { isStaff, type Actor, type Deps } from "../deps.ts";
import { activeEmployees } from "../employments/index.ts";
import { t } from "../../lib/i18n/index.ts";

export interface ChecklistItem {
  key: "requirements" | "declaration" | "invoice_recipient" | "identity" | "company_personnel";
  label: string;
  ok: boolean;
  detail: string;
  /**
   * Something a person must still check (not ok until then): what the decider confirms by ticking
   * it with "Bevilja och utfärda". The grant records who confirmed it, in the decision.
   */
  check?: string;
}

/** What the decider has checked by hand, as ticked on the decision form. */
export type ManualChecks = readonly ChecklistItem["key"][];

export const identityCheck = () => t("checklist.identity.check");

/** The final review ("sista granskning") of an application, as staff see it before deciding. */
export async function finalReviewChecklist(deps: Deps, actor: Actor, input: { applicationId: string }): Promise<ChecklistItem[]> {
  if (!isStaff(actor)) throw new Forbidden();
  const app = await loadApplication(deps.db, actor, input.applicationId);
  return computeChecklist(deps.db, app, swedishDate(deps.clock.now()));
}

/**
 * What must hold before "Bevilja och utfärda"; also run inside the issuing transaction. An item
 * with `check` is a manual to-do: ok only once the decider has ticked it (`checked`).
 */
export async function computeChecklist(db: DbOrTx, app: LoadedApplication, today: string, checked: ManualChecks = []): Promise<ChecklistItem[]> {
  const items: ChecklistItem[] = [requirementsItem(app), await declarationItem(db, app), recipientItem(app), await identityItem(db, app, checked.includes("identity"))];
  if (app.scheme.subject === "COMPANY") items.push(await companyPersonnelItem(db, app, today));
  return items;
}

function requirementsItem(app: LoadedApplication): ChecklistItem {
  const open = app.moments.filter((m) => m.moment.status !== "approved");
  const ok = app.moments.length > 0 && open.length === 0;
  return {
    key: "requirements",
    label: t("checklist.requirements"),
    ok,
    detail: ok ? t("checklist.requirements.ok", app.moments.length) : app.moments.length === 0 ? t("checklist.requirements.none") : t("checklist.requirements.open", open.map((m) => m.requirement.name).join(", ")),
  };
}

async function declarationItem(db: DbOrTx, app: LoadedApplication): Promise<ChecklistItem> {
  const { declarationTextId, declaredAt } = app.application;
  const text = declarationTextId ? await db.select({ version: declarationTexts.version }).from(declarationTexts).where(eq(declarationTexts.id, declarationTextId)).get() : undefined;
  const ok = declaredAt !== null && text !== undefined;
  return {
    key: "declaration",
    label: t("checklist.declaration"),
    ok,
    detail: ok ? t("checklist.declaration.ok", text.version, swedishDate(declaredAt)) : t("checklist.declaration.missing"),
  };
}

function recipientItem(app: LoadedApplication): ChecklistItem {
  const label = t("checklist.recipient");
  if (!app.scheme.invoiced) return { key: "invoice_recipient", label, ok: true, detail: t("checklist.recipient.notNeeded") };
  const r = app.recipient;
  if (!r) return { key: "invoice_recipient", label, ok: false, detail: t("checklist.recipient.missing") };
  return { key: "invoice_recipient", label, ok: true, detail: `${r.name}, ${r.postalCode} ${r.city}${r.reference ? ` ${t("checklist.recipient.reference", r.reference)}` : ""}.` };
}

/** BankID has proved it; without BankID the decider checks it against the ID copy and says so. */
async function identityItem(db: DbOrTx, app: LoadedApplication, checked: boolean): Promise<ChecklistItem> {
  const label = t("checklist.identity");
  if (!app.application.personId) return { key: "identity", label, ok: true, detail: t("checklist.identity.company") };
  const p = await db.select({ method: persons.identityMethod }).from(persons).where(eq(persons.id, app.application.personId)).get();
  if (!p) return { key: "identity", label, ok: false, detail: t("checklist.identity.noPerson") };
  if (p.method === "bankid") return { key: "identity", label, ok: true, detail: t("checklist.identity.bankid") };
  if (checked) return { key: "identity", label, ok: true, detail: t("checklist.identity.checked") };
  return { key: "identity", label, ok: false, check: identityCheck(), detail: t("checklist.identity.todo") };
}

/** The checklist's blockers: what is not done, leaving out the manual to-dos (the staff page asks for those). */
export const failingItems = (items: ChecklistItem[]) => items.filter((i) => !i.ok && !i.check);

/** A company certificate rests on at least one active employee's active person certificate in the category. */
async function companyPersonnelItem(db: DbOrTx, app: LoadedApplication, today: string): Promise<ChecklistItem> {
  const label = t("checklist.personnel");
  const category = app.scheme.category;
  if (!category || !app.application.companyId) return { key: "company_personnel", label, ok: false, detail: t("checklist.personnel.noCategory") };
  const employees = await activeEmployees(db, app.application.companyId, today);
  const held = await activePersonCertificatesInCategory(db, { personIds: employees.map((e) => e.personId), category, today });
  if (held.length === 0) {
    return { key: "company_personnel", label, ok: false, detail: employees.length === 0 ? t("checklist.personnel.noEmployees") : t("checklist.personnel.none") };
  }
  const name = (personId: string | null) => {
    const e = employees.find((x) => x.personId === personId);
    return e ? `${e.givenName} ${e.familyName}` : "";
  };
  return { key: "company_personnel", label, ok: true, detail: held.map((h) => t("checklist.personnel.held", name(h.personId), `${h.areaName} - ${h.schemeName}`, h.number)).join("; ") + "." };
}
