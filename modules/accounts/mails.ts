import type { Config } from "../../lib/config.ts";
import { composeMail } from "../../lib/mail/compose.ts";
import type { MailMessage } from "../../lib/mail/mailer.ts";

/** The accounts module's mails, in Swedish, after the manual's "Välkommen till … Online". */

export function welcomeMail(config: Config, to: string, name: string, oneTimePassword: string): MailMessage {
  return composeMail(
    {
      to,
      subject: `Välkommen till ${config.org.systemName}!`,
      greeting: `Hej ${name},`,
      paragraphs: [`Ett användarkonto har registrerats i ${config.org.systemName} åt dig. Följ länken nedan för att logga in.`],
      code: { label: "Ditt engångslösenord är:", value: oneTimePassword },
      action: { label: config.org.systemName, url: `${config.publicUrl}/logga-in` },
      after: ["Efter inloggning behöver du registrera ett nytt lösenord.", `Vid frågor vänligen kontakta ${config.org.name}.`],
    },
    config.org,
  );
}

export function registrationAttemptMail(config: Config, to: string, name: string, what: "email" | "personnummer"): MailMessage {
  const used = what === "email" ? "din e-postadress" : "ditt personnummer";
  return composeMail(
    {
      to,
      subject: `Försök att registrera konto i ${config.org.systemName}`,
      greeting: `Hej ${name},`,
      paragraphs: [
        `Någon, kanske du, försökte just registrera ett nytt konto i ${config.org.systemName} med ${used}. Du har redan ett konto, så inget nytt konto skapades.`,
        "Om det var du kan du logga in med ditt befintliga konto. Har du glömt lösenordet kan du välja ett nytt via länken nedan.",
        "Om det inte var du behöver du inte göra något.",
      ],
      action: { label: "Glömt lösenord", url: `${config.publicUrl}/glomt-losenord` },
    },
    config.org,
  );
}

export function loginCodeMail(config: Config, to: string, code: string): MailMessage {
  return composeMail(
    {
      to,
      subject: `Engångskod för inloggning: ${code}`,
      paragraphs: [
        `Du eller någon som utger sig för att vara du har begärt att logga in i ${config.org.systemName} som ${to}. Använd denna kod för att slutföra inloggningen:`,
      ],
      code: { label: "Engångskod:", value: code },
      after: ["Koden gäller i tio minuter och kan bara användas en gång. Om det inte var du som försökte logga in bör du byta lösenord."],
    },
    config.org,
  );
}

export function codeLoginLockedMail(config: Config, to: string, name: string, until: string): MailMessage {
  return composeMail(
    {
      to,
      subject: `Inloggning med engångskod spärrad i ${config.org.systemName}`,
      greeting: `Hej ${name},`,
      paragraphs: [
        `Många felaktiga engångskoder har angetts vid inloggning på ditt konto i ${config.org.systemName}. Därför är inloggning med engångskod spärrad till ${until}.`,
        "Engångskoden efterfrågas först när rätt lösenord har angetts. Om det inte var du som försökte logga in känner någon annan till ditt lösenord: byt lösenord via länken nedan.",
        `Har du svenskt personnummer kan du logga in med BankID under tiden. Vid frågor vänligen kontakta ${config.org.name}.`,
      ],
      action: { label: "Glömt lösenord", url: `${config.publicUrl}/glomt-losenord` },
    },
    config.org,
  );
}

export function passwordResetMail(config: Config, to: string, url: string): MailMessage {
  return composeMail(
    {
      to,
      subject: `Välj nytt lösenord i ${config.org.systemName}`,
      paragraphs: [`Någon har begärt att lösenordet för ${to} i ${config.org.systemName} ska återställas. Följ länken för att välja ett nytt lösenord. Länken gäller i 30 minuter och kan bara användas en gång.`],
      action: { label: "Välj nytt lösenord", url },
      after: ["Om det inte var du kan du bortse från det här mejlet; ditt lösenord är oförändrat."],
    },
    config.org,
  );
}

export function emailChangeMail(config: Config, to: string, name: string, url: string): MailMessage {
  return composeMail(
    {
      to,
      subject: `Bekräfta din nya e-postadress i ${config.org.systemName}`,
      greeting: `Hej ${name},`,
      paragraphs: [`Bekräfta att ${to} ska bli e-postadressen för ditt konto i ${config.org.systemName} genom att följa länken. Länken gäller i 24 timmar.`],
      action: { label: "Bekräfta e-postadressen", url },
      after: ["Om du inte har bett om det här kan du bortse från mejlet."],
    },
    config.org,
  );
}

export function emailChangeNoticeMail(config: Config, to: string, name: string, newEmail: string): MailMessage {
  return composeMail(
    {
      to,
      subject: `Byte av e-postadress i ${config.org.systemName}`,
      greeting: `Hej ${name},`,
      paragraphs: [
        `Någon har begärt att e-postadressen för ditt konto ska bytas till ${newEmail}. Bytet sker först när länken som skickats till den nya adressen har följts.`,
        `Om det inte var du: byt lösenord och kontakta ${config.org.name}.`,
      ],
    },
    config.org,
  );
}

export function emailInUseMail(config: Config, to: string): MailMessage {
  return composeMail(
    {
      to,
      subject: `Försök att använda din e-postadress i ${config.org.systemName}`,
      paragraphs: [
        `Någon försökte byta e-postadressen på ett annat konto i ${config.org.systemName} till ${to}. Eftersom adressen redan hör till ditt konto gjordes ingen ändring.`,
        "Om det inte var du behöver du inte göra något.",
      ],
    },
    config.org,
  );
}

export function passwordChangedMail(config: Config, to: string, name: string): MailMessage {
  return composeMail(
    {
      to,
      subject: `Ditt lösenord har ändrats`,
      greeting: `Hej ${name},`,
      paragraphs: [`Lösenordet för ditt konto i ${config.org.systemName} har just ändrats. Om det inte var du: återställ lösenordet och kontakta ${config.org.name}.`],
      action: { label: "Glömt lösenord", url: `${config.publicUrl}/glomt-losenord` },
    },
    config.org,
  );
}
