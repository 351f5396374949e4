import { and, asc, desc, eq, gte, lte, or, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { applications, certificates, invoiceLines, invoices, type InvoiceStatus } from "../../db/schema/index.ts";
import { NotFound } from "../../lib/errors.ts";
import { isStaff, type Actor } from "../deps.ts";
import { isCompanyAdmin } from "../employments/index.ts";

export interface InvoiceFilter {
  status?: InvoiceStatus;
  /** Fakturadatum from and to, inclusive (YYYY-MM-DD). */
  from?: string;
  to?: string;
}

const row = { invoice: invoices, certificateNumber: certificates.number, applicantPersonId: applications.personId, applicantCompanyId: applications.companyId };

function list(db: DbOrTx, where: SQL | undefined) {
  return db
    .select(row)
    .from(invoices)
    .innerJoin(certificates, eq(certificates.id, invoices.certificateId))
    .innerJoin(applications, eq(applications.id, invoices.applicationId))
    .where(where)
    .orderBy(desc(invoices.issuedOn), desc(invoices.number));
}

/** Staff: every invoice, newest first, by status and date. */
export async function listInvoices(db: DbOrTx, filter: InvoiceFilter = {}) {
  const conditions = [
    filter.status ? eq(invoices.status, filter.status) : undefined,
    filter.from ? gte(invoices.issuedOn, filter.from) : undefined,
    filter.to ? lte(invoices.issuedOn, filter.to) : undefined,
  ].filter((c) => c !== undefined);
  return list(db, conditions.length ? and(...conditions) : undefined);
}

export type InvoiceListRow = Awaited<ReturnType<typeof listInvoices>>[number];

/** Min Sida: the invoices of the person's own applications, whoever pays them. */
export async function listInvoicesForPerson(db: DbOrTx, personId: string) {
  return list(db, eq(applications.personId, personId));
}

/** The company page: invoices of its own applications and those its employees had sent to it. */
export async function listInvoicesForCompany(db: DbOrTx, companyId: string) {
  return list(db, or(eq(applications.companyId, companyId), eq(invoices.recipientCompanyId, companyId)));
}

/** One invoice with its lines, for staff, the applicant, or an admin of the applying or paying company. */
export async function getInvoice(db: DbOrTx, actor: Actor, invoiceId: string) {
  const found = await list(db, eq(invoices.id, invoiceId)).get();
  if (!found || !(await canSeeInvoice(db, actor, found))) throw new NotFound();
  const lines = await db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, invoiceId)).orderBy(asc(invoiceLines.sortOrder));
  return { ...found, lines };
}

async function canSeeInvoice(db: DbOrTx, actor: Actor, r: InvoiceListRow): Promise<boolean> {
  if (isStaff(actor)) return true;
  if (r.applicantPersonId !== null && r.applicantPersonId === actor.personId) return true;
  for (const companyId of [r.applicantCompanyId, r.invoice.recipientCompanyId]) {
    if (companyId && (await isCompanyAdmin(db, actor, companyId))) return true;
  }
  return false;
}
