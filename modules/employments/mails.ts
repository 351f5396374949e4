import type { Config } from "../../lib/config.ts";
import { t } from "../../lib/i18n/index.ts";
import { formatOrgNumber } from "../../lib/identity/orgnummer.ts";
import { composeMail } from "../../lib/mail/compose.ts";
import type { MailMessage } from "../../lib/mail/mailer.ts";

/** Composed in the language of the caller's choosing: the recipient's (mailIn). */

export function employmentRequestedMail(config: Config, to: string, adminName: string, personName: string, companyName: string, companyId: string, startDate: string): MailMessage {
  return composeMail(
    {
      to,
      subject: t("mail.employmentRequested.subject", personName),
      greeting: t("mail.greeting", adminName),
      paragraphs: [t("mail.employmentRequested.text", personName, companyName, startDate)],
      action: { label: t("mail.employmentRequested.action"), url: `${config.publicUrl}/min-sida/foretag/${companyId}#forfragningar` },
    },
    config.org,
  );
}

export function employmentDecidedMail(config: Config, to: string, personName: string, companyName: string, confirmed: boolean, reason: string | null): MailMessage {
  return composeMail(
    {
      to,
      subject: confirmed ? t("mail.employmentConfirmed.subject", companyName) : t("mail.employmentDeclined.subject", companyName),
      greeting: t("mail.greeting", personName),
      paragraphs: [confirmed ? t("mail.employmentConfirmed.text", companyName) : t("mail.employmentDeclined.text", companyName), ...(reason ? [t("mail.reason", reason)] : [])],
      action: { label: t("nav.minSida"), url: `${config.publicUrl}/min-sida/anstallningar` },
    },
    config.org,
  );
}

export function companyDecidedMail(config: Config, to: string, personName: string, companyName: string, orgNumber: string, approved: boolean, reason: string | null): MailMessage {
  const company = `${companyName} (${formatOrgNumber(orgNumber)})`;
  return composeMail(
    {
      to,
      subject: approved ? t("mail.companyApproved.subject", companyName) : t("mail.companyRefused.subject", companyName),
      greeting: t("mail.greeting", personName),
      paragraphs: [approved ? t("mail.companyApproved.text", company) : t("mail.companyRefused.text", company), ...(reason ? [t("mail.reason", reason)] : [])],
      action: { label: t("nav.minSida"), url: `${config.publicUrl}/min-sida` },
    },
    config.org,
  );
}
