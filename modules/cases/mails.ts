// What the one who appealed or complained is told at each step. The same functions make the text
// staff see before they confirm a step (web/cases) and the mail the step queues: what staff read
// is what is sent.
import type { CaseKind, CaseOutcome } from "../../db/schema/index.ts";
import type { Config } from "../../lib/config.ts";
import { composeMail } from "../../lib/mail/compose.ts";
import type { MailMessage } from "../../lib/mail/mailer.ts";

export interface CaseRecipient {
  email: string;
  /** Null for a complainant who gave no name. */
  name: string | null;
}

const NOUN: Record<CaseKind, { the: string; your: string; Your: string }> = {
  appeal: { the: "överklagandet", your: "ditt överklagande", Your: "Ditt överklagande" },
  complaint: { the: "klagomålet", your: "ditt klagomål", Your: "Ditt klagomål" },
};

const OUTCOME_WORD: Record<CaseOutcome, string> = { granted: "bifallet", partly_granted: "delvis bifallet", rejected: "avslaget" };

const greeting = (to: CaseRecipient) => (to.name ? `Hej ${to.name},` : "Hej,");
const caseLink = (config: Config, caseId: string) => ({ label: "Visa ärendet", url: `${config.publicUrl.replace(/\/$/, "")}/min-sida/arenden/${caseId}` });

/** Receipt of an appeal: what was appealed, the case number, what happens next. */
export function appealReceivedMail(config: Config, to: CaseRecipient, a: { caseId: string; number: number; what: string }): MailMessage {
  return composeMail(
    {
      to: to.email,
      subject: `Ditt överklagande är mottaget (ärende ${a.number})`,
      greeting: greeting(to),
      paragraphs: [
        `${config.org.name} har tagit emot ditt överklagande av ${a.what}. Ärendenummer: ${a.number}.`,
        "Överklagandet utreds av någon som inte har varit med om beslutet. Du får ett mejl när utredningen börjar och när ärendet är avgjort.",
      ],
      action: caseLink(config, a.caseId),
    },
    config.org,
  );
}

/** Receipt of a complaint, to the address the complainant gave. */
export function complaintReceivedMail(config: Config, to: CaseRecipient, c: { number: number }): MailMessage {
  return composeMail(
    {
      to: to.email,
      subject: `Ditt klagomål är mottaget (ärende ${c.number})`,
      greeting: greeting(to),
      paragraphs: [
        `${config.org.name} har tagit emot ditt klagomål. Ärendenummer: ${c.number}.`,
        "Klagomålet utreds av någon som inte har något samband med det som klagomålet gäller. Du får ett mejl när utredningen börjar och när ärendet är avgjort.",
        "Dina kontaktuppgifter visas bara för den som handlägger ärendet, aldrig för den som klagomålet gäller.",
      ],
    },
    config.org,
  );
}

export type CaseStep = { step: "investigating" } | { step: "decided"; outcome: CaseOutcome; consequence: string | null } | { step: "dismissed" };

/** The mail of a step: Under utredning, Avgjord (with what changed) or Avskriven, with the handler's reason. */
export function caseStepMail(config: Config, to: CaseRecipient, c: { caseId: string; number: number; kind: CaseKind }, s: CaseStep, reason: string): MailMessage {
  const n = NOUN[c.kind];
  const ref = `(ärende ${c.number})`;
  const content =
    s.step === "investigating"
      ? { subject: `${n.Your} utreds ${ref}`, paragraphs: [`${config.org.name} utreder nu ${n.your} ${ref}.`, `Besked från handläggaren: ${reason}`, "Du får ett mejl när ärendet är avgjort."] }
      : s.step === "decided"
        ? {
            subject: `${n.Your} är avgjort ${ref}`,
            paragraphs: [`${config.org.name} har avgjort ${n.your} ${ref}: ${n.the} är ${OUTCOME_WORD[s.outcome]}.`, `Motivering: ${reason}`, ...(s.consequence ? [s.consequence] : [])],
          }
        : { subject: `${n.Your} är avskrivet ${ref}`, paragraphs: [`${config.org.name} har avskrivit ${n.your} ${ref}, det vill säga avslutat ärendet utan att pröva det i sak.`, `Motivering: ${reason}`] };
  return composeMail({ to: to.email, greeting: greeting(to), ...content, ...(c.kind === "appeal" ? { action: caseLink(config, c.caseId) } : {}) }, config.org);
}
