// What each kind of mail is, in Swedish, for the staff's "Utgående e-post". A mail's subject may
// hold a secret (the login code is in it), so for kinds starting "secret." this name is all staff
// see of what the mail says.

const KIND_LABELS: Record<string, string> = {
  "secret.login_code": "Engångskod för inloggning",
  "secret.password_reset": "Länk för att välja nytt lösenord",
  "secret.welcome": "Välkomstbrev med engångslösenord",
  "secret.email_change": "Länk för att bekräfta ny e-postadress",
  "secret.examinator_invitation": "Inbjudan som examinator med engångslösenord",
  "user.password_changed": "Besked om ändrat lösenord",
  "user.code_login_locked": "Besked om spärrad inloggning med engångskod",
  "person.registration_attempt": "Besked om försök att registrera konto",
  "person.email_in_use": "Besked om att e-postadressen redan används",
  "person.email_change_notice": "Besked om byte av e-postadress",
  "company.decided": "Beslut om företagsregistrering",
  "employment.requested": "Anställningsförfrågan till företaget",
  "employment.decided": "Beslut om anställning",
  "evidence.approved": "Moment godkänt",
  "evidence.rejected": "Moment ej godkänt",
  "application.submitted": "Ansökan skickad till sista granskning",
  "application.refused": "Ansökan avslagen",
  "application.returned": "Ansökan returnerad för komplettering",
  "certificate.issued": "Certifikat utfärdat",
  "certificate.extended": "Certifikat förlängt",
  "certificate.recertified": "Certifikat omcertifierat",
  "certificate.suspended": "Certifikat suspenderat (Vilande)",
  "certificate.reinstated": "Certifikat återaktiverat",
  "certificate.withdrawn": "Certifikat indraget",
  "renewal.attested": "Yrkesverksamhet intygad",
  "reminder.extension": "Påminnelse om årlig förlängning",
  "reminder.recertification": "Påminnelse om omcertifiering",
  suspension_end_notice: "Vilandeperioden slutade (till beslutsfattaren)",
  invoice: "Faktura",
  "examinator.added": "Besked om roll som examinator",
  "exam.registered": "Anmälan till prov",
  "exam.registration_cancelled": "Återkallad anmälan till prov",
  "exam.passed": "Godkänt prov",
  "exam.failed": "Provresultat: ej godkänt",
  "case.appeal_received": "Mottagningsbekräftelse av överklagande",
  "case.complaint_received": "Mottagningsbekräftelse av klagomål",
  "case.investigating": "Besked: ärendet utreds",
  "case.decided": "Besked: ärendet avgjort",
  "case.dismissed": "Besked: ärendet avskrivet",
};

export function isSecretKind(kind: string): boolean {
  return kind.startsWith("secret.");
}

/** The kind in words; an unknown secret kind says only that it is one, never more. */
export function mailKindLabel(kind: string): string {
  if (Object.hasOwn(KIND_LABELS, kind)) return KIND_LABELS[kind]!;
  return isSecretKind(kind) ? "Engångskod eller engångslänk" : kind;
}
