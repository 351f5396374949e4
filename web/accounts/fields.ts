import { z } from "zod";
import { parsePersonnummer } from "../../lib/identity/personnummer.ts";

/** The form fields of the accounts pages, each with the Swedish message shown at the field. */

export const emailField = z
  .string()
  .trim()
  .min(1, "Ange din e-postadress.")
  .max(254, "E-postadressen är för lång.")
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/, "Ange en giltig e-postadress, t.ex. namn@exempel.se.")
  .transform((s) => s.toLowerCase());

export const mobileField = z
  .string()
  .trim()
  .max(30, "Mobilnumret är för långt.")
  .refine((s) => s === "" || (/^\+?[\d\s-]+$/.test(s) && s.replace(/\D/g, "").length >= 7 && s.replace(/\D/g, "").length <= 15), {
    message: "Ange mobilnumret med siffror, t.ex. 070-123 45 67 eller +46 70 123 45 67.",
  })
  .transform((s) => (s === "" ? null : s.replace(/[\s-]+/g, " ").trim()));

export const nameField = (label: "förnamn" | "efternamn") =>
  z
    .string()
    .trim()
    .min(1, `Ange ditt ${label}.`)
    .max(100, `Ditt ${label} får vara högst 100 tecken.`)
    .refine((s) => /^[\p{L}\p{M}' .-]+$/u.test(s), { message: `Ditt ${label} får bara innehålla bokstäver, mellanslag, bindestreck och apostrof.` });

export function birthDateField(today: () => Date) {
  return z
    .string()
    .trim()
    .min(1, "Ange ditt födelsedatum.")
    .superRefine((s, ctx) => {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
      if (!m) return void ctx.addIssue({ code: "custom", message: "Ange födelsedatum som ÅÅÅÅ-MM-DD, t.ex. 1980-01-31." });
      const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
      if (d.getUTCFullYear() !== +m[1]! || d.getUTCMonth() !== +m[2]! - 1 || d.getUTCDate() !== +m[3]!) {
        return void ctx.addIssue({ code: "custom", message: "Datumet finns inte. Kontrollera månad och dag." });
      }
      if (d.getTime() > today().getTime()) return void ctx.addIssue({ code: "custom", message: "Födelsedatumet kan inte vara i framtiden." });
      if (+m[1]! < 1900) ctx.addIssue({ code: "custom", message: "Kontrollera årtalet i födelsedatumet." });
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

export const citizenshipField = z.enum(["svenskt", "annat"], { message: "Välj svenskt eller annat medborgarskap." });
