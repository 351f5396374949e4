// What the catalogue's forms may contain, with the message shown at each field (a catalogue key,
// said in the reader's language when the form is checked). The keys
// are the operations' input names, which the staff pages also use as form field names, so an
// Invalid from here lands at the right field without a translation table.
import { z } from "zod";
import { SCHEME_KINDS, SCHEME_SUBJECTS } from "../../db/schema/index.ts";
import { isIsoDate } from "../../lib/dates.ts";
import { Invalid, type FieldErrors } from "../../lib/errors.ts";
import { FILE_TYPES, type FileType } from "../../lib/uploads/file-types.ts";
import { isMessageKey, t, type MessageKey } from "../../lib/i18n/index.ts";

/** A message of a schema below: the key of its text, checked by the type, said by validate(). */
const k = (key: MessageKey): string => key;

/** Parses with a schema whose messages name the texts shown at each field; Invalid otherwise. */
export function validate<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: FieldErrors = {};
  for (const issue of result.error.issues) fields[String(issue.path[0] ?? "form")] ??= isMessageKey(issue.message) ? t(issue.message as never) : issue.message;
  throw new Invalid(fields);
}

const text = (max: number, missing: string, tooLong: string) => z.string({ error: missing }).trim().min(1, missing).max(max, tooLong);

/** Empty means "not given": null. */
const optionalText = z
  .string()
  .nullish()
  .transform((v) => v?.trim() || null);

const CODE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const CODE_MESSAGE = k("catalogue.field.code.format");

/** A code as typed (lower-cased), or null to take one from the name. */
export const codeField = optionalText.transform((v) => v?.toLowerCase() ?? null).refine((v) => v === null || (v.length <= 60 && CODE.test(v)), CODE_MESSAGE);

const SORT_ORDER = k("catalogue.field.area.order");

export const areaFields = z.object({
  code: codeField,
  name: text(100, k("catalogue.field.area.name.missing"), k("catalogue.field.name.max100")),
  sortOrder: z.number({ error: SORT_ORDER }).int(SORT_ORDER).min(0, SORT_ORDER).max(9999, SORT_ORDER).nullish(),
});

const years = (message: string) => z.number({ error: message }).int(message).min(1, message).max(50, message).nullable();
const PRICE = k("catalogue.field.price");
const DATE = k("catalogue.field.date");
const date = optionalText.refine((v) => v === null || isIsoDate(v), DATE);
const flag = z.boolean({ error: k("catalogue.field.flag") });
const OPTIONAL_PRICE = k("catalogue.field.fee");
const optionalPrice = z
  .number({ error: OPTIONAL_PRICE })
  .min(0, OPTIONAL_PRICE)
  .max(1_000_000, k("catalogue.field.fee.max"))
  .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, k("catalogue.field.fee.decimals"))
  .nullish()
  .transform((v) => v ?? null);
const months = (max: number, message: string) => z.number({ error: message }).int(message).min(1, message).max(max, message);

