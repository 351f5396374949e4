import { z } from "zod";
import { parseOrgNumber } from "../../lib/identity/orgnummer.ts";
import type { CompanyDetails } from "../../modules/employments/index.ts";
import { emailField } from "../accounts/fields.ts";

/** The form fields of the company pages, each with the Swedish message shown at the field. */

export const orgNumberField = (missing: string) =>
  z.string().transform((s, ctx) => {
    if (s.trim() === "") {
      ctx.addIssue({ code: "custom", message: missing });
      return z.NEVER;
    }
    const r = parseOrgNumber(s);
    if (!r.ok) {
      ctx.addIssue({ code: "custom", message: r.message });
      return z.NEVER;
    }
    return r.value;
  });

const text = (max: number, missing: string, tooLong: string) => z.string().trim().min(1, missing).max(max, tooLong);
const optionalText = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, tooLong)
    .optional()
    .transform((s) => (s ? s : null));

const phoneField = z
  .string()
  .trim()
  .min(1, "Ange företagets telefonnummer.")
  .max(30, "Telefonnumret är för långt.")
  .refine((s) => /^\+?[\d\s()-]+$/.test(s) && s.replace(/\D/g, "").length >= 6 && s.replace(/\D/g, "").length <= 15, {
    message: "Ange telefonnumret med siffror, t.ex. 08-123 456 78 eller +46 8 123 456 78.",
  });

/** Företagsuppgifter: what a company registers and its admins may change (not the number). */
export const companyDetailsSchema = z.object({
  namn: text(200, "Ange företagets namn.", "Företagsnamnet får vara högst 200 tecken."),
  adressrad1: text(200, "Ange adressrad 1.", "Adressraden får vara högst 200 tecken."),
  adressrad2: optionalText(200, "Adressraden får vara högst 200 tecken."),
  postnummer: text(20, "Ange postnummer.", "Postnumret får vara högst 20 tecken."),
  ort: text(100, "Ange ort.", "Orten får vara högst 100 tecken."),
  land: text(100, "Ange land.", "Landet får vara högst 100 tecken."),
  telefon: phoneField,
  epost: z.string().trim().min(1, "Ange företagets e-postadress.").pipe(emailField),
});

export type CompanyDetailsInput = z.infer<typeof companyDetailsSchema>;

export function toCompanyDetails(v: CompanyDetailsInput): CompanyDetails {
  return { name: v.namn, addressLine1: v.adressrad1, addressLine2: v.adressrad2, postalCode: v.postnummer, city: v.ort, country: v.land, phone: v.telefon, email: v.epost };
}

/** A date as the date input sends it (ÅÅÅÅ-MM-DD), and a day that exists. */
export const dateField = (missing: string) =>
  z
    .string()
    .trim()
    .min(1, missing)
    .superRefine((s, ctx) => {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
      if (!m) return void ctx.addIssue({ code: "custom", message: "Ange datumet som ÅÅÅÅ-MM-DD, t.ex. 2026-01-31." });
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      const date = new Date(Date.UTC(y, mo - 1, d));
      if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
        return void ctx.addIssue({ code: "custom", message: "Datumet finns inte. Kontrollera månad och dag." });
      }
      if (y < 1900 || y > 2100) ctx.addIssue({ code: "custom", message: "Kontrollera årtalet." });
    });
