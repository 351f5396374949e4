import type { Config } from "../../lib/config.ts";
import { formatOrgNumber } from "../../lib/identity/orgnummer.ts";
import { composeMail } from "../../lib/mail/compose.ts";
import type { MailMessage } from "../../lib/mail/mailer.ts";

export function employmentRequestedMail(config: Config, to: string, adminName: string, personName: string, companyName: string, companyId: string, startDate: string): MailMessage {
  return composeMail(
    {
      to,
      subject: `Anställningsförfrågan från ${personName}`,
      greeting: `Hej ${adminName},`,
      paragraphs: [`${personName} har angett att hen är anställd på ${companyName} sedan ${startDate} och väntar på att en certifikatsadministratör bekräftar anställningen.`],
      action: { label: "Bekräfta eller avböj anställningen", url: `${config.publicUrl}/min-sida/foretag/${companyId}#forfragningar` },
    },
    config.org,
  );
}

export function employmentDecidedMail(config: Config, to: string, personName: string, companyName: string, confirmed: boolean, reason: string | null): MailMessage {
  return composeMail(
    {
      to,
      subject: confirmed ? `Din anställning på ${companyName} är bekräftad` : `Din anställningsförfrågan till ${companyName} avböjdes`,
      greeting: `Hej ${personName},`,
      paragraphs: [
        confirmed ? `${companyName} har bekräftat din anställning. Den syns nu under fliken Anställningar på Min Sida.` : `${companyName} har avböjt din anställningsförfrågan.`,
        ...(reason ? [`Motivering: ${reason}`] : []),
      ],
      action: { label: "Min Sida", url: `${config.publicUrl}/min-sida/anstallningar` },
    },
    config.org,
  );
}

export function companyDecidedMail(config: Config, to: string, personName: string, companyName: string, orgNumber: string, approved: boolean, reason: string | null): MailMessage {
  return composeMail(
    {
      to,
      subject: approved ? `${companyName} är registrerat` : `Registreringen av ${companyName} godkändes inte`,
      greeting: `Hej ${personName},`,
      paragraphs: [
        approved
          ? `Vi har granskat och godkänt registreringen av ${companyName} (${formatOrgNumber(orgNumber)}). Du är företagets certifikatsadministratör och kan bekräfta anställda och se deras certifikat på företagssidan.`
          : `Vi har granskat registreringen av ${companyName} (${formatOrgNumber(orgNumber)}) och kunde inte godkänna den.`,
        ...(reason ? [`Motivering: ${reason}`] : []),
      ],
      action: { label: "Min Sida", url: `${config.publicUrl}/min-sida` },
    },
    config.org,
  );
}
