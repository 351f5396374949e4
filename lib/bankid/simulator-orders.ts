// The simulator's order book: what BankID's servers remember about each order, and the rules
// for how an order moves from pending to complete or failed. Kept in process memory: this is a
// development tool, a restart forgets every order, and several processes do not share orders.
import { randomUUID } from "node:crypto";
import { simulatedCompletionData } from "./simulator-completion.ts";
import type { CollectResult, CompletionData, Requirement } from "./types.ts";

// How long BankID keeps an order open, and how long it lets the RP collect the outcome.
export const ORDER_LIFETIME_SECONDS = 180;
const COMPLETE_RETENTION_SECONDS = 180;
const FAILED_RETENTION_SECONDS = 300;

export type OrderKind = "auth" | "sign";

export type NewOrder = {
  kind: OrderKind;
  endUserIp: string;
  requirement: Requirement;
  userVisibleData?: string;
  userVisibleDataFormat?: "simpleMarkdownV1";
  userNonVisibleData?: string;
  returnUrl?: string;
  returnRisk?: boolean;
};

type Outcome =
  | { status: "complete"; completionData: CompletionData; at: Date }
  | { status: "failed"; hintCode: string; at: Date };

export type SimOrder = NewOrder & {
  orderRef: string;
  autoStartToken: string;
  qrStartToken: string;
  qrStartSecret: string;
  startedAt: Date;
  /** Set when the order was "picked up by the app": the autostart link or a scanned QR code. */
  openedVia?: "autostart" | "qr";
  outcome?: Outcome;
};

export type SimulatedPerson = { personalNumber: string; givenName: string; surname: string };

/** Swedish text for the developer when an action cannot be done. */
export type ActionResult = { ok: true } | { ok: false; message: string };

export type StartResult = { ok: true; order: SimOrder } | { ok: false; errorCode: "alreadyInProgress"; details: string };

const NOT_PENDING = "Ordern finns inte längre eller är inte pågående (den kan ha gått ut, avbrutits eller avslutats).";

export function createOrderBook(now: () => Date) {
  const orders = new Map<string, SimOrder>();

  function secondsSince(date: Date): number {
    return (now().getTime() - date.getTime()) / 1000;
  }

  // Time passes only when someone looks, so every public function first brings the book up
  // to date: expire what is too old, forget outcomes nobody may collect any more.
  function sweep(): void {
    for (const order of orders.values()) {
      if (!order.outcome && secondsSince(order.startedAt) >= ORDER_LIFETIME_SECONDS) {
        const at = new Date(order.startedAt.getTime() + ORDER_LIFETIME_SECONDS * 1000);
        order.outcome = { status: "failed", hintCode: "expiredTransaction", at };
      }
      const outcome = order.outcome;
      if (!outcome) continue;
      const retention = outcome.status === "complete" ? COMPLETE_RETENTION_SECONDS : FAILED_RETENTION_SECONDS;
      if (secondsSince(outcome.at) > retention) orders.delete(order.orderRef);
    }
  }

  function pendingOrder(orderRef: string): SimOrder | undefined {
    sweep();
    const order = orders.get(orderRef);
    return order && !order.outcome ? order : undefined;
  }

  function start(input: NewOrder): StartResult {
    sweep();
    const personalNumber = input.requirement.personalNumber;
    if (personalNumber) {
      const clash = [...orders.values()].find((o) => !o.outcome && o.requirement.personalNumber === personalNumber);
      if (clash) {
        // As BankID does: both orders die; the RP must tell the user and start over.
        clash.outcome = { status: "failed", hintCode: "cancelled", at: now() };
        return { ok: false, errorCode: "alreadyInProgress", details: "Order already in progress for pno" };
      }
    }
    const order: SimOrder = {
      ...input,
      orderRef: randomUUID(),
      autoStartToken: randomUUID(),
      qrStartToken: randomUUID(),
      qrStartSecret: randomUUID(),
      startedAt: now(),
    };
    orders.set(order.orderRef, order);
    return { ok: true, order };
  }

  /** The collect answer, or undefined when BankID would say "No such order". */
  function collect(orderRef: string): CollectResult | undefined {
    sweep();
    const order = orders.get(orderRef);
    if (!order) return undefined;
    const outcome = order.outcome;
    if (!outcome) {
      return { orderRef, status: "pending", hintCode: order.openedVia ? "userSign" : "outstandingTransaction" };
    }
    if (outcome.status === "complete") return { orderRef, status: "complete", completionData: outcome.completionData };
    return { orderRef, status: "failed", hintCode: outcome.hintCode };
  }

  /** Like BankID, a cancelled order is gone: later collect or cancel calls get "No such order". */
  function cancel(orderRef: string): boolean {
    sweep();
    return orders.delete(orderRef);
  }

  function open(orderRef: string, via: "autostart" | "qr"): ActionResult {
    const order = pendingOrder(orderRef);
    if (!order) return { ok: false, message: NOT_PENDING };
    order.openedVia ??= via;
    return { ok: true };
  }

  function approve(orderRef: string, person: SimulatedPerson): ActionResult {
    const order = pendingOrder(orderRef);
    if (!order) return { ok: false, message: NOT_PENDING };
    const personalNumber = person.personalNumber.replace(/[\s-]/g, "");
    if (!/^\d{12}$/.test(personalNumber)) {
      return { ok: false, message: "Personnummer ska ha 12 siffror: ÅÅÅÅMMDDNNNN." };
    }
    const required = order.requirement.personalNumber;
    if (required && required !== personalNumber) {
      return {
        ok: false,
        message: `Ordern kräver personnummer ${required}. Den kan inte godkännas med ${personalNumber}; det kan inte riktiga BankID heller.`,
      };
    }
    const givenName = person.givenName.trim();
    const surname = person.surname.trim();
    if (!givenName || !surname) return { ok: false, message: "Fyll i både förnamn och efternamn." };
    const completionData = simulatedCompletionData(order, { personalNumber, givenName, surname }, now());
    order.outcome = { status: "complete", completionData, at: now() };
    return { ok: true };
  }

  function refuse(orderRef: string): ActionResult {
    const order = pendingOrder(orderRef);
    if (!order) return { ok: false, message: NOT_PENDING };
    order.outcome = { status: "failed", hintCode: "userCancel", at: now() };
    return { ok: true };
  }

  return {
    start,
    collect,
    cancel,
    open,
    approve,
    refuse,
    /** Any order BankID still remembers, finished or not. */
    find(orderRef: string): SimOrder | undefined {
      sweep();
      return orders.get(orderRef);
    },
    findByAutoStartToken(token: string): SimOrder | undefined {
      sweep();
      return [...orders.values()].find((o) => o.autoStartToken === token);
    },
    findPendingByQrStartToken(token: string): SimOrder | undefined {
      sweep();
      return [...orders.values()].find((o) => !o.outcome && o.qrStartToken === token);
    },
    /** Oldest first. */
    pending(): SimOrder[] {
      sweep();
      return [...orders.values()].filter((o) => !o.outcome).sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
    },
    ageSeconds(order: SimOrder): number {
      return Math.max(0, Math.floor(secondsSince(order.startedAt)));
    },
  };
}

export type OrderBook = ReturnType<typeof createOrderBook>;
