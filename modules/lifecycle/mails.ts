import type { Config } from "../../lib/config.ts";
import { composeMail } from "../../lib/mail/compose.ts";
import type { MailMessage } from "../../lib/mail/mailer.ts";
import type { MailRecipient } from "../review/recipients.ts";
import { RENEWAL_ACTIONS, RENEWAL_LABELS, type RenewalKind } from "./due.ts";

export interface ReminderFacts {
  kind: RenewalKind;
  certificateId: string;
  number: number;
  title: string;
  dueOn: string;
  holderName: string;
  /** To the holder ("ditt"), a company's admins for a company certificate, or an employer's admins. */
  as: "holder" | "company" | "employer";
}

/** "Dags för årlig förlängning" / "Dags för omcertifiering", with the date. */
export function reminderMail(config: Config, to: MailRecipient, r: ReminderFacts): MailMessage {
  const label = RENEWAL_LABELS[r.kind].toLowerCase();
  const whose = r.as === "holder" ? "ditt certifikat" : r.as === "company" ? "företagets certifikat" : `${r.holderName}s certifikat`;
  const last = r.kind === "extension" ? `Certifikatet gäller till och med ${r.dueOn}.` : `Certifieringsperioden slutar ${r.dueOn}.`;
  const what =
    r.as === "employer"
      ? r.kind === "extension"
        ? `Som certifikatsadministratör kan du intyga ${r.holderName}s yrkesverksamhet under "Att intyga" på företagets sida. ${r.holderName} skickar sedan in ansökan.`
        : `${r.holderName} ansöker om omcertifiering från Min Sida.`
      : `Ansök senast ${r.dueOn} från Min Sida: "${RENEWAL_ACTIONS[r.kind]}". Annars går certifikatet ut dagen efter.`;
  return composeMail(
    {
      to: to.email,
      subject: `Dags för ${label}: certifikat nr ${r.number}`,
      greeting: `Hej ${to.name},`,
      paragraphs: [`Det är dags för ${label} av ${whose} ${r.title} (nr ${r.number}).`, last, what],
      action:
        r.as === "employer"
          ? { label: "Gå till Min Sida", url: `${config.publicUrl}/min-sida` }
          : { label: "Visa certifikat", url: `${config.publicUrl}/min-sida/certifikat/${r.certificateId}` },
    },
    config.org,
  );
}

export function renewedMail(config: Config, to: MailRecipient, c: { kind: RenewalKind; certificateId: string; number: number; version: number; title: string; validUntil: string; cycleEndsOn: string; forCompany: boolean }): MailMessage {
  const whose = c.forCompany ? "Företagets" : "Ditt";
  const done = c.kind === "extension" ? "förlängt" : "omcertifierat";
  return composeMail(
    {
      to: to.email,
      subject: `${whose} certifikat nr ${c.number} är ${done}`,
      greeting: `Hej ${to.name},`,
      paragraphs: [
        `${config.org.name} har beviljat ${RENEWAL_LABELS[c.kind].toLowerCase()} av ${c.title} (nr ${c.number}).`,
        `Certifikatet har nu version ${c.version} och gäller till och med ${c.validUntil}.`,
        c.kind === "recertification" ? `En ny certifieringsperiod har börjat; den slutar ${c.cycleEndsOn}.` : `Certifieringsperioden slutar ${c.cycleEndsOn}.`,
        "Den nya versionen finns under Certifikat på Min Sida, där den också kan laddas ned. Tidigare utskrifter visar att en nyare version finns när de kontrolleras.",
      ],
      action: { label: "Visa certifikat", url: `${config.publicUrl}/min-sida/certifikat/${c.certificateId}` },
    },
    config.org,
  );
}

export function attestedMail(config: Config, to: MailRecipient, a: { applicationId: string; title: string; number: number; companyName: string; attestedBy: string }): MailMessage {
  return composeMail(
    {
      to: to.email,
      subject: `Din yrkesverksamhet är intygad: certifikat nr ${a.number}`,
      greeting: `Hej ${to.name},`,
      paragraphs: [
        `${a.attestedBy} på ${a.companyName} har intygat din yrkesverksamhet för årlig förlängning av ${a.title} (nr ${a.number}).`,
        "Gör klart ansökan i certifieringsprocessen: intyga ansökan och ange fakturamottagare. Sedan granskar vi den.",
      ],
      action: { label: "Visa certifieringsprocess", url: `${config.publicUrl}/min-sida/ansokningar/${a.applicationId}` },
    },
    config.org,
  );
}

export function suspensionEndedNotice(config: Config, to: MailRecipient, c: { certificateId: string; number: number; title: string; until: string }): MailMessage {
  return composeMail(
    {
      to: to.email,
      subject: `Vilandeperioden för certifikat nr ${c.number} har slutat`,
      greeting: `Hej ${to.name},`,
      paragraphs: [
        `Certifikat nr ${c.number} (${c.title}) var vilande till och med ${c.until}. Certifikatet är fortfarande vilande: för det här certifikatet återaktiveras det inte av sig självt.`,
        "Besluta om certifikatet ska återaktiveras eller dras in.",
      ],
      action: { label: "Visa certifikatet", url: `${config.publicUrl}/personal/certifikat/${c.certificateId}` },
    },
    config.org,
  );
}
