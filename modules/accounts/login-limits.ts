import type { Limit } from "../../lib/rate-limit.ts";

const MINUTE = 60 * 1000;
const DAY = 24 * 60 * MINUTE;

/** Keyed on the address typed, not the account, so unknown addresses are throttled alike. */
export const passwordAttempts = (email: string, ip: string): Limit[] => [
  { key: `login:ip:${ip}`, max: 30, windowMs: 15 * MINUTE },
  { key: `login:email:${email}`, max: 10, windowMs: 15 * MINUTE },
];

export const codeSends = (userId: string): Limit[] => [{ key: `login-code:user:${userId}`, max: 8, windowMs: 60 * MINUTE }];

export const passwordResets = (email: string, ip: string): Limit[] => [
  { key: `reset:ip:${ip}`, max: 20, windowMs: 60 * MINUTE },
  { key: `reset:email:${email}`, max: 3, windowMs: 60 * MINUTE },
];

export const registrations = (ip: string): Limit[] => [{ key: `register:ip:${ip}`, max: 20, windowMs: 60 * MINUTE }];

export const CODE_TTL_MS = 10 * MINUTE;
export const CODE_MAX_ATTEMPTS = 5;
export const CODE_MAX_SENDS = 3;
export const CODE_RESEND_AFTER_MS = 30 * 1000;

/**
 * Wrong one-time codes per account, counted across resends and new password logins. Whoever is
 * at this step knows the password; what still stands in the way is a six-digit code, 1 chance in
 * CODE_SPACE per guess. At most WRONG_CODES_MAX wrong codes are taken in any rolling window of
 * WRONG_CODES_WINDOW_MS: the one that reaches the bound locks code login until the oldest of
 * them leaves the window, and no code is checked while locked (a right guess is one of the
 * checked ones). So in any year of at most 366 days, covered by ⌈366 / 30⌉ = 13 windows:
 *
 *   checked guesses ≤ 7 × 13 = 91,   chance of a right one ≤ 91 × 10⁻⁶ = 9.1 × 10⁻⁵ < 10⁻⁴.
 *
 * A person who mistypes gets five tries at each code and seven wrong codes a month in all;
 * BankID login is not locked.
 */
export const WRONG_CODES_MAX = 7;
export const WRONG_CODES_WINDOW_MS = 30 * DAY;
export const CODE_SPACE = 1_000_000;
