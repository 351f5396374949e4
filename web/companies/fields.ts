import { z } from "zod";
import { parseOrgNumber } from "../../lib/identity/orgnummer.ts";
import type { CompanyDetails } from "../../modules/employments/index.ts";
import { emailField } from "../accounts/fields.ts";
import { t } from "../../lib/i18n/index.ts";

/** The form fields of the company pages, each with the message shown at the field (in the page's language). */

export const orgNumberField = (missing: () => string) =>
  z.string().transform((s, ctx) => {
    if (s.trim() === "") {
      ctx.addIssue({ code: "custom", message: missing() });
      return z.NEVER;
    }
    const r = parseOrgNumber(s);
    if (!r.ok) {
      ctx.addIssue({ code: "custom", message: r.message });
      return z.NEVER;
    }
    return r.value;
  });

const text = (max: number, missing: () => string, tooLong: () => string) => z.string().trim().min(1, { error: missing }).max(max, { error: tooLong });
const optionalText = (max: number, tooLong: () => string) =>
  z
    .string()
    .trim()
    .max(max, { error: tooLong })
    .optional()
    .transform((s) => (s ? s : null));

const phoneField = z
  .string()
  .trim()
  .min(1, { error: () => t("company.phone.missing") })
  .max(30, { error: () => t("company.phone.tooLong") })
  .refine((s) => /^\+?[\d\s()-]+$/.test(s) && s.replace(/\D/g, "").length >= 6 && s.replace(/\D/g, "").length <= 15, {
    error: () => t("company.phone.invalid"),
  });

/** Företagsuppgifter: what a company registers and its admins may change (not the number). */
export const companyDetailsSchema = z.object({
  namn: text(200, () => t("company.name.missing"), () => t("company.name.tooLong")),
  adressrad1: text(200, () => t("details.addressLine1.missing"), () => t("details.tooLong", t("details.theAddressLine"), 200)),
  adressrad2: optionalText(200, () => t("details.tooLong", t("details.theAddressLine"), 200)),
  postnummer: text(20, () => t("details.postalCode.missing"), () => t("details.tooLong", t("details.thePostalCode"), 20)),
  ort: text(100, () => t("details.city.missing"), () => t("details.tooLong", t("details.theCity"), 100)),
  land: text(100, () => t("recipient.country.missing"), () => t("details.tooLong", t("details.theCountry"), 100)),
  telefon: phoneField,
  epost: z.string().trim().min(1, { error: () => t("company.email.missing") }).pipe(emailField),
});

export type CompanyDetailsInput = z.infer<typeof companyDetailsSchema>;

export function toCompanyDetails(v: CompanyDetailsInput): CompanyDetails {
  return { name: v.namn, addressLine1: v.adressrad1, addressLine2: v.adressrad2, postalCode: v.postnummer, city: v.ort, country: v.land, phone: v.telefon, email: v.epost };
}

/** A date as the date input sends it (ÅÅÅÅ-MM-DD), and a day that exists. */
export const dateField = (missing: () => string) =>
  z
    .string()
    .trim()
    .min(1, { error: missing })
    .superRefine((s, ctx) => {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
      if (!m) return void ctx.addIssue({ code: "custom", message: t("date.format") });
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      const date = new Date(Date.UTC(y, mo - 1, d));
      if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
        return void ctx.addIssue({ code: "custom", message: t("field.birthDate.noSuchDate") });
      }
      if (y < 1900 || y > 2100) ctx.addIssue({ code: "custom", message: t("date.year") });
    });
