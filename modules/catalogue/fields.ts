// What the catalogue's forms may contain, with the Swedish message shown at each field. The keys
// are the operations' input names, which the staff pages also use as form field names, so an
// Invalid from here lands at the right field without a translation table.
import { z } from "zod";
import { SCHEME_KINDS, SCHEME_SUBJECTS } from "../../db/schema/index.ts";
import { isIsoDate } from "../../lib/dates.ts";
import { Invalid, type FieldErrors } from "../../lib/errors.ts";
import { FILE_TYPES, type FileType } from "../../lib/uploads/file-types.ts";

/** Parses with a schema whose messages are the texts shown at each field; Invalid otherwise. */
export function validate<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: FieldErrors = {};
  for (const issue of result.error.issues) fields[String(issue.path[0] ?? "form")] ??= issue.message;
  throw new Invalid(fields);
}

const text = (max: number, missing: string, tooLong: string) => z.string({ error: missing }).trim().min(1, missing).max(max, tooLong);

/** Empty means "not given": null. */
const optionalText = z
  .string()
  .nullish()
  .transform((v) => v?.trim() || null);

const CODE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const CODE_MESSAGE = "Koden får bara innehålla små bokstäver a–z, siffror och bindestreck, högst 60 tecken, t.ex. fgas-person-vi.";

/** A code as typed (lower-cased), or null to take one from the name. */
export const codeField = optionalText.transform((v) => v?.toLowerCase() ?? null).refine((v) => v === null || (v.length <= 60 && CODE.test(v)), CODE_MESSAGE);

const SORT_ORDER = "Ange ordningen som ett heltal 0–9999, eller lämna fältet tomt för att lägga området sist.";

export const areaFields = z.object({
  code: codeField,
  name: text(100, "Ange teknikområdets namn.", "Namnet får vara högst 100 tecken."),
  sortOrder: z.number({ error: SORT_ORDER }).int(SORT_ORDER).min(0, SORT_ORDER).max(9999, SORT_ORDER).nullish(),
});

const years = (message: string) => z.number({ error: message }).int(message).min(1, message).max(50, message).nullable();
const PRICE = "Ange priset i kronor med siffror, t.ex. 4800 eller 4800,50 (0 om certifikatet är kostnadsfritt).";
const DATE = "Ange datumet som ÅÅÅÅ-MM-DD, t.ex. 2026-01-01, eller lämna fältet tomt.";
const date = optionalText.refine((v) => v === null || isIsoDate(v), DATE);
const flag = z.boolean({ error: "Välj ja eller nej." });
const OPTIONAL_PRICE = "Ange avgiften i kronor med siffror, t.ex. 900 eller 900,50, eller lämna fältet tomt för samma pris som certifikatet.";
const optionalPrice = z
  .number({ error: OPTIONAL_PRICE })
  .min(0, OPTIONAL_PRICE)
  .max(1_000_000, "Avgiften får vara högst 1 000 000 kr.")
  .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, "Ange avgiften i kronor med högst två decimaler (öre).")
  .nullish()
  .transform((v) => v ?? null);
const months = (max: number, message: string) => z.number({ error: message }).int(message).min(1, message).max(max, message);