export const schemeFields = z
  .object({
    areaId: z.string({ error: k("catalogue.field.area.missing") }).min(1, k("catalogue.field.area.missing")),
    name: text(200, k("catalogue.field.scheme.name.missing"), k("catalogue.field.name.max200")),
    scope: text(2000, k("catalogue.field.scheme.scope.missing"), k("catalogue.field.scheme.scope.max")),
    subject: z.enum(SCHEME_SUBJECTS, { error: k("catalogue.field.scheme.subject") }),
    kind: z.enum(SCHEME_KINDS, { error: k("catalogue.field.scheme.kind") }),
    validityYears: years(k("catalogue.field.scheme.validity")),
    validUntilFromEvidence: flag,
    annualExtension: flag,
    recertificationYears: years(k("catalogue.field.scheme.recert")),
    priceSek: z
      .number({ error: PRICE })
      .min(0, PRICE)
      .max(1_000_000, k("catalogue.field.price.max"))
      .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, k("catalogue.field.price.decimals")),
    /** Avgift för årlig förlängning and omcertifiering; null = the same as the price. */
    extensionPriceSek: optionalPrice,
    recertificationPriceSek: optionalPrice,
    extensionNoticeMonths: months(12, k("catalogue.field.scheme.extensionNotice")).default(2),
    recertificationNoticeMonths: months(24, k("catalogue.field.scheme.recertNotice")).default(6),
    appealMonths: months(24, k("catalogue.field.scheme.appealMonths")).default(2),
    suspensionEnd: z.enum(["reinstate", "notify"], { error: k("catalogue.field.scheme.suspensionEnd") }).default("reinstate"),
    invoiced: flag,
    fourEyes: flag,
    category: optionalText
      .transform((v) => v?.toLowerCase() ?? null)
      .refine((v) => v === null || (v.length <= 40 && CODE.test(v)), k("catalogue.field.scheme.category")),
    activeFrom: date,
    activeTo: date,
  })
  .superRefine((v, ctx) => {
    const add = (field: string, message: string) => ctx.addIssue({ code: "custom", path: [field], message });
    if (v.activeFrom && v.activeTo && v.activeTo < v.activeFrom) add("activeTo", k("catalogue.field.scheme.activeTo"));
    if (v.kind === "ATTESTATION") {
      // certificateDates() gives an attestation no end date: settings that say otherwise would mislead.
      if (v.validityYears !== null) add("validityYears", k("catalogue.field.attestation.validity"));
      if (v.validUntilFromEvidence) add("validUntilFromEvidence", k("catalogue.field.attestation.evidence"));
      if (v.annualExtension) add("annualExtension", k("catalogue.field.attestation.annual"));
      if (v.recertificationYears !== null) add("recertificationYears", k("catalogue.field.attestation.recert"));
      return;
    }
    if (v.validUntilFromEvidence && v.validityYears !== null) add("validityYears", k("catalogue.field.scheme.evidenceValidity"));
    if (v.annualExtension && v.validityYears !== 1) add("annualExtension", k("catalogue.field.scheme.annualOneYear"));
    if (v.recertificationYears !== null && v.validityYears === null) add("recertificationYears", k("catalogue.field.scheme.recertNeedsValidity"));
    if (v.recertificationYears !== null && v.validityYears !== null && v.recertificationYears < v.validityYears) {
      add("recertificationYears", k("catalogue.field.scheme.recertAfterValidity"));
    }
  });

export type SchemeFields = z.input<typeof schemeFields>;

export const declarationField = z
  .string({ error: k("catalogue.field.declaration.missing") })
  // One way to end a line, so that an unchanged text compares equal whatever the browser sent.
  .transform((s) => s.replace(/\r\n?/g, "\n").trim())
  .pipe(z.string().min(1, k("catalogue.field.declaration.missing")).max(20_000, k("catalogue.field.declaration.max")));

export const requirementFields = z.object({
  name: text(200, k("catalogue.field.requirement.name.missing"), k("catalogue.field.name.max200")),
  description: text(2000, k("catalogue.field.requirement.description.missing"), k("catalogue.field.requirement.description.max")),
  acceptedTypes: z
    .array(z.enum(FILE_TYPES as [FileType, ...FileType[]]), { error: k("catalogue.field.requirement.types") })
    .min(1, k("catalogue.field.requirement.types"))
    // Stored in one order, so that the same choice never counts as a change.
    .transform((types) => FILE_TYPES.filter((t) => types.includes(t)).join(",")),
  /** Which application asks for it: the first issuance, Årlig förlängning or Omcertifiering. */
  appliesTo: z.enum(["initial", "extension", "recertification"], { error: k("catalogue.field.requirement.appliesTo") }).default("initial"),
  attestable: z.boolean({ error: k("catalogue.field.flag") }).default(false),
}).superRefine((v, ctx) => {
  if (v.attestable && v.appliesTo !== "extension") ctx.addIssue({ code: "custom", path: ["attestable"], message: k("catalogue.field.requirement.attestable") });
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
