import { and, desc, eq, inArray, or } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { events } from "../../db/schema/index.ts";

export interface EventRow {
  id: number;
  at: Date;
  actorName: string;
  action: string;
  label: string;
  details: Record<string, unknown> | null;
}

export async function listPersonEvents(db: DbOrTx, personId: string, limit = 200): Promise<EventRow[]> {
  const rows = await db.select().from(events).where(eq(events.personId, personId)).orderBy(desc(events.at), desc(events.id)).limit(limit);
  return rows.map((r) => ({ id: r.id, at: r.at, actorName: r.actorName, action: r.action, label: eventLabel(r.action), details: r.details ?? null }));
}

/** What happened to one thing, e.g. an application: its own Händelselogg. */
export async function listSubjectEvents(db: DbOrTx, subjectType: string, subjectId: string, limit = 500): Promise<EventRow[]> {
  const rows = await db.select().from(events).where(and(eq(events.subjectType, subjectType), eq(events.subjectId, subjectId))).orderBy(desc(events.at), desc(events.id)).limit(limit);
  return rows.map((r) => ({ id: r.id, at: r.at, actorName: r.actorName, action: r.action, label: eventLabel(r.action), details: r.details ?? null }));
}

/** The Händelselogg of several things at once, e.g. a scheme and each of its requirements. */
export async function listEventsOfSubjects(db: DbOrTx, subjects: { type: string; ids: string[] }[], limit = 500): Promise<EventRow[]> {
  const wanted = subjects.filter((s) => s.ids.length > 0).map((s) => and(eq(events.subjectType, s.type), inArray(events.subjectId, s.ids)));
  if (wanted.length === 0) return [];
  const rows = await db.select().from(events).where(or(...wanted)).orderBy(desc(events.at), desc(events.id)).limit(limit);
  return rows.map((r) => ({ id: r.id, at: r.at, actorName: r.actorName, action: r.action, label: eventLabel(r.action), details: r.details ?? null }));
}

/** The Swedish words the Händelselogg shows for each action code. */
const LABELS: Record<string, string> = {
  "person.registered": "Konto registrerat",
  "person.registration_attempt": "Försök att registrera ett nytt konto med dina uppgifter",
  "person.details_changed": "Personuppgifter ändrade",
  "person.email_change_requested": "Byte av e-postadress begärt",
  "person.email_changed": "E-postadress ändrad",
  "user.login_code_sent": "Engångskod skickad",
  "user.login_code_failed": "Fel engångskod angiven",
  "user.login_code_locked": "Engångskoden spärrad efter för många försök",
  "user.code_login_locked": "Inloggning med engångskod spärrad efter för många felaktiga koder",
  "user.logged_in": "Inloggad",
  "user.logged_in_bankid": "Inloggad med BankID",
  "user.logged_out": "Utloggad",
  "user.password_changed": "Lösenord ändrat",
  "user.password_reset_requested": "Återställning av lösenord begärd",
  "user.password_reset": "Lösenord återställt",
  "user.created_staff": "Personalkonto skapat",
  "company.registered": "Företag registrerat, väntar på granskning",
  "company.approved": "Företagsregistrering godkänd",
  "company.refused": "Företagsregistrering ej godkänd",
  "company.details_changed": "Företagsuppgifter ändrade",
  "company.admin_added": "Certifikatsadministratör tillagd",
  "company.admin_removed": "Certifikatsadministratör borttagen",
  "employment.requested": "Anställning begärd",
  "employment.confirmed": "Anställning bekräftad",
  "employment.rejected": "Anställningsförfrågan avböjd",
  "employment.cancelled": "Anställningsförfrågan återkallad",
  "employment.ended": "Anställning avslutad",
  "application.started": "Ansökan om certifikat påbörjad",
  "evidence.uploaded": "Fil uppladdad",
  "evidence.approved": "Moment godkänt",
  "evidence.rejected": "Moment ej godkänt",
  "application.declared": "Certifikatansökan intygad",
  "application.recipient_set": "Fakturamottagare angiven",
  "application.submitted": "Ansökan skickad till sista granskning",
  "application.withdrawn": "Ansökan återkallad",
  "application.granted": "Ansökan beviljad",
  "application.refused": "Ansökan avslagen",
  "application.returned": "Ansökan returnerad för komplettering",
  "certificate.issued": "Certifikat utfärdat",
  "certificate.suspended": "Certifikat suspenderat (Vilande)",
  "signing_key.created": "Signeringsnyckel skapad",
  "signing_key.rotated": "Ny signeringsnyckel (den gamla publiceras fortfarande)",
  "certificate.reinstated": "Certifikat återaktiverat",
  "certificate.withdrawn": "Certifikat indraget",
  "certificate.extended": "Årlig förlängning beviljad: ny version av certifikatet",
  "certificate.recertified": "Omcertifiering beviljad: ny certifieringsperiod",
  "certificate.expired": "Certifikat utgånget",
  "certificate.suspension_ended": "Vilandeperioden slutade: certifikat aktivt igen",
  "certificate.suspension_end_notice": "Vilandeperioden slutade: beslutsfattaren påmind",
  "certificate.reminder_sent": "Påminnelse skickad",
  "renewal.started": "Ansökan om förnyelse påbörjad",
  "evidence.attested": "Yrkesverksamhet intygad av certifikatsadministratör",
  "invoice.created": "Faktura skapad",
  "invoice.sent": "Faktura skickad",
  "invoice.to_post": "Faktura att skicka per post",
  "invoice.paid": "Faktura markerad som betald",
  "area.created": "Teknikområde skapat",
  "area.updated": "Teknikområde ändrat",
  "scheme.created": "Certifikat skapat i katalogen",
  "scheme.updated": "Certifikatets inställningar ändrade",
  "scheme.declaration_published": "Ny version av förbindelsetexten publicerad",
  "requirement.added": "Moment tillagt",
  "requirement.updated": "Moment ändrat",
  "requirement.retired": "Moment avvecklat",
  "requirement.template_uploaded": "Filmall uppladdad",
  "centre.created": "Examinationscenter upplagt, väntar på godkännande",
  "centre.approved": "Examinationscenter godkänt",
  "examinator.added": "Examinator tillagd vid examinationscenter",
  "examinator.removed": "Examinator borttagen från examinationscenter",
  "exam_session.created": "Provtillfälle upplagt",
  "exam_session.protocol_uploaded": "Provprotokoll uppladdat",
  "exam.registered": "Anmäld till prov",
  "exam.candidate_registered": "Kandidat anmäld till provtillfälle",
  "exam.registration_cancelled": "Anmälan till prov återkallad",
  "exam.candidate_cancelled": "Kandidats anmälan återkallad",
  "exam.passed": "Godkänt prov",
  "exam.failed": "Ej godkänt prov",
  "exam.result_recorded": "Provresultat registrerat",
  "case.appeal_received": "Överklagande mottaget",
  "case.complaint_received": "Klagomål mottaget",
  "case.investigating": "Ärendet utreds",
  "case.taken_over": "Ny handläggare för ärendet",
  "case.decided": "Ärendet avgjort",
  "case.dismissed": "Ärendet avskrivet",
  "application.reopened": "Ansökan öppnad igen efter överklagande",
};

export function eventLabel(action: string): string {
  return LABELS[action] ?? action;
}
