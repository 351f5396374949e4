/**
 * The certificate catalogue a new installation starts with, read at every start by
 * db/seed/seed-catalogue.ts, which only adds what the database lacks (by code). Existing areas,
 * schemes, texts and requirements are edited by admins in /personal/katalog: changing them here
 * does not change a running installation. Codes are stable identifiers: never reuse or rename one.
 * Prices are in SEK excluding VAT.
 */

export interface RequirementSeed {
  code: string;
  name: string;
  description: string;
  acceptedTypes?: ("pdf" | "jpeg" | "png" | "webp")[];
  /** Which application asks for it; default the first issuance. */
  appliesTo?: "initial" | "extension" | "recertification";
  /** A company admin may attest it for an employee instead of a file. */
  attestable?: boolean;
  /** Provmoment: approved from a passed exam at an examination centre (a file still works). */
  exam?: boolean;
}

/** A part of the scheme's exam (Teori, Praktik); scored where maxPoints is given. */
export interface ExamPartSeed {
  code: string;
  name: string;
  maxPoints?: number;
  passPoints?: number;
}

export interface SchemeSeed {
  code: string;
  name: string;
  scope: string;
  subject: "PERSON" | "COMPANY";
  kind: "CERTIFICATE" | "ATTESTATION";
  validityYears: number | null;
  validUntilFromEvidence?: boolean;
  annualExtension: boolean;
  recertificationYears: number | null;
  priceSek: number;
  /** Avgift för årlig förlängning and omcertifiering; default the same as priceSek. */
  extensionPriceSek?: number;
  recertificationPriceSek?: number;
  invoiced: boolean;
  fourEyes: boolean;
  category: string | null;
  declaration: string;
  requirements: RequirementSeed[];
  /** The exam an examination centre holds for the scheme's Provmoment. */
  examParts?: ExamPartSeed[];
}

export interface AreaSeed {
  code: string;
  name: string;
  schemes: SchemeSeed[];
}

const PERSON_DECLARATION = `Jag intygar att uppgifterna och handlingarna i min ansökan är riktiga och fullständiga.

Jag förbinder mig att
- följa de krav och regler som gäller för certifikatet så länge det är giltigt,
- utan dröjsmål meddela certifieringsorganet ändringar som kan påverka certifieringen,
- inte använda certifikatet på ett sätt som kan vilseleda eller skada certifieringsorganets anseende, och att sluta hänvisa till det om det dras in eller upphör,
- medverka vid uppföljning och ta emot klagomål som rör mitt arbete under certifikatet.

Jag är medveten om att certifikatet kan dras in om kraven inte längre uppfylls, och att mina personuppgifter behandlas för att administrera certifieringen.`;

const COMPANY_DECLARATION = `Vi intygar att uppgifterna och handlingarna i ansökan är riktiga och fullständiga.

Vi förbinder oss att
- ha rutiner och utrustning som uppfyller kraven för företagscertifikatet,
- låta arbete som kräver certifikat utföras av personal med giltigt personcertifikat i rätt kategori,
- utan dröjsmål meddela certifieringsorganet ändringar i verksamhet, personal eller rutiner som kan påverka certifieringen,
- inte använda certifikatet på ett sätt som kan vilseleda, och att sluta hänvisa till det om det dras in eller upphör.

Vi är medvetna om att företagscertifikatet kan dras in om kraven inte längre uppfylls.`;

const EXTERNAL_DECLARATION = `Jag intygar att det bifogade certifikatet är en riktig kopia av ett giltigt certifikat utfärdat av ett annat certifieringsorgan, och att jag utan dröjsmål meddelar certifieringsorganet om det certifikatet upphör, dras in eller ändras.

Jag är medveten om att det externa certifikatet här endast kopplar mitt certifikat till företagscertifikatet, och att årlig förlängning och omcertifiering sker hos det organ som utfärdat det.`;

const fgasPerson = (category: string, scope: string, priceSek: number): SchemeSeed => ({
  code: `fgas-person-${category.toLowerCase()}`,
  name: `Personcertifikat kategori ${category}`,
  scope,
  subject: "PERSON",
  kind: "CERTIFICATE",
  validityYears: 1,
  annualExtension: true,
  recertificationYears: 5,
  priceSek,
  invoiced: true,
  fourEyes: true,
  category: "fgas",
  declaration: PERSON_DECLARATION,
  requirements: [
    {
      code: "prov",
      name: "Godkänt prov",
      description: "Godkänt teoretiskt och praktiskt prov vid ett examinationscenter. Momentet godkänns när examinationscentret registrerar resultatet; ett intyg om prov från ett annat examinationscenter kan laddas upp i stället.",
      exam: true,
    },
    { code: "id", name: "Kopia av legitimation", description: "Kopia av giltig legitimation med foto." },
    {
      code: "yrkesverksamhet",
      name: "Intyg om yrkesverksamhet",
      description: "Intyg om att du under året har arbetat med köldmedier inom certifikatets kategori, undertecknat av arbetsgivaren. Är du anställd kan företagets certifikatsadministratör intyga det direkt i portalen.",
      appliesTo: "extension",
      attestable: true,
    },
    {
      code: "omcertifiering",
      name: "Godkänt prov eller dokumenterad erfarenhet",
      description: "Intyg om godkänt nytt prov från ett examinationscenter, eller dokumentation av arbete med köldmedier under certifieringsperioden med intyg från arbetsgivaren.",
      appliesTo: "recertification",
    },
  ],
  examParts: [
    { code: "teori", name: "Teori", maxPoints: 50, passPoints: 35 },
    { code: "praktik", name: "Praktik" },
  ],
  extensionPriceSek: 900,
  recertificationPriceSek: Math.round(priceSek * 0.75),
});

