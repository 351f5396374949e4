import type { Limit } from "../../lib/rate-limit.ts";

const MINUTE = 60 * 1000;

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
