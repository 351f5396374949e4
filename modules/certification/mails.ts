import type { Config } from "../../lib/config.ts";
import { composeMail } from "../../lib/mail/compose.ts";
import type { MailMessage } from "../../lib/mail/mailer.ts";
import { t } from "../../lib/i18n/index.ts";

export function finalReviewMail(config: Config, to: string, name: string, title: string, applicationId: string): MailMessage {
  return composeMail(
    {
      to,
      subject: t("mail.finalReview.subject", title),
      greeting: t("mail.greeting", name),
      paragraphs: [t("mail.finalReview.text", title, config.org.name)],
      action: { label: t("process.show"), url: `${config.publicUrl}/min-sida/ansokningar/${applicationId}` },
    },
    config.org,
  );
}
