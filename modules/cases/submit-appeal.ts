import { isUniqueViolation } from "../../db/errors.ts";
import { caseFiles, cases } from "../../db/schema/index.ts";
import { nextNumber } from "../../db/sequences.ts";
import { swedishDate, swedishLongDate } from "../../lib/dates.ts";
import { Conflict, Invalid, NotFound, type FieldErrors } from "../../lib/errors.ts";
import { newId } from "../../lib/ids.ts";
import type { AcceptedUpload, UploadInput } from "../../lib/uploads/accept-upload.ts";
import { recordEvent } from "../audit/index.ts";
import { canActAsApplicant } from "../certification/index.ts";
import type { Actor, Deps } from "../deps.ts";
import { storeDocumentsWith } from "../documents/index.ts";
import { enqueueMail } from "../outbox/index.ts";
import { loadAppealTarget, type AppealTarget, type LoadedTarget } from "./appeal-targets.ts";
import { acceptCaseFiles, requiredText } from "./case-files.ts";
import { APPEALED_LABELS } from "./labels.ts";
import { appealReceivedMail } from "./mails.ts";
import { canAppeal } from "./policy.ts";
import { personOfUser } from "./queries.ts";
import { inLanguage, t, language } from "../../lib/i18n/index.ts";

export interface AppealInput {
  target: AppealTarget;
  /** Why the decision is wrong and what should change. */
  grounds: string;
  files: UploadInput[];
}

/** "beslutet 22 november 2026 att avslå ansökan om F-gaser - …", as the receipt says it, in the language it is said in. */
export function appealedWhat(target: LoadedTarget): string {
  const on = swedishLongDate(target.decidedOn);
  if (target.kind === "moment") return t("appealedWhat.moment", on, target.momentName ?? "", target.title);
  if (target.kind === "refusal") return t("appealedWhat.refusal", on, target.title);
  return target.kind === "suspension" ? t("appealedWhat.suspension", on, target.certificateNumber ?? "", target.title) : t("appealedWhat.withdrawal", on, target.certificateNumber ?? "", target.title);
}

/**
 * "Överklaga beslutet": the applicant (or, for a company, any certifikatsadministratör) appeals a
 * decision that went against them, within the scheme's appeal period, with grounds and files.
 * The files are checked before anything is stored; the case, its files, its Event and the receipt
 * mail are written together, or nothing is.
 */
export async function submitAppeal(deps: Deps, actor: Actor & { userId: string }, input: AppealInput): Promise<{ caseId: string; number: number }> {
  const target = await loadAppealTarget(deps.db, input.target);
  if (!target || !(await canActAsApplicant(deps.db, actor, target))) throw new NotFound();
  const now = deps.clock.now();
  const verdict = canAppeal({ ...target, existingCaseNumber: target.existing?.number ?? null }, swedishDate(now));
  if (!verdict.ok) throw new Conflict(verdict.reason);
  const errors: FieldErrors = {};
  let grounds = "";
  let files: AcceptedUpload[] = [];
  try {
    grounds = requiredText(input.grounds, "grunder", t("appeal.groundsMissing"));
  } catch (e) {
    if (!(e instanceof Invalid)) throw e;
    Object.assign(errors, e.fields);
  }
  try {
    files = await acceptCaseFiles(input.files);
  } catch (e) {
    if (!(e instanceof Invalid)) throw e;
    Object.assign(errors, e.fields);
  }
  if (Object.keys(errors).length) throw new Invalid(errors);
  const appellant = await personOfUser(deps.db, actor.userId);
  const caseId = newId();
  try {
    const number = await storeDocumentsWith(deps, files, actor.userId, async (tx, documentIds) => {
      const number = await nextNumber(tx, "case");
      await tx.insert(cases).values({
        id: caseId,
        number,
        kind: "appeal",
        status: "received",
        appealedKind: target.kind,
        appealedDecisionId: target.decisionId,
        appealedMomentId: target.momentId,
        appealedAt: target.decidedAt,
        appealedDecidedByUserId: target.decidedByUserId,
        deadlineOn: verdict.deadline,
        applicationId: target.applicationId,
        certificateId: target.certificateId,
        personId: target.personId,
        companyId: target.companyId,
        description: grounds,
        submittedByUserId: actor.userId,
        language: language(),
        receivedAt: now,
        updatedAt: now,
      });
      for (const documentId of documentIds) await tx.insert(caseFiles).values({ id: newId(), caseId, documentId, addedAt: now });
      await recordEvent(tx, actor, now, {
        action: "case.appeal_received",
        subjectType: "case",
        subjectId: caseId,
        personId: target.personId ?? actor.personId,
        companyId: target.companyId,
        details: { case: String(number), appealed: inLanguage("sv", () => APPEALED_LABELS[target.kind]), certificate: target.title, ...(target.momentName ? { moment: target.momentName } : {}), files: files.length },
      });
      if (appellant) {
        const to = { email: appellant.email, name: `${appellant.givenName} ${appellant.familyName}`, language: appellant.language ?? language() };
        await enqueueMail(tx, now, "case.appeal_received", appealReceivedMail(deps.config, to, { caseId, number, what: () => appealedWhat(target) }));
      }
      return number;
    });
    deps.mailQueue.kick();
    return { caseId, number };
  } catch (e) {
    // Two tabs, or two admins of one company, at once: the unique index lets one appeal through.
    if (isUniqueViolation(e)) throw new Conflict(t("appeal.alreadyAppealed"));
    throw e;
  }
}
