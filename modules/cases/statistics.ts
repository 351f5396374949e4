import { inArray } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { cases, type CaseKind } from "../../db/schema/index.ts";
import { queueFigures, type QueueFigures } from "../review/index.ts";
import { OPEN_CASE_STATUSES, type CaseListRow } from "./queries.ts";

const DAY_MS = 86_400_000;

/** The card on /personal: how many cases wait (received or under investigation) and for how long. */
export async function caseQueueFigures(db: DbOrTx, now: Date): Promise<QueueFigures> {
  const rows = await db.select({ at: cases.receivedAt }).from(cases).where(inArray(cases.status, [...OPEN_CASE_STATUSES]));
  return queueFigures(
    rows.map((r) => r.at),
    now,
  );
}

/** Whole days from receipt to the end (Avgjord or Avskriven); null while open. */
export function handlingDays(c: { receivedAt: Date; closedAt: Date | null }): number | null {
  return c.closedAt ? Math.max(0, Math.round(((c.closedAt.getTime() - c.receivedAt.getTime()) / DAY_MS) * 10) / 10) : null;
}

export interface CaseYearFigures {
  received: number;
  byKind: Record<CaseKind, number>;
  open: number;
  decided: number;
  dismissed: number;
  granted: number;
  partlyGranted: number;
  rejected: number;
  /** Median days from receipt to the end, of the closed cases; null when none is closed. */
  medianDays: number | null;
}

/** The annual review's figures for the cases received in a year. */
export function caseStatistics(rows: readonly CaseListRow[]): CaseYearFigures {
  const days = rows.map(handlingDays).filter((d): d is number => d !== null);
  const count = (p: (r: CaseListRow) => boolean) => rows.filter(p).length;
  return {
    received: rows.length,
    byKind: { appeal: count((r) => r.kind === "appeal"), complaint: count((r) => r.kind === "complaint") },
    open: count((r) => r.status === "received" || r.status === "investigating"),
    decided: count((r) => r.status === "decided"),
    dismissed: count((r) => r.status === "dismissed"),
    granted: count((r) => r.outcome === "granted"),
    partlyGranted: count((r) => r.outcome === "partly_granted"),
    rejected: count((r) => r.outcome === "rejected"),
    medianDays: days.length ? median(days) : null,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : Math.round(((sorted[mid - 1]! + sorted[mid]!) / 2) * 10) / 10;
}