export const schemeFields = z
  .object({
    areaId: z.string({ error: "Välj ett teknikområde." }).min(1, "Välj ett teknikområde."),
    name: text(200, "Ange certifikatets namn.", "Namnet får vara högst 200 tecken."),
    scope: text(2000, "Beskriv vad certifikatet omfattar.", "Omfattningen får vara högst 2000 tecken."),
    subject: z.enum(SCHEME_SUBJECTS, { error: "Välj om certifikatet söks av en person eller ett företag." }),
    kind: z.enum(SCHEME_KINDS, { error: "Välj certifikat eller intyg." }),
    validityYears: years("Ange giltighetstiden som ett helt antal år, 1–50, eller lämna fältet tomt."),
    validUntilFromEvidence: flag,
    annualExtension: flag,
    recertificationYears: years("Ange tiden till omcertifiering som ett helt antal år, 1–50, eller lämna fältet tomt."),
    priceSek: z
      .number({ error: PRICE })
      .min(0, PRICE)
      .max(1_000_000, "Priset får vara högst 1 000 000 kr.")
      .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, "Ange priset i kronor med högst två decimaler (öre)."),
    /** Avgift för årlig förlängning and omcertifiering; null = the same as the price. */
    extensionPriceSek: optionalPrice,
    recertificationPriceSek: optionalPrice,
    extensionNoticeMonths: months(12, "Ange hur många månader före Giltigt till förlängningen kan sökas, 1–12.").default(2),
    recertificationNoticeMonths: months(24, "Ange hur många månader före periodens slut omcertifieringen kan sökas, 1–24.").default(6),
    appealMonths: months(24, "Ange hur många månader ett beslut kan överklagas, 1–24.").default(2),
    suspensionEnd: z.enum(["reinstate", "notify"], { error: "Välj vad som händer när en vilandeperiod slutar." }).default("reinstate"),
    invoiced: flag,
    fourEyes: flag,
    category: optionalText
      .transform((v) => v?.toLowerCase() ?? null)
      .refine((v) => v === null || (v.length <= 40 && CODE.test(v)), "Kategorin skrivs med små bokstäver a–z, siffror och bindestreck, t.ex. fgas eller mac."),
    activeFrom: date,
    activeTo: date,
  })
  .superRefine((v, ctx) => {
    const add = (field: string, message: string) => ctx.addIssue({ code: "custom", path: [field], message });
    if (v.activeFrom && v.activeTo && v.activeTo < v.activeFrom) add("activeTo", "Sista dagen för ansökan kan inte vara före den första.");
    if (v.kind === "ATTESTATION") {
      // certificateDates() gives an attestation no end date: settings that say otherwise would mislead.
      if (v.validityYears !== null) add("validityYears", "Ett intyg gäller utan slutdatum: lämna giltighetstiden tom.");
      if (v.validUntilFromEvidence) add("validUntilFromEvidence", "Ett intyg har inget Giltigt till att läsa från underlaget.");
      if (v.annualExtension) add("annualExtension", "Ett intyg förlängs inte: det gäller utan slutdatum.");
      if (v.recertificationYears !== null) add("recertificationYears", "Ett intyg omcertifieras inte: lämna fältet tomt.");
      return;
    }
    if (v.validUntilFromEvidence && v.validityYears !== null) add("validityYears", "Lämna giltighetstiden tom när Giltigt till läses från underlaget.");
    if (v.annualExtension && v.validityYears !== 1) add("annualExtension", "Årlig förlängning förutsätter att certifikatet gäller 1 år i taget.");
    if (v.recertificationYears !== null && v.validityYears === null) add("recertificationYears", "Omcertifiering förutsätter en giltighetstid.");
    if (v.recertificationYears !== null && v.validityYears !== null && v.recertificationYears < v.validityYears) {
      add("recertificationYears", "Omcertifieringen kan inte komma före giltighetstidens slut.");
    }
  });

export type SchemeFields = z.input<typeof schemeFields>;

export const declarationField = z
  .string({ error: "Skriv förbindelsetexten." })
  // One way to end a line, so that an unchanged text compares equal whatever the browser sent.
  .transform((s) => s.replace(/\r\n?/g, "\n").trim())
  .pipe(z.string().min(1, "Skriv förbindelsetexten.").max(20_000, "Förbindelsetexten får vara högst 20 000 tecken."));

export const requirementFields = z.object({
  name: text(200, "Ange momentets namn.", "Namnet får vara högst 200 tecken."),
  description: text(2000, "Beskriv vad den sökande ska ladda upp.", "Beskrivningen får vara högst 2000 tecken."),
  acceptedTypes: z
    .array(z.enum(FILE_TYPES as [FileType, ...FileType[]]), { error: "Välj minst en filtyp." })
    .min(1, "Välj minst en filtyp.")
    // Stored in one order, so that the same choice never counts as a change.
    .transform((types) => FILE_TYPES.filter((t) => types.includes(t)).join(",")),
  /** Which application asks for it: the first issuance, Årlig förlängning or Omcertifiering. */
  appliesTo: z.enum(["initial", "extension", "recertification"], { error: "Välj vilken ansökan momentet gäller." }).default("initial"),
  attestable: z.boolean({ error: "Välj ja eller nej." }).default(false),
}).superRefine((v, ctx) => {
  if (v.attestable && v.appliesTo !== "extension") ctx.addIssue({ code: "custom", path: ["attestable"], message: "Bara ett moment för årlig förlängning kan intygas av arbetsgivaren." });
});

export type RequirementFields = z.input<typeof requirementFields>;

/** Runs each check and throws one Invalid with all their fields, so that a form shows every error at once. */
export function all<T extends unknown[]>(...checks: { [K in keyof T]: () => T[K] }): T {
  const fields: FieldErrors = {};
  const out = checks.map((check) => {
    try {
      return check();
    } catch (e) {
      if (!(e instanceof Invalid)) throw e;
      for (const [k, v] of Object.entries(e.fields)) fields[k] ??= v;
      return undefined;
    }
  });
  if (Object.keys(fields).length > 0) throw new Invalid(fields);
  return out as T;
}
