// The catalogue forms post strings; the catalogue module takes numbers, booleans and nulls and
// says what is wrong. Here strings only become those types: something that is not a number becomes
// NaN, which the module refuses with the message for that field.
import { FILE_TYPES } from "../../../lib/uploads/file-types.ts";
import type { AreaInput, RequirementFields, SchemeFields } from "../../../modules/catalogue/index.ts";

type Values = Record<string, string>;

/** Blank: null. Digits: the number. Anything else: NaN. */
export function wholeNumber(s: string | undefined): number | null {
  const v = (s ?? "").trim();
  if (v === "") return null;
  return /^\d{1,6}$/.test(v) ? Number(v) : Number.NaN;
}

/** "4800", "4 800", "4800,50", "4 800 kr": kronor. Anything else, blank included, is NaN. */
export function kronor(s: string | undefined): number {
  const v = (s ?? "")
    .replace(/[\s\u00a0\u202f]/g, "")
    .replace(/kr$/i, "")
    .replace(",", ".");
  return /^\d{1,9}(\.\d+)?$/.test(v) ? Number(v) : Number.NaN;
}

/** Öre as the form shows them: "4800", "4800,50". */
export function kronorText(priceOre: number): string {
  return priceOre % 100 === 0 ? String(priceOre / 100) : (priceOre / 100).toFixed(2).replace(".", ",");
}

const ticked = (v: string | undefined) => v === "1" || v === "on";
const textOrNull = (v: string | undefined) => (v ?? "").trim() || null;

export function areaInput(values: Values): AreaInput {
  return { code: textOrNull(values.code), name: values.name ?? "", sortOrder: wholeNumber(values.sortOrder) };
}

export function schemeInput(values: Values): SchemeFields {
  return {
    areaId: values.areaId ?? "",
    name: values.name ?? "",
    scope: values.scope ?? "",
    subject: values.subject as SchemeFields["subject"],
    kind: values.kind as SchemeFields["kind"],
    validityYears: wholeNumber(values.validityYears),
    validUntilFromEvidence: ticked(values.validUntilFromEvidence),
    annualExtension: ticked(values.annualExtension),
    recertificationYears: wholeNumber(values.recertificationYears),
    priceSek: kronor(values.priceSek),
    // A form without the renewal fields (an older page) leaves them as they are.
    extensionPriceSek: values.extensionPriceSek === undefined ? undefined : values.extensionPriceSek.trim() === "" ? null : kronor(values.extensionPriceSek),
    recertificationPriceSek: values.recertificationPriceSek === undefined ? undefined : values.recertificationPriceSek.trim() === "" ? null : kronor(values.recertificationPriceSek),
    extensionNoticeMonths: wholeNumber(values.extensionNoticeMonths) ?? undefined,
    recertificationNoticeMonths: wholeNumber(values.recertificationNoticeMonths) ?? undefined,
    suspensionEnd: (values.suspensionEnd || undefined) as SchemeFields["suspensionEnd"],
    appealMonths: wholeNumber(values.appealMonths) ?? undefined,
    invoiced: ticked(values.invoiced),
    fourEyes: ticked(values.fourEyes),
    category: textOrNull(values.category),
    activeFrom: textOrNull(values.activeFrom),
    activeTo: textOrNull(values.activeTo),
  };
}

/** The scheme as its settings form shows it. */
export function schemeValues(
  s: Omit<SchemeFields, "priceSek" | "extensionPriceSek" | "recertificationPriceSek"> & { priceOre: number; extensionPriceOre: number | null; recertificationPriceOre: number | null },
): Values {
  const yes = (b: boolean) => (b ? "1" : "");
  return {
    areaId: s.areaId,
    name: s.name,
    scope: s.scope,
    subject: s.subject,
    kind: s.kind,
    validityYears: s.validityYears === null ? "" : String(s.validityYears),
    validUntilFromEvidence: yes(s.validUntilFromEvidence),
    annualExtension: yes(s.annualExtension),
    recertificationYears: s.recertificationYears === null ? "" : String(s.recertificationYears),
    priceSek: kronorText(s.priceOre),
    extensionPriceSek: s.extensionPriceOre === null ? "" : kronorText(s.extensionPriceOre),
    recertificationPriceSek: s.recertificationPriceOre === null ? "" : kronorText(s.recertificationPriceOre),
    extensionNoticeMonths: String(s.extensionNoticeMonths ?? 2),
    recertificationNoticeMonths: String(s.recertificationNoticeMonths ?? 6),
    suspensionEnd: s.suspensionEnd ?? "reinstate",
    appealMonths: String(s.appealMonths ?? 2),
    invoiced: yes(s.invoiced),
    fourEyes: yes(s.fourEyes),
    category: s.category ?? "",
    activeFrom: s.activeFrom ?? "",
    activeTo: s.activeTo ?? "",
  };
}

/** The accepted types come as one checkbox each: acceptedTypes_pdf, acceptedTypes_jpeg, … */
export function requirementInput(values: Values): RequirementFields {
  return {
    name: values.name ?? "",
    description: values.description ?? "",
    acceptedTypes: FILE_TYPES.filter((t) => ticked(values[`acceptedTypes_${t}`])),
    appliesTo: (values.appliesTo || "initial") as RequirementFields["appliesTo"],
    attestable: ticked(values.attestable),
  };
}

export function requirementValues(r: { name: string; description: string; acceptedTypes: string; appliesTo: string; attestable: boolean }): Values {
  return { name: r.name, description: r.description, appliesTo: r.appliesTo, attestable: r.attestable ? "1" : "", ...Object.fromEntries(r.acceptedTypes.split(",").map((t) => [`acceptedTypes_${t}`, "1"])) };
}

export const acceptedFrom = (values: Values) => FILE_TYPES.filter((t) => ticked(values[`acceptedTypes_${t}`]));
