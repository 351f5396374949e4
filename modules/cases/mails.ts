// What the one who appealed or complained is told at each step. The same functions make the text
// staff see before they confirm a step (web/cases) and the mail the step queues: what staff read
// is what is sent.
import type { CaseKind, CaseOutcome } from "../../db/schema/index.ts";
import type { Config } from "../../lib/config.ts";
import { composeMail } from "../../lib/mail/compose.ts";
import type { MailMessage } from "../../lib/mail/mailer.ts";
import { t, labels, inLanguage, type Language } from "../../lib/i18n/index.ts";

export interface CaseRecipient {
  email: string;
  /** Null for a complainant who gave no name. */
  name: string | null;
  /** The language of every mail about the case (parties.ts caseRecipient says which). */
  language: Language;
}

const NOUN = {
  appeal: labels({ the: "caseMail.appeal.the", your: "caseMail.appeal.your", Your: "caseMail.appeal.Your" }),
  complaint: labels({ the: "caseMail.complaint.the", your: "caseMail.complaint.your", Your: "caseMail.complaint.Your" }),
} satisfies Record<CaseKind, Record<"the" | "your" | "Your", string>>;

const OUTCOME_WORD: Record<CaseOutcome, string> = labels({ granted: "caseMail.outcome.granted", partly_granted: "caseMail.outcome.partly_granted", rejected: "caseMail.outcome.rejected" });

const greeting = (to: CaseRecipient) => (to.name ? t("mail.greeting", to.name) : t("mail.invoice.hello"));
const caseLink = (config: Config, caseId: string) => ({ label: t("caseMail.show"), url: `${config.publicUrl.replace(/\/$/, "")}/min-sida/arenden/${caseId}` });

/** Receipt of an appeal: what was appealed (`what`, said in the recipient's language), the case number, what happens next. */
export function appealReceivedMail(config: Config, to: CaseRecipient, a: { caseId: string; number: number; what: () => string }): MailMessage {
  return inLanguage(to.language, () =>
    composeMail(
      {
        to: to.email,
        subject: t("caseMail.appealReceived.subject", a.number),
        greeting: greeting(to),
        paragraphs: [t("caseMail.appealReceived.text", config.org.name, a.what(), a.number), t("caseMail.appealReceived.next")],
        action: caseLink(config, a.caseId),
      },
      config.org,
    ),
  );
}

/** Receipt of a complaint, to the address the complainant gave. */
export function complaintReceivedMail(config: Config, to: CaseRecipient, c: { number: number }): MailMessage {
  return inLanguage(to.language, () =>
    composeMail(
      {
        to: to.email,
        subject: t("caseMail.complaintReceived.subject", c.number),
        greeting: greeting(to),
        paragraphs: [t("caseMail.complaintReceived.text", config.org.name, c.number), t("caseMail.complaintReceived.next"), t("caseMail.complaintReceived.privacy")],
      },
      config.org,
    ),
  );
}

/** A decided case's consequence is a function: said in the recipient's language when the mail is composed. */
export type CaseStep = { step: "investigating" } | { step: "decided"; outcome: CaseOutcome; consequence: (() => string) | null } | { step: "dismissed" };

/** The mail of a step: Under utredning, Avgjord (with what changed) or Avskriven, with the handler's reason. */
export function caseStepMail(config: Config, to: CaseRecipient, c: { caseId: string; number: number; kind: CaseKind }, s: CaseStep, reason: string): MailMessage {
  return inLanguage(to.language, () => {
    const n = NOUN[c.kind];
    const ref = t("caseMail.ref", c.number);
    const org = config.org.name;
    const content =
      s.step === "investigating"
        ? { subject: t("caseMail.investigating.subject", n.Your, ref), paragraphs: [t("caseMail.investigating.text", org, n.your, ref), t("caseMail.investigating.message", reason), t("caseMail.investigating.next")] }
        : s.step === "decided"
          ? {
              subject: t("caseMail.decided.subject", n.Your, ref),
              paragraphs: [t("caseMail.decided.text", org, n.your, ref, n.the, OUTCOME_WORD[s.outcome]), t("caseMail.reasons", reason), ...(s.consequence ? [s.consequence()] : [])],
            }
          : { subject: t("caseMail.dismissed.subject", n.Your, ref), paragraphs: [t("caseMail.dismissed.text", org, n.your, ref), t("caseMail.reasons", reason)] };
    return composeMail({ to: to.email, greeting: greeting(to), ...content, ...(c.kind === "appeal" ? { action: caseLink(config, c.caseId) } : {}) }, config.org);
  });
}
