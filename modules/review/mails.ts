import type { Config } from "../../lib/config.ts";
import { t } from "../../lib/i18n/index.ts";
import { composeMail } from "../../lib/mail/compose.ts";
import type { MailMessage } from "../../lib/mail/mailer.ts";
import { inLanguageOf, type MailRecipient } from "./recipients.ts";

/**
 * A company's admins read "företagets" where a person reads "ditt". In the language the mail is
 * composed in: its recipient's (mailIn).
 */
function whose(forCompany: boolean) {
  return forCompany
    ? { cert: t("mail.whose.company.cert"), Cert: t("mail.whose.company.Cert"), app: t("mail.whose.company.app"), App: t("mail.whose.company.App") }
    : { cert: t("mail.whose.own.cert"), Cert: t("mail.whose.own.Cert"), app: t("mail.whose.own.app"), App: t("mail.whose.own.App") };
}

export interface CertificateFacts {
  certificateId: string;
  number: number;
  title: string;
  validUntil: string | null;
  forCompany: boolean;
}

export function issuedMail(config: Config, to: MailRecipient, c: CertificateFacts): MailMessage {
  return inLanguageOf(to, () => {
    const w = whose(c.forCompany);
    return composeMail(
      {
        to: to.email,
        subject: t("mail.issued.subject", w.Cert),
        greeting: t("mail.greeting", to.name),
        paragraphs: [
          t("mail.issued.text", config.org.name, w.app, c.title),
          t("mail.issued.number", c.number),
          c.validUntil ? t("mail.issued.validUntil", c.validUntil) : t("mail.issued.noEnd"),
          t("mail.issued.where"),
        ],
        action: { label: t("certPage.show"), url: `${config.publicUrl}/min-sida/certifikat/${c.certificateId}` },
      },
      config.org,
    );
  });
}

export interface ApplicationFacts {
  applicationId: string;
  title: string;
  forCompany: boolean;
  reason: string;
}

export function refusedMail(config: Config, to: MailRecipient, a: ApplicationFacts): MailMessage {
  return inLanguageOf(to, () => {
    const w = whose(a.forCompany);
    return composeMail(
      {
        to: to.email,
        subject: t("mail.refused.subject", w.App, a.title),
        greeting: t("mail.greeting", to.name),
        paragraphs: [t("mail.refused.text", config.org.name, w.app, a.title), t("mail.reason", a.reason), t("mail.refused.questions")],
        action: { label: t("process.show"), url: `${config.publicUrl}/min-sida/ansokningar/${a.applicationId}` },
      },
      config.org,
    );
  });
}

export function returnedMail(config: Config, to: MailRecipient, a: ApplicationFacts & { moments: string[] }): MailMessage {
  return inLanguageOf(to, () => {
    const w = whose(a.forCompany);
    return composeMail(
      {
        to: to.email,
        subject: t("mail.returned.subject", w.App, a.title),
        greeting: t("mail.greeting", to.name),
        paragraphs: [t("mail.returned.text", config.org.name, w.app, a.title), t("mail.returned.what", a.reason), t("mail.returned.moments", a.moments.join(", ")), t("mail.returned.upload")],
        action: { label: t("process.show"), url: `${config.publicUrl}/min-sida/ansokningar/${a.applicationId}` },
      },
      config.org,
    );
  });
}

export interface CertificateDecisionFacts extends CertificateFacts {
  effectiveOn: string;
  reason: string | null;
  until?: string;
}

export function suspendedMail(config: Config, to: MailRecipient, c: CertificateDecisionFacts): MailMessage {
  return inLanguageOf(to, () => {
    const w = whose(c.forCompany);
    return certificateMail(config, to, c, t("mail.suspended.subject", w.Cert, c.number), [
      t("mail.suspended.text", config.org.name, w.cert, c.title, c.number, c.effectiveOn, c.until ?? ""),
      t("mail.grounds", c.reason ?? ""),
      t("mail.suspended.shown"),
    ]);
  });
}

export function reinstatedMail(config: Config, to: MailRecipient, c: CertificateDecisionFacts): MailMessage {
  return inLanguageOf(to, () => {
    const w = whose(c.forCompany);
    return certificateMail(config, to, c, t("mail.reinstated.subject", w.Cert, c.number), [
      t("mail.reinstated.text", config.org.name, w.cert, c.title, c.number, c.effectiveOn),
      ...(c.reason ? [t("mail.comment", c.reason)] : []),
    ]);
  });
}

export function withdrawnMail(config: Config, to: MailRecipient, c: CertificateDecisionFacts): MailMessage {
  return inLanguageOf(to, () => {
    const w = whose(c.forCompany);
    return certificateMail(config, to, c, t("mail.withdrawn.subject", w.Cert, c.number), [
      t("mail.withdrawn.text", config.org.name, w.cert, c.title, c.number, c.effectiveOn),
      t("mail.grounds", c.reason ?? ""),
      t("mail.withdrawn.final"),
    ]);
  });
}

function certificateMail(config: Config, to: MailRecipient, c: CertificateFacts, subject: string, paragraphs: string[]): MailMessage {
  return composeMail(
    { to: to.email, subject, greeting: t("mail.greeting", to.name), paragraphs, action: { label: t("certPage.show"), url: `${config.publicUrl}/min-sida/certifikat/${c.certificateId}` } },
    config.org,
  );
}
