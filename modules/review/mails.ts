import type { Config } from "../../lib/config.ts";
import { composeMail } from "../../lib/mail/compose.ts";
import type { MailMessage } from "../../lib/mail/mailer.ts";
import type { MailRecipient } from "./recipients.ts";

/** A company's admins read "företagets" where a person reads "ditt". */
function whose(forCompany: boolean) {
  return forCompany ? { cert: "företagets certifikat", Cert: "Företagets certifikat", app: "företagets ansökan", App: "Företagets ansökan" } : { cert: "ditt certifikat", Cert: "Ditt certifikat", app: "din ansökan", App: "Din ansökan" };
}

export interface CertificateFacts {
  certificateId: string;
  number: number;
  title: string;
  validUntil: string | null;
  forCompany: boolean;
}

export function issuedMail(config: Config, to: MailRecipient, c: CertificateFacts): MailMessage {
  const w = whose(c.forCompany);
  return composeMail(
    {
      to: to.email,
      subject: `${w.Cert} är utfärdat`,
      greeting: `Hej ${to.name},`,
      paragraphs: [
        `${config.org.name} har gjort en sista granskning av ${w.app} om ${c.title} och utfärdat certifikatet.`,
        `Certifikatnummer: ${c.number}`,
        c.validUntil ? `Giltigt till: ${c.validUntil}` : "Certifikatet har inget slutdatum.",
        "Certifikatet finns under Certifikat på Min Sida, där det också kan laddas ned.",
      ],
      action: { label: "Visa certifikat", url: `${config.publicUrl}/min-sida/certifikat/${c.certificateId}` },
    },
    config.org,
  );
}

export interface ApplicationFacts {
  applicationId: string;
  title: string;
  forCompany: boolean;
  reason: string;
}

export function refusedMail(config: Config, to: MailRecipient, a: ApplicationFacts): MailMessage {
  const w = whose(a.forCompany);
  return composeMail(
    {
      to: to.email,
      subject: `${w.App} om ${a.title} har avslagits`,
      greeting: `Hej ${to.name},`,
      paragraphs: [`${config.org.name} har fattat beslut om ${w.app} om ${a.title}: ansökan avslås.`, `Motivering: ${a.reason}`, "Har du frågor om beslutet är du välkommen att kontakta oss."],
      action: { label: "Visa certifieringsprocess", url: `${config.publicUrl}/min-sida/ansokningar/${a.applicationId}` },
    },
    config.org,
  );
}

export function returnedMail(config: Config, to: MailRecipient, a: ApplicationFacts & { moments: string[] }): MailMessage {
  const w = whose(a.forCompany);
  return composeMail(
    {
      to: to.email,
      subject: `${w.App} om ${a.title} behöver kompletteras`,
      greeting: `Hej ${to.name},`,
      paragraphs: [
        `${config.org.name} har gjort en sista granskning av ${w.app} om ${a.title} och returnerar den för komplettering.`,
        `Det här behöver kompletteras: ${a.reason}`,
        `Moment att komplettera: ${a.moments.join(", ")}.`,
        "Ladda upp en ny fil för varje moment i certifieringsprocessen. När momenten är godkända granskas ansökan igen.",
      ],
      action: { label: "Visa certifieringsprocess", url: `${config.publicUrl}/min-sida/ansokningar/${a.applicationId}` },
    },
    config.org,
  );
}

export interface CertificateDecisionFacts extends CertificateFacts {
  effectiveOn: string;
  reason: string | null;
  until?: string;
}

export function suspendedMail(config: Config, to: MailRecipient, c: CertificateDecisionFacts): MailMessage {
  const w = whose(c.forCompany);
  return certificateMail(config, to, c, `${w.Cert} nr ${c.number} är vilande`, [
    `${config.org.name} har beslutat att ${w.cert} ${c.title} (nr ${c.number}) är vilande från och med ${c.effectiveOn} till och med ${c.until}.`,
    `Skäl: ${c.reason}`,
    "Så länge certifikatet är vilande visas det som Vilande, också för den som kontrollerar det.",
  ]);
}

export function reinstatedMail(config: Config, to: MailRecipient, c: CertificateDecisionFacts): MailMessage {
  const w = whose(c.forCompany);
  return certificateMail(config, to, c, `${w.Cert} nr ${c.number} är återaktiverat`, [
    `${config.org.name} har beslutat att ${w.cert} ${c.title} (nr ${c.number}) är aktivt igen från och med ${c.effectiveOn}.`,
    ...(c.reason ? [`Kommentar: ${c.reason}`] : []),
  ]);
}

export function withdrawnMail(config: Config, to: MailRecipient, c: CertificateDecisionFacts): MailMessage {
  const w = whose(c.forCompany);
  return certificateMail(config, to, c, `${w.Cert} nr ${c.number} är indraget`, [
    `${config.org.name} har beslutat att dra in ${w.cert} ${c.title} (nr ${c.number}) från och med ${c.effectiveOn}.`,
    `Skäl: ${c.reason}`,
    "Ett indraget certifikat kan inte återaktiveras, och det får inte längre användas eller hänvisas till.",
  ]);
}

function certificateMail(config: Config, to: MailRecipient, c: CertificateFacts, subject: string, paragraphs: string[]): MailMessage {
  return composeMail(
    { to: to.email, subject, greeting: `Hej ${to.name},`, paragraphs, action: { label: "Visa certifikat", url: `${config.publicUrl}/min-sida/certifikat/${c.certificateId}` } },
    config.org,
  );
}
