import { isLuhnValid } from "./luhn.ts";
import { t } from "../i18n/index.ts";

export type OrgNumberKind = "legal" | "sole-trader";

export type OrgNumberResult =
  | { ok: true; value: string; kind: OrgNumberKind }
  | { ok: false; message: string };

const EXAMPLE = "556016-0680";

// Skatteverket and many accounting exports write legal entities as
// 16NNNNNNNNNN; the "16" is a fixed prefix, not part of the number.
const LEGAL_ENTITY_PREFIX = "16";

/**
 * Parses an organisationsnummer: `NNNNNN-NNNN`, ten digits, or the same with
 * the `16` prefix. A sole trader's organisationsnummer is the owner's
 * personnummer (ten digits), so both are accepted and told apart by `kind`.
 */
export function parseOrgNumber(input: string): OrgNumberResult {
  const text = input.trim();

  if (!/^[\d-]*$/.test(text)) {
    return fail(t("orgnr.chars", EXAMPLE));
  }
  const digits = text.replaceAll("-", "");
  const isPrefixed = digits.length === 12 && digits.startsWith(LEGAL_ENTITY_PREFIX);
  if (digits.length === 12 && /^(19|20)/.test(digits)) {
    return fail(t("orgnr.soleTrader"));
  }
  if (digits.length !== 10 && !isPrefixed) {
    return fail(t("orgnr.ten", EXAMPLE));
  }
  if (!/^(16)?\d{6}-?\d{4}$/.test(text)) {
    return fail(t("orgnr.format", EXAMPLE));
  }

  const value = isPrefixed ? digits.slice(2) : digits;
  if (!isLuhnValid(value)) {
    return fail(t("orgnr.checkDigit"));
  }
  return { ok: true, value, kind: orgNumberKind(value) };
}

/** `5560160680` → `556016-0680`. Expects a value from parseOrgNumber. */
export function formatOrgNumber(value: string): string {
  if (!/^\d{10}$/.test(value)) throw new TypeError("formatOrgNumber expects 10 digits");
  return `${value.slice(0, 6)}-${value.slice(6)}`;
}

// Legal entities have 2 or more in the third digit (the "month" of a
// personnummer can only start with 0 or 1).
export function orgNumberKind(value: string): OrgNumberKind {
  return Number(value[2]) >= 2 ? "legal" : "sole-trader";
}

function fail(message: string): OrgNumberResult {
  return { ok: false, message };
}
