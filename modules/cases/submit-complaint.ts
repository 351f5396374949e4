import { desc, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { caseFiles, cases, certificates } from "../../db/schema/index.ts";
import { nextNumber } from "../../db/sequences.ts";
import { Invalid, type FieldErrors } from "../../lib/errors.ts";
import { parseOrgNumber } from "../../lib/identity/orgnummer.ts";
import { newId } from "../../lib/ids.ts";
import type { AcceptedUpload, UploadInput } from "../../lib/uploads/accept-upload.ts";
import { recordEvent } from "../audit/index.ts";
import type { Actor, Deps } from "../deps.ts";
import { storeDocumentsWith } from "../documents/index.ts";
import { findCompanyByExactOrgNumber } from "../employments/index.ts";
import { enqueueMail } from "../outbox/index.ts";
import { parseCertificateNumber } from "../verification/index.ts";
import { acceptCaseFiles, requiredText } from "./case-files.ts";
import { complaintReceivedMail } from "./mails.ts";
import { t, language } from "../../lib/i18n/index.ts";

export interface ComplaintInput {
  description: string;
  certificateNumber?: string | null;
  orgNumber?: string | null;
  name?: string | null;
  email?: string | null;
  phone?: string | null;
  files: UploadInput[];
}

/** A visitor who is not logged in, as the Händelselogg names them. */
const VISITOR: Actor = { userId: null, personId: null, name: "Besökare (Lämna klagomål)", roles: [] };

const EMAIL = /^[^\s@<>",;]+@[^\s@<>",;]+\.[^\s@<>",;]+$/;
const PHONE = /^[\d\s+()-]{5,30}$/;

interface Concerned {
  certificateId: string | null;
  applicationId: string | null;
  personId: string | null;
  companyId: string | null;
  certificateNumberGiven: string | null;
  orgNumberGiven: string | null;
}

/** The certificate and company the complainant named, if any; a number that is no certificate is said so. */
async function concerned(db: DbOrTx, input: ComplaintInput, errors: FieldErrors): Promise<Concerned> {
  const out: Concerned = { certificateId: null, applicationId: null, personId: null, companyId: null, certificateNumberGiven: null, orgNumberGiven: null };
  const typed = (input.certificateNumber ?? "").replace(/\s+/g, "").slice(0, 40);
  if (typed) {
    const number = parseCertificateNumber(typed);
    const cert = number === null ? undefined : await db.select().from(certificates).where(eq(certificates.number, number)).orderBy(desc(certificates.version)).get();
    if (number === null) errors.certifikat = t("complaint.err.certificateDigits");
    else if (!cert) errors.certifikat = t("complaint.err.noCertificate", number);
    else Object.assign(out, { certificateId: cert.id, applicationId: cert.applicationId, personId: cert.personId, companyId: cert.companyId, certificateNumberGiven: String(number) });
  }
  const org = (input.orgNumber ?? "").trim().slice(0, 40);
  if (org) {
    const parsed = parseOrgNumber(org);
    if (!parsed.ok) errors.orgnr = `${parsed.message} ${t("complaint.err.orgnrEmpty")}`;
    else {
      out.orgNumberGiven = parsed.value;
      // A person's certificate and the firm they worked for: the firm is concerned too.
      out.companyId ??= (await findCompanyByExactOrgNumber(db, parsed.value))?.id ?? null;
    }
  }
  return out;
}

function contact(input: ComplaintInput, errors: FieldErrors) {
  const name = (input.name ?? "").trim() || null;
  const email = (input.email ?? "").trim().toLowerCase() || null;
  const phone = (input.phone ?? "").trim() || null;
  if (name && [...name].length > 200) errors.namn = t("complaint.err.name");
  if (email && (email.length > 254 || !EMAIL.test(email))) errors.epost = t("complaint.err.email");
  if (phone && !PHONE.test(phone)) errors.telefon = t("complaint.err.phone");
  return { name, email, phone };
}

/**
 * "Lämna klagomål": anyone, logged in or not, describes a problem with a certificate holder's work
 * or the use of a certificate (or with us), optionally naming the certificate or company and
 * giving contact details and files. Nothing about it reaches the holder or the public: its Event
 * names no person or company, and only staff see the case.
 */
export async function submitComplaint(deps: Deps, actor: Actor | null, input: ComplaintInput): Promise<{ caseId: string; number: number; mailed: boolean }> {
  const errors: FieldErrors = {};
  let description = "";
  try {
    description = requiredText(input.description, "beskrivning", t("complaint.err.description"));
  } catch (e) {
    if (!(e instanceof Invalid)) throw e;
    Object.assign(errors, e.fields);
  }
  const about = await concerned(deps.db, input, errors);
  const who = contact(input, errors);
  let files: AcceptedUpload[] = [];
  try {
    files = await acceptCaseFiles(input.files);
  } catch (e) {
    if (!(e instanceof Invalid)) throw e;
    Object.assign(errors, e.fields);
  }
  if (Object.keys(errors).length) throw new Invalid(errors);
  const now = deps.clock.now();
  const caseId = newId();
  const by = actor?.userId ?? null;
  const number = await storeDocumentsWith(deps, files, by, async (tx, documentIds) => {
    const number = await nextNumber(tx, "case");
    await tx.insert(cases).values({ id: caseId, number, kind: "complaint", status: "received", ...about, description, submittedByUserId: by, contactName: who.name, contactEmail: who.email, contactPhone: who.phone, language: language(), receivedAt: now, updatedAt: now });
    for (const documentId of documentIds) await tx.insert(caseFiles).values({ id: newId(), caseId, documentId, addedAt: now });
    await recordEvent(tx, actor ?? VISITOR, now, { action: "case.complaint_received", subjectType: "case", subjectId: caseId, details: { case: String(number), files: files.length } });
    if (who.email) await enqueueMail(tx, now, "case.complaint_received", complaintReceivedMail(deps.config, { email: who.email, name: who.name, language: language() }, { number }));
    return number;
  });
  deps.mailQueue.kick();
  return { caseId, number, mailed: who.email !== null };
}

