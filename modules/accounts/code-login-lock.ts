import { mailIn } from "./choose-language.ts";
import { eq } from "drizzle-orm";
import type { Tx } from "../../db/client.ts";
import { users } from "../../db/schema/index.ts";
import { TooManyRequests } from "../../lib/errors.ts";
import { eventTimes, recordEvent } from "../audit/index.ts";
import type { Actor, Deps } from "../deps.ts";
import { enqueueMail } from "../outbox/outbox.ts";
import { findUserById } from "./find-user.ts";
import { WRONG_CODES_MAX, WRONG_CODES_WINDOW_MS } from "./login-limits.ts";
import { codeLoginLockedMail } from "./mails.ts";
import { t, language, type Language } from "../../lib/i18n/index.ts";

/** The events that are a wrong code entered (the fifth at one code is recorded as "locked"). */
export const WRONG_CODE_ACTIONS = ["user.login_code_failed", "user.login_code_locked"];

const LOCALE: Record<Language, string> = { sv: "sv-SE", en: "en-GB" };
const dateInWords = (lang: Language) => new Intl.DateTimeFormat(LOCALE[lang], { timeZone: "Europe/Stockholm", day: "numeric", month: "long", year: "numeric" });
const timeOfDay = (lang: Language) => new Intl.DateTimeFormat(LOCALE[lang], { timeZone: "Europe/Stockholm", hour: "2-digit", minute: "2-digit" });

/** "den 22 december 2026 kl. 11.00" ("on 22 December 2026 at 11:00"), in Swedish time. */
export function swedishDateTime(d: Date): string {
  const lang = language();
  const time = timeOfDay(lang).format(d);
  return t("login.lockedUntil", dateInWords(lang).format(d), lang === "sv" ? time.replace(":", ".") : time);
}

export function codeLoginLockedMessage(until: Date): string {
  return t("login.codeLoginLocked", swedishDateTime(until));
}

/** Code login is locked for the account: the password step, "Skicka ny kod" and the code step refuse. */
export class CodeLoginLocked extends TooManyRequests {
  constructor(
    readonly until: Date,
    now: Date,
  ) {
    super(Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000)), codeLoginLockedMessage(until));
  }
}

export function assertCodeLoginOpen(user: { lockedUntil: Date | null }, now: Date): void {
  if (user.lockedUntil && user.lockedUntil > now) throw new CodeLoginLocked(user.lockedUntil, now);
}

/**
 * When code login locks, given the times of the account's latest wrong codes in the window (newest
 * first, the one just entered included): when the bound is reached, until the oldest of them has
 * left the window, rounded up to the minute so the time in the message is never too early.
 */
export function lockEnd(wrongCodeTimes: Date[]): Date | null {
  if (wrongCodeTimes.length < WRONG_CODES_MAX) return null;
  const oldest = wrongCodeTimes[WRONG_CODES_MAX - 1]!;
  const MINUTE = 60_000;
  return new Date(Math.ceil((oldest.getTime() + WRONG_CODES_WINDOW_MS) / MINUTE) * MINUTE);
}

/**
 * After a wrong code's event is written, in the same transaction: counts the account's wrong codes
 * in the window and, when they reach the bound, locks code login, records it and mails the owner
 * (once per lock: nothing is counted while locked). Returns the end of a lock that began now.
 */
export async function countWrongCode(tx: Tx, deps: Deps, actor: Actor, userId: string, now: Date): Promise<Date | null> {
  const times = await eventTimes(tx, { subjectType: "user", subjectId: userId, actions: WRONG_CODE_ACTIONS, since: new Date(now.getTime() - WRONG_CODES_WINDOW_MS), limit: WRONG_CODES_MAX });
  const until = lockEnd(times);
  if (!until) return null;
  await tx.update(users).set({ lockedUntil: until }).where(eq(users.id, userId));
  await recordEvent(tx, actor, now, {
    action: "user.code_login_locked",
    subjectType: "user",
    subjectId: userId,
    personId: actor.personId,
    details: { until: until.toISOString(), wrongCodes: WRONG_CODES_MAX, windowDays: WRONG_CODES_WINDOW_MS / 86_400_000 },
  });
  const found = await findUserById(tx, userId);
  if (found) await enqueueMail(tx, now, "user.code_login_locked", await mailIn(tx, found.person.email, () => codeLoginLockedMail(deps.config, found.person.email, `${found.person.givenName} ${found.person.familyName}`, swedishDateTime(until))));
  return until;
}
