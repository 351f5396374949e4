import type { Config } from "../../lib/config.ts";
import { composeMail } from "../../lib/mail/compose.ts";
import type { MailMessage } from "../../lib/mail/mailer.ts";

export function finalReviewMail(config: Config, to: string, name: string, title: string, applicationId: string): MailMessage {
  return composeMail(
    {
      to,
      subject: `Din ansökan om ${title} granskas`,
      greeting: `Hej ${name},`,
      paragraphs: [`Du har slutfört stegen i din ansökan om ${title}. ${config.org.name} gör nu en sista granskning av ansökan och utfärdar sedan certifikatet. Du får ett mejl när det är klart.`],
      action: { label: "Visa certifieringsprocess", url: `${config.publicUrl}/min-sida/ansokningar/${applicationId}` },
    },
    config.org,
  );
}
