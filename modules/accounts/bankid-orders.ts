import { and, eq } from "drizzle-orm";
import { bankidOrders } from "../../db/schema/index.ts";
import type { CollectResult } from "../../lib/bankid/types.ts";
import { qrData } from "../../lib/bankid/qr.ts";
import { issueToken, secretMatches, splitToken } from "../../lib/crypto/tokens.ts";
import type { Deps } from "../deps.ts";
import { bankIdTrouble } from "./bankid-errors.ts";
import { completeBankIdLogin, type BankIdLoginOutcome } from "./complete-bankid-login.ts";
import { completeBankIdRegistration, type BankIdRegistrationOutcome } from "./complete-bankid-registration.ts";
import { t } from "../../lib/i18n/index.ts";

export type BankIdPurpose = "register" | "login";

export interface StartedOrder {
  /** Goes in a cookie: binds the order to the browser that started it. */
  token: string;
  autoStartToken: string;
}

export type OrderState =
  | { state: "pending"; purpose: BankIdPurpose; hintCode: string | null; qr: string; autoStartToken: string }
  | { state: "failed"; purpose: BankIdPurpose; hintCode: string | null }
  | { state: "complete"; purpose: BankIdPurpose; outcome: BankIdRegistrationOutcome | BankIdLoginOutcome }
  | { state: "gone" };

/** Throws `BankIdTrouble` when BankID will not start the order (409 alreadyInProgress, else 503). */
export async function startBankIdOrder(
  deps: Deps,
  input: { purpose: BankIdPurpose; endUserIp: string; personnummer?: string; payload?: Record<string, string | null> },
): Promise<StartedOrder> {
  // What the BankID app shows the person, in the language of the page they started from.
  const text = input.purpose === "register" ? t("bankid.app.register", deps.config.org.systemName) : t("bankid.app.login", deps.config.org.systemName);
  const order = await deps.bankid
    .auth({
      endUserIp: input.endUserIp,
      requirement: input.personnummer ? { personalNumber: input.personnummer } : undefined,
      userVisibleData: Buffer.from(text, "utf8").toString("base64"),
    })
    .catch((error: unknown) => {
      throw bankIdTrouble(error, "auth");
    });
  const issued = issueToken();
  await deps.db.insert(bankidOrders).values({
    id: issued.id,
    secretHash: issued.secretHash,
    purpose: input.purpose,
    orderRef: order.orderRef,
    autoStartToken: order.autoStartToken,
    qrStartToken: order.qrStartToken,
    qrStartSecret: order.qrStartSecret,
    startedAt: deps.clock.now(),
    status: "pending",
    payload: { ...(input.payload ?? {}), personnummer: input.personnummer ?? null },
  });
  return { token: issued.token, autoStartToken: order.autoStartToken };
}

async function loadOrder(deps: Deps, token: string | undefined) {
  const parts = splitToken(token);
  if (!parts) return null;
  const row = await deps.db.select().from(bankidOrders).where(eq(bankidOrders.id, parts.id)).get();
  if (!row || !secretMatches(parts.secret, row.secretHash)) return null;
  return row;
}

/**
 * One poll: asks BankID how the order goes and, when it completes, finishes what it was for.
 * When BankID cannot answer (or refuses our question) the order ends as failed, its hintCode
 * saying why (see `troubleOf`), and the user starts again.
 */
export async function collectBankIdOrder(deps: Deps, token: string | undefined): Promise<OrderState> {
  const order = await loadOrder(deps, token);
  if (!order || order.status === "complete" || order.status === "cancelled") return { state: "gone" };
  const purpose = order.purpose;
  if (order.status === "failed") return { state: "failed", purpose, hintCode: order.hintCode };
  const now = deps.clock.now();
  let result: CollectResult;
  try {
    result = await deps.bankid.collect(order.orderRef);
  } catch (error) {
    const trouble = bankIdTrouble(error, "collect");
    await finish(deps, order.id, "failed", trouble.kind, now);
    // Should BankID still hold the order, it would refuse the next start for this personnummer.
    // Not awaited: BankID may be the thing that is not answering.
    void deps.bankid.cancel(order.orderRef).catch(() => undefined);
    return { state: "failed", purpose, hintCode: trouble.kind };
  }
  if (result.status === "pending") {
    if (result.hintCode !== order.hintCode) {
      await deps.db.update(bankidOrders).set({ hintCode: result.hintCode ?? null }).where(eq(bankidOrders.id, order.id));
    }
    const seconds = Math.max(0, Math.floor((now.getTime() - order.startedAt.getTime()) / 1000));
    return { state: "pending", purpose, hintCode: result.hintCode ?? null, qr: qrData(order.qrStartToken, order.qrStartSecret, seconds), autoStartToken: order.autoStartToken };
  }
  if (result.status === "failed" || !result.completionData) {
    await finish(deps, order.id, "failed", result.hintCode ?? null, now);
    return { state: "failed", purpose, hintCode: result.hintCode ?? null };
  }
  const user = result.completionData.user;
  const outcome =
    order.purpose === "register"
      ? await completeBankIdRegistration(deps, order.id, {
          personnummer: user.personalNumber,
          requiredPersonnummer: order.payload.personnummer ?? null,
          givenName: user.givenName,
          familyName: user.surname,
          email: order.payload.email ?? "",
          mobile: order.payload.mobile ?? null,
        })
      : await completeBankIdLogin(deps, order.id, user.personalNumber);
  return outcome ? { state: "complete", purpose, outcome } : { state: "gone" };
}

export async function cancelBankIdOrder(deps: Deps, token: string | undefined): Promise<void> {
  const order = await loadOrder(deps, token);
  if (!order || order.status !== "pending") return;
  await finish(deps, order.id, "cancelled", "userCancel", deps.clock.now());
  await deps.bankid.cancel(order.orderRef).catch(() => undefined);
}

async function finish(deps: Deps, id: string, status: "failed" | "cancelled", hintCode: string | null, now: Date) {
  await deps.db
    .update(bankidOrders)
    .set({ status, hintCode, finishedAt: now })
    .where(and(eq(bankidOrders.id, id), eq(bankidOrders.status, "pending")));
}
