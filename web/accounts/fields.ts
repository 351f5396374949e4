import { z } from "zod";
import { parsePersonnummer } from "../../lib/identity/personnummer.ts";
import { t } from "../../lib/i18n/index.ts";

/** The form fields of the accounts pages, each with the message shown at the field (in the page's language). */

export const emailField = z
  .string()
  .trim()
  .min(1, { error: () => t("field.email.missing") })
  .max(254, { error: () => t("field.email.tooLong") })
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/, { error: () => t("field.email.invalid") })
  .transform((s) => s.toLowerCase());

export const mobileField = z
  .string()
  .trim()
  .max(30, { error: () => t("field.mobile.tooLong") })
  .refine((s) => s === "" || (/^\+?[\d\s-]+$/.test(s) && s.replace(/\D/g, "").length >= 7 && s.replace(/\D/g, "").length <= 15), {
    error: () => t("field.mobile.invalid"),
  })
  .transform((s) => (s === "" ? null : s.replace(/[\s-]+/g, " ").trim()));

export const nameField = (label: "förnamn" | "efternamn") =>
  z
    .string()
    .trim()
    .min(1, { error: () => t(label === "förnamn" ? "field.givenName.missing" : "field.familyName.missing") })
    .max(100, { error: () => t(label === "förnamn" ? "field.givenName.tooLong" : "field.familyName.tooLong") })
    .refine((s) => /^[\p{L}\p{M}' .-]+$/u.test(s), { error: () => t(label === "förnamn" ? "field.givenName.letters" : "field.familyName.letters") });

export function birthDateField(today: () => Date) {
  return z
    .string()
    .trim()
    .min(1, { error: () => t("field.birthDate.missing") })
    .superRefine((s, ctx) => {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
      if (!m) return void ctx.addIssue({ code: "custom", message: t("field.birthDate.format") });
      const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
      if (d.getUTCFullYear() !== +m[1]! || d.getUTCMonth() !== +m[2]! - 1 || d.getUTCDate() !== +m[3]!) {
        return void ctx.addIssue({ code: "custom", message: t("field.birthDate.noSuchDate") });
      }
      if (d.getTime() > today().getTime()) return void ctx.addIssue({ code: "custom", message: t("field.birthDate.future") });
      if (+m[1]! < 1900) ctx.addIssue({ code: "custom", message: t("field.birthDate.year") });
    });
}

export function personnummerField(today: () => Date) {
  return z
    .string()
    .transform((s, ctx) => {
      const r = parsePersonnummer(s, today());
      if (!r.ok) {
        ctx.addIssue({ code: "custom", message: r.message });
        return z.NEVER;
      }
      return r.value;
    });
}

export const citizenshipField = z.enum(["svenskt", "annat"], { error: () => t("field.citizenship") });
