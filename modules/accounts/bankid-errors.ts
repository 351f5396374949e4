// BankID's error answers in Swedish words, where orders start and are collected. The texts are
// BankID's recommended user messages (RFA4, RFA5) where BankID has one; our own mistakes get a
// message that does not blame BankID, and a line in the log for whoever runs the service.
import { BankIdError } from "../../lib/bankid/types.ts";
import { DomainError } from "../../lib/errors.ts";
import { sv } from "../../lib/i18n/sv.ts";
import { t } from "../../lib/i18n/index.ts";

/** What went wrong, as the order row's hintCode keeps it after a collect failed. */
export type BankIdTroubleKind = "alreadyInProgress" | "technicalError" | "ourError";

/** In Swedish, for the tests and the log; a person is told them in the page's language. */
export const RFA4 = sv["bankid.rfa4"];
export const RFA5 = sv["bankid.rfa5"];
export const OUR_ERROR = sv["bankid.ourError"];

const TROUBLES: Record<BankIdTroubleKind, { status: 409 | 503; message: () => string }> = {
  // BankID has already ended both orders; the user starts again, we cancel nothing.
  alreadyInProgress: { status: 409, message: () => t("bankid.rfa4") },
  technicalError: { status: 503, message: () => t("bankid.rfa5") },
  ourError: { status: 503, message: () => t("bankid.ourError") },
};

// The RP API v6 error codes, plus the client's own `requestFailed` (no answer at all).
const KIND_BY_CODE: Record<string, BankIdTroubleKind> = {
  alreadyInProgress: "alreadyInProgress",
  internalError: "technicalError",
  maintenance: "technicalError",
  requestTimeout: "technicalError",
  requestFailed: "technicalError",
  invalidParameters: "ourError",
  unauthorized: "ourError",
  notFound: "ourError",
  methodNotAllowed: "ourError",
  unsupportedMediaType: "ourError",
  invalidResponse: "ourError",
};

export class BankIdTrouble extends DomainError {
  override readonly status: 409 | 503;
  constructor(
    readonly kind: BankIdTroubleKind,
    options?: { cause?: unknown },
  ) {
    super(TROUBLES[kind].message(), options);
    this.status = TROUBLES[kind].status;
  }
}

function kindOf(error: unknown): BankIdTroubleKind {
  if (!(error instanceof BankIdError)) return "ourError";
  // A code BankID adds later, or a proxy's answer without BankID's body: judged by its status.
  return KIND_BY_CODE[error.errorCode] ?? (error.httpStatus >= 500 ? "technicalError" : "ourError");
}

/**
 * What a failed call to BankID (`call` is auth, sign, collect or cancel) means for the user.
 * Our own mistakes are logged on one line, without the request (it holds the personnummer).
 */
export function bankIdTrouble(error: unknown, call: string): BankIdTrouble {
  const kind = kindOf(error);
  if (kind === "ourError") {
    const what = error instanceof BankIdError ? `${error.errorCode} (HTTP ${error.httpStatus})${error.details ? `: ${error.details}` : ""}` : String(error);
    console.error(`BankID /${call} avvisade vår förfrågan: ${what.split("\n")[0]}`);
  }
  return new BankIdTrouble(kind, { cause: error });
}

/** The message and status for an order that ended in trouble, from the hintCode it was saved with. */
export function troubleOf(hintCode: string | null): { status: 409 | 503; message: string } | null {
  if (!hintCode || !Object.hasOwn(TROUBLES, hintCode)) return null;
  const trouble = TROUBLES[hintCode as BankIdTroubleKind];
  return { status: trouble.status, message: trouble.message() };
}
