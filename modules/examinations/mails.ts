import type { Config } from "../../lib/config.ts";
import { t } from "../../lib/i18n/index.ts";
import { composeMail } from "../../lib/mail/compose.ts";
import type { MailMessage } from "../../lib/mail/mailer.ts";

/** The examinations module's mails, in the language they are composed in (the recipient's: mailIn). */

export function examinatorAddedMail(config: Config, to: string, name: string, centreName: string, centreId: string): MailMessage {
  return composeMail(
    {
      to,
      subject: t("mail.examinatorAdded.subject", centreName),
      greeting: t("mail.greeting", name),
      paragraphs: [t("mail.examinatorAdded.text", config.org.name, centreName, config.org.systemName), t("mail.examinatorAdded.where")],
      action: { label: t("mail.examinatorAdded.open"), url: `${config.publicUrl}/min-sida/examinationscenter/${centreId}` },
      after: [t("mail.examinatorAdded.unknown", config.org.name)],
    },
    config.org,
  );
}

export function examinatorInvitationMail(config: Config, to: string, name: string, centreName: string, oneTimePassword: string): MailMessage {
  return composeMail(
    {
      to,
      subject: t("mail.examinatorInvited.subject", centreName, config.org.systemName),
      greeting: t("mail.greeting", name),
      paragraphs: [t("mail.examinatorInvited.text", config.org.name, centreName, config.org.systemName), t("mail.examinatorInvited.role")],
      code: { label: t("mail.welcome.code"), value: oneTimePassword },
      action: { label: config.org.systemName, url: `${config.publicUrl}/logga-in` },
      after: [t("mail.welcome.after"), t("mail.questions", config.org.name)],
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
      subject: t("mail.examRegistered.subject", s.date, s.title),
      greeting: t("mail.greeting", name),
      paragraphs: [
        t("mail.examRegistered.text", s.centreName, s.title),
        t("mail.examRegistered.when", s.date, s.startTime, s.place, s.parts.join(", ")),
        started ? t("mail.examRegistered.started", s.title) : t("mail.examRegistered.existing", s.title),
        t("mail.examRegistered.id"),
      ],
      action: { label: t("process.show"), url: `${config.publicUrl}/min-sida/ansokningar/${applicationId}` },
      after: [t("mail.examRegistered.tab")],
    },
    config.org,
  );
}

export function registrationCancelledMail(config: Config, to: string, name: string, s: SessionFacts): MailMessage {
  return composeMail(
    {
      to,
      subject: t("mail.examCancelled.subject", s.date),
      greeting: t("mail.greeting", name),
      paragraphs: [t("mail.examCancelled.text", s.centreName, s.title, s.date, s.startTime)],
      action: { label: t("nav.minSida"), url: `${config.publicUrl}/min-sida/prov` },
    },
    config.org,
  );
}

export function resultMail(config: Config, to: string, name: string, s: SessionFacts, r: { passed: boolean; parts: string[]; applicationId: string }): MailMessage {
  return composeMail(
    {
      to,
      subject: r.passed ? t("mail.examResult.passed.subject", s.title) : t("mail.examResult.subject", s.title),
      greeting: t("mail.greeting", name),
      paragraphs: [
        t("mail.examResult.text", s.centreName, s.date, r.passed ? t("companyStatus.approved") : t("companyStatus.refused")),
        ...r.parts,
        r.passed ? t("mail.examResult.passed", s.title) : t("mail.examResult.failed"),
      ],
      action: { label: t("process.show"), url: `${config.publicUrl}/min-sida/ansokningar/${r.applicationId}` },
    },
    config.org,
  );
}

export function correctedResultMail(config: Config, to: string, name: string, s: SessionFacts, r: { passed: boolean; parts: string[]; reason: string; applicationId: string }): MailMessage {
  return composeMail(
    {
      to,
      subject: t("mail.examCorrected.subject", s.date, s.title),
      greeting: t("mail.greeting", name),
      paragraphs: [
        t("mail.examCorrected.text", s.centreName, s.date, r.passed ? t("companyStatus.approved") : t("companyStatus.refused")),
        t("mail.examCorrected.reason", r.reason),
        ...r.parts,
        r.passed ? t("mail.examResult.passed", s.title) : t("mail.examCorrected.failed"),
      ],
      action: { label: t("process.show"), url: `${config.publicUrl}/min-sida/ansokningar/${r.applicationId}` },
    },
    config.org,
  );
}

/** To the centre's examinators: Stäng av (with the reason) or Återaktivera. */
export function centreStepMail(config: Config, to: string, name: string, centre: { id: string; name: string }, step: { suspended: true; reason: string } | { suspended: false }): MailMessage {
  return composeMail(
    {
      to,
      subject: step.suspended ? t("mail.centreSuspended.subject", centre.name) : t("mail.centreReinstated.subject", centre.name),
      greeting: t("mail.greeting", name),
      paragraphs: step.suspended ? [t("mail.centreSuspended.text", config.org.name, centre.name), t("mail.centreSuspended.reason", step.reason)] : [t("mail.centreReinstated.text", config.org.name, centre.name)],
      action: { label: t("mail.examinatorAdded.open"), url: `${config.publicUrl}/min-sida/examinationscenter/${centre.id}` },
      after: [t("mail.questions", config.org.name)],
    },
    config.org,
  );
}

/** To a candidate whose registration waits for a result at a centre just suspended. */
export function examCentreSuspendedMail(config: Config, to: string, name: string, s: { centreName: string; date: string; title: string }, applicationId: string): MailMessage {
  return composeMail(
    {
      to,
      subject: t("mail.examCentreSuspended.subject", s.date, s.title),
      greeting: t("mail.greeting", name),
      paragraphs: [t("mail.examCentreSuspended.text", config.org.name, s.centreName, s.date, s.title), t("mail.examCentreSuspended.next")],
      action: { label: t("process.show"), url: `${config.publicUrl}/min-sida/ansokningar/${applicationId}` },
      after: [t("mail.questions", config.org.name)],
    },
    config.org,
  );
}
