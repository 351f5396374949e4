import type { Config } from "../../lib/config.ts";
import { t } from "../../lib/i18n/index.ts";
import { composeMail } from "../../lib/mail/compose.ts";
import type { MailMessage } from "../../lib/mail/mailer.ts";

/**
 * The accounts module's mails, after the manual's "Välkommen till … Online", in the language they
 * are composed in (the caller's page, or the recipient's own: mailIn).
 */

export function welcomeMail(config: Config, to: string, name: string, oneTimePassword: string): MailMessage {
  const system = config.org.systemName;
  return composeMail(
    {
      to,
      subject: t("mail.welcome.subject", system),
      greeting: t("mail.greeting", name),
      paragraphs: [t("mail.welcome.text", system)],
      code: { label: t("mail.welcome.code"), value: oneTimePassword },
      action: { label: system, url: `${config.publicUrl}/logga-in` },
      after: [t("mail.welcome.after"), t("mail.questions", config.org.name)],
    },
    config.org,
  );
}

export function registrationAttemptMail(config: Config, to: string, name: string, what: "email" | "personnummer"): MailMessage {
  const system = config.org.systemName;
  return composeMail(
    {
      to,
      subject: t("mail.attempt.subject", system),
      greeting: t("mail.greeting", name),
      paragraphs: [what === "email" ? t("mail.attempt.email", system) : t("mail.attempt.personnummer", system), t("mail.attempt.you"), t("mail.notYou")],
      action: { label: t("forgot.title"), url: `${config.publicUrl}/glomt-losenord` },
    },
    config.org,
  );
}

export function loginCodeMail(config: Config, to: string, code: string): MailMessage {
  return composeMail(
    {
      to,
      subject: t("mail.code.subject", code),
      paragraphs: [t("mail.code.text", config.org.systemName, to)],
      code: { label: t("mail.code.label"), value: code },
      after: [t("mail.code.after")],
    },
    config.org,
  );
}

export function codeLoginLockedMail(config: Config, to: string, name: string, until: string): MailMessage {
  const system = config.org.systemName;
  return composeMail(
    {
      to,
      subject: t("mail.locked.subject", system),
      greeting: t("mail.greeting", name),
      paragraphs: [t("mail.locked.text", system, until), t("mail.locked.password"), t("mail.locked.bankid", config.org.name)],
      action: { label: t("forgot.title"), url: `${config.publicUrl}/glomt-losenord` },
    },
    config.org,
  );
}

export function passwordResetMail(config: Config, to: string, url: string): MailMessage {
  return composeMail(
    {
      to,
      subject: t("mail.reset.subject", config.org.systemName),
      paragraphs: [t("mail.reset.text", to, config.org.systemName)],
      action: { label: t("reset.title"), url },
      after: [t("mail.reset.after")],
    },
    config.org,
  );
}

export function emailChangeMail(config: Config, to: string, name: string, url: string): MailMessage {
  return composeMail(
    {
      to,
      subject: t("mail.emailChange.subject", config.org.systemName),
      greeting: t("mail.greeting", name),
      paragraphs: [t("mail.emailChange.text", to, config.org.systemName)],
      action: { label: t("emailChange.confirm.button"), url },
      after: [t("mail.emailChange.after")],
    },
    config.org,
  );
}

export function emailChangeNoticeMail(config: Config, to: string, name: string, newEmail: string): MailMessage {
  return composeMail(
    {
      to,
      subject: t("mail.emailNotice.subject", config.org.systemName),
      greeting: t("mail.greeting", name),
      paragraphs: [t("mail.emailNotice.text", newEmail), t("mail.emailNotice.notYou", config.org.name)],
    },
    config.org,
  );
}

export function emailInUseMail(config: Config, to: string): MailMessage {
  return composeMail(
    {
      to,
      subject: t("mail.emailInUse.subject", config.org.systemName),
      paragraphs: [t("mail.emailInUse.text", config.org.systemName, to), t("mail.notYou")],
    },
    config.org,
  );
}

export function passwordChangedMail(config: Config, to: string, name: string): MailMessage {
  return composeMail(
    {
      to,
      subject: t("mail.passwordChanged.subject"),
      greeting: t("mail.greeting", name),
      paragraphs: [t("mail.passwordChanged.text", config.org.systemName, config.org.name)],
      action: { label: t("forgot.title"), url: `${config.publicUrl}/glomt-losenord` },
    },
    config.org,
  );
}
