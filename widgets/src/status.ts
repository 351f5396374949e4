import { html, type TemplateResult } from "lit";
import { icon } from "./icons.ts";
import type { Status, Texts } from "./texts.ts";

const KNOWN: readonly Status[] = ["active", "suspended", "withdrawn", "expired", "ended"];

/** A status the API may add later reads as not valid rather than breaking the widget. */
export function statusOf(value: unknown): Status {
  return KNOWN.includes(value as Status) ? (value as Status) : "ended";
}

/**
 * The status as icon and word on a tint. `live` makes it the element's role="status" region;
 * `part` is "status status-<code>", so a host can style `::part(status-suspended)`.
 */
export function statusBadge(value: unknown, t: Texts, live: boolean): TemplateResult {
  const status = statusOf(value);
  const content = html`${icon(status, "status-icon")}<span>${t.status[status]}</span>`;
  return live
    ? html`<span class="status ${status}" part="status status-${status}" role="status">${content}</span>`
    : html`<span class="status ${status}" part="status status-${status}">${content}</span>`;
}

/** "Giltigt till 2027-03-14", or that there is no end date. */
export function validUntilText(validUntil: string | null | undefined, t: Texts): string {
  return `${t.validUntil} ${validUntil || t.noEndDate}`;
}

/** The dot between two facts on one line: seen, copied with the text, not read aloud. */
export const separator = html`<span aria-hidden="true"> · </span>`;
