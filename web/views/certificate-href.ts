import { language } from "../../lib/i18n/index.ts";

/**
 * The public page of a certificate, in the language being read: /c/… reads no cookie (it is the
 * same for everyone and cacheable), so an English page's links carry ?lang=en (web/language.ts).
 */
export const certificateHref = (number: number | string): string => (language() === "en" ? `/c/${number}?lang=en` : `/c/${number}`);
