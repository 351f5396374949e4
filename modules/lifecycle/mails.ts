import type { Config } from "../../lib/config.ts";
import { t } from "../../lib/i18n/index.ts";
import { composeMail } from "../../lib/mail/compose.ts";
import type { MailMessage } from "../../lib/mail/mailer.ts";
import { inLanguageOf, type MailRecipient } from "../review/recipients.ts";
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

/** "Dags för årlig förlängning" / "Dags för omcertifiering", with the date; in the recipient's language. */
export function reminderMail(config: Config, to: MailRecipient, r: ReminderFacts): MailMessage {
  return inLanguageOf(to, () => {
    const label = RENEWAL_LABELS[r.kind].toLowerCase();
    const whose = r.as === "holder" ? t("mail.whose.own.cert") : r.as === "company" ? t("mail.whose.company.cert") : t("mail.reminder.theirs", r.holderName);
    const last = r.kind === "extension" ? t("mail.reminder.validUntil", r.dueOn) : t("due.periodEnds", r.dueOn);
    const what =
      r.as === "employer"
        ? r.kind === "extension"
          ? t("mail.reminder.employer.extension", r.holderName)
          : t("mail.reminder.employer.recertification", r.holderName)
        : t("mail.reminder.apply", r.dueOn, RENEWAL_ACTIONS[r.kind]);
    return composeMail(
      {
        to: to.email,
        subject: t("mail.reminder.subject", label, r.number),
        greeting: t("mail.greeting", to.name),
        paragraphs: [t("mail.reminder.text", label, whose, r.title, r.number), last, what],
        action: r.as === "employer" ? { label: t("mail.toMinSida"), url: `${config.publicUrl}/min-sida` } : { label: t("certPage.show"), url: `${config.publicUrl}/min-sida/certifikat/${r.certificateId}` },
      },
      config.org,
    );
  });
}

export function renewedMail(config: Config, to: MailRecipient, c: { kind: RenewalKind; certificateId: string; number: number; version: number; title: string; validUntil: string; cycleEndsOn: string; forCompany: boolean }): MailMessage {
  return inLanguageOf(to, () =>
    composeMail(
      {
        to: to.email,
        subject: c.kind === "extension" ? t("mail.renewed.extended.subject", c.forCompany, c.number) : t("mail.renewed.recertified.subject", c.forCompany, c.number),
        greeting: t("mail.greeting", to.name),
        paragraphs: [
          t("mail.renewed.text", config.org.name, RENEWAL_LABELS[c.kind].toLowerCase(), c.title, c.number),
          t("mail.renewed.version", c.version, c.validUntil),
          c.kind === "recertification" ? t("mail.renewed.newPeriod", c.cycleEndsOn) : t("due.periodEnds", c.cycleEndsOn),
          t("mail.renewed.where"),
        ],
        action: { label: t("certPage.show"), url: `${config.publicUrl}/min-sida/certifikat/${c.certificateId}` },
      },
      config.org,
    ),
  );
}

export function attestedMail(config: Config, to: MailRecipient, a: { applicationId: string; title: string; number: number; companyName: string; attestedBy: string }): MailMessage {
  return inLanguageOf(to, () =>
    composeMail(
      {
        to: to.email,
        subject: t("mail.attested.subject", a.number),
        greeting: t("mail.greeting", to.name),
        paragraphs: [t("mail.attested.text", a.attestedBy, a.companyName, a.title, a.number), t("mail.attested.next")],
        action: { label: t("process.show"), url: `${config.publicUrl}/min-sida/ansokningar/${a.applicationId}` },
      },
      config.org,
    ),
  );
}

export function suspensionEndedNotice(config: Config, to: MailRecipient, c: { certificateId: string; number: number; title: string; until: string }): MailMessage {
  return inLanguageOf(to, () =>
    composeMail(
      {
        to: to.email,
        subject: t("mail.suspensionEnded.subject", c.number),
        greeting: t("mail.greeting", to.name),
        paragraphs: [t("mail.suspensionEnded.text", c.number, c.title, c.until), t("mail.suspensionEnded.decide")],
        action: { label: t("mail.suspensionEnded.show"), url: `${config.publicUrl}/personal/certifikat/${c.certificateId}` },
      },
      config.org,
    ),
  );
}
