import type { Config } from "../../lib/config.ts";
import { composeMail } from "../../lib/mail/compose.ts";
import type { MailMessage } from "../../lib/mail/mailer.ts";

/** The examinations module's mails, in Swedish. */

export function examinatorAddedMail(config: Config, to: string, name: string, centreName: string, centreId: string): MailMessage {
  return composeMail(
    {
      to,
      subject: `Du är examinator vid ${centreName}`,
      greeting: `Hej ${name},`,
      paragraphs: [
        `${config.org.name} har lagt till dig som examinator vid ${centreName} i ${config.org.systemName}. Du kan nu lägga upp provtillfällen, anmäla kandidater och registrera provresultat för examinationscentret.`,
        "Du hittar examinationscentret under fliken Prov på Min Sida när du har loggat in med ditt vanliga konto.",
      ],
      action: { label: "Öppna examinationscentret", url: `${config.publicUrl}/min-sida/examinationscenter/${centreId}` },
      after: [`Om du inte känner till det här, kontakta ${config.org.name}.`],
    },
    config.org,
  );
}

export function examinatorInvitationMail(config: Config, to: string, name: string, centreName: string, oneTimePassword: string): MailMessage {
  return composeMail(
    {
      to,
      subject: `Inbjudan: examinator vid ${centreName} i ${config.org.systemName}`,
      greeting: `Hej ${name},`,
      paragraphs: [
        `${config.org.name} har bjudit in dig som examinator vid ${centreName}. Ett användarkonto har skapats åt dig i ${config.org.systemName}. Följ länken nedan för att logga in.`,
        "Som examinator lägger du upp provtillfällen, anmäler kandidater och registrerar provresultat. Du hittar examinationscentret under fliken Prov på Min Sida.",
      ],
      code: { label: "Ditt engångslösenord är:", value: oneTimePassword },
      action: { label: config.org.systemName, url: `${config.publicUrl}/logga-in` },
      after: ["Efter inloggning behöver du registrera ett nytt lösenord.", `Vid frågor vänligen kontakta ${config.org.name}.`],
    },
    config.org,
  );
}

export interface SessionFacts {
  title: string;
  centreName: string;
  date: string;
  startTime: string;
  place: string;
  parts: string[];
}

export function registeredMail(config: Config, to: string, name: string, s: SessionFacts, applicationId: string, started: boolean): MailMessage {
  return composeMail(
    {
      to,
      subject: `Anmäld till prov ${s.date}: ${s.title}`,
      greeting: `Hej ${name},`,
      paragraphs: [
        `${s.centreName} har anmält dig till prov för ${s.title}.`,
        `Datum och tid: ${s.date} kl. ${s.startTime}. Plats: ${s.place}. Provdelar: ${s.parts.join(", ")}.`,
        started
          ? `En certifieringsprocess för ${s.title} har startats åt dig. När examinationscentret har registrerat ett godkänt resultat godkänns provmomentet i den automatiskt.`
          : `Provet hör till din pågående ansökan om ${s.title}. När examinationscentret har registrerat ett godkänt resultat godkänns provmomentet i den automatiskt.`,
        "Ta med giltig legitimation till provet. Frågor om provet besvaras av examinationscentret.",
      ],
      action: { label: "Visa certifieringsprocess", url: `${config.publicUrl}/min-sida/ansokningar/${applicationId}` },
      after: ["Dina anmälningar och resultat finns under fliken Prov på Min Sida."],
    },
    config.org,
  );
}

export function registrationCancelledMail(config: Config, to: string, name: string, s: SessionFacts): MailMessage {
  return composeMail(
    {
      to,
      subject: `Anmälan till prov ${s.date} återkallad`,
      greeting: `Hej ${name},`,
      paragraphs: [`${s.centreName} har återkallat din anmälan till provet för ${s.title} ${s.date} kl. ${s.startTime}. Kontakta examinationscentret om du har frågor.`],
      action: { label: "Min Sida", url: `${config.publicUrl}/min-sida/prov` },
    },
    config.org,
  );
}

export function resultMail(config: Config, to: string, name: string, s: SessionFacts, r: { passed: boolean; parts: string[]; applicationId: string }): MailMessage {
  return composeMail(
    {
      to,
      subject: r.passed ? `Godkänt prov: ${s.title}` : `Provresultat: ${s.title}`,
      greeting: `Hej ${name},`,
      paragraphs: [
        `${s.centreName} har registrerat ditt resultat från provet ${s.date}: ${r.passed ? "Godkänt" : "Ej godkänt"}.`,
        ...r.parts,
        r.passed
          ? `Provmomentet i din ansökan om ${s.title} är nu godkänt. Genomför de moment som återstår i certifieringsprocessen.`
          : "Du kan anmäla dig till ett nytt provtillfälle hos ett examinationscenter. Din ansökan finns kvar och provmomentet väntar på ett godkänt prov.",
      ],
      action: { label: "Visa certifieringsprocess", url: `${config.publicUrl}/min-sida/ansokningar/${r.applicationId}` },
    },
    config.org,
  );
}