const external = (category: string): SchemeSeed => ({
  code: `extern-fgas-${category.toLowerCase()}`,
  name: `Personcertifikat f-gas kat ${category} - Externt`,
  scope: `Kopplar ett personcertifikat i kategori ${category} från ett annat certifieringsorgan till ett företagscertifikat.`,
  subject: "PERSON",
  kind: "CERTIFICATE",
  validityYears: null,
  validUntilFromEvidence: true,
  annualExtension: false,
  recertificationYears: null,
  priceSek: 0,
  invoiced: false,
  fourEyes: false,
  category: category === "V" ? "mac" : "fgas",
  declaration: EXTERNAL_DECLARATION,
  requirements: [
    {
      code: "extern-kopia",
      name: "Kopia av aktivt extern certifikat",
      description: "En kopia av ditt certifikat utfärdat av ett annat certifieringsorgan. Det kan vara en PDF eller en bild så länge det är av bra kvalitet.",
    },
  ],
});

export const CATALOGUE: AreaSeed[] = [
  {
    code: "fgas",
    name: "F-gaser",
    schemes: [
      fgasPerson("I", "Installation, underhåll, service, reparation, läckagekontroll och återvinning av köldmedier i alla kylutrustningar och värmepumpar.", 4800),
      fgasPerson("II", "Installation, underhåll, service, reparation och återvinning i utrustning med mindre än 3 kg köldmedium (6 kg i hermetiskt slutna system), samt läckagekontroll.", 4200),
      fgasPerson("III", "Återvinning av köldmedium ur utrustning med mindre än 3 kg köldmedium (6 kg i hermetiskt slutna system).", 3200),
      fgasPerson("IV", "Läckagekontroll av utrustning som inte kräver att kylkretsen öppnas.", 3200),
      { ...fgasPerson("V", "Arbete med köldmedier i luftkonditionering i fordon (mobil AC), svensk nationell behörighet.", 2600), category: "mac" },
      {
        code: "fgas-utbildningsintyg-mac",
        name: "Utbildningsintyg Mobil AC",
        scope: "Intygar genomgången utbildning för arbete med köldmedier i luftkonditionering i fordon.",
        subject: "PERSON",
        kind: "ATTESTATION",
        validityYears: null,
        annualExtension: false,
        recertificationYears: null,
        priceSek: 950,
        invoiced: true,
        fourEyes: false,
        category: "mac",
        declaration: PERSON_DECLARATION,
        requirements: [{ code: "diplom", name: "Diplom/ Intyg", description: "Kursintyg eller diplom från utbildningen i mobil AC." }],
      },
      {
        code: "fgas-foretag",
        name: "Företagscertifikat F-gas",
        scope: "Företaget får installera, underhålla, reparera och avveckla kylutrustningar och värmepumpar som innehåller fluorerade växthusgaser.",
        subject: "COMPANY",
        kind: "CERTIFICATE",
        validityYears: 1,
        annualExtension: true,
        recertificationYears: 5,
        priceSek: 6500,
        invoiced: true,
        fourEyes: true,
        category: "fgas",
        declaration: COMPANY_DECLARATION,
        requirements: [
          { code: "registreringsbevis", name: "Registreringsbevis", description: "Registreringsbevis från Bolagsverket, högst tre månader gammalt." },
          { code: "rutiner", name: "Rutiner", description: "Företagets rutiner för arbete med köldmedier: läckagekontroll, återvinning, journalföring och rapportering." },
          { code: "utrustning", name: "Förteckning över utrustning", description: "Förteckning över verktyg och utrustning: återvinningsaggregat, läcksökare, vågar och vakuumpumpar." },
          {
            code: "verksamhet",
            name: "Intyg om fortsatt verksamhet",
            description: "Intyg om att företaget under året har arbetat enligt sina rutiner, med förteckning över den certifierade personalen och eventuella avvikelser.",
            appliesTo: "extension",
          },
          {
            code: "omcertifiering",
            name: "Uppdaterade rutiner och förteckning över utrustning",
            description: "Företagets gällande rutiner för arbete med köldmedier och en aktuell förteckning över verktyg och utrustning, med kalibreringsintyg.",
            appliesTo: "recertification",
          },
        ],
        extensionPriceSek: 2500,
        recertificationPriceSek: 5200,
      },
    ],
  },
  {
    code: "extern",
    name: "Externt certifikat",
    schemes: ["I", "II", "III", "IV", "V"].map(external),
  },
];
