import { TooManyRequests } from "./errors.ts";

/**
 * Fixed-window counts in this process's memory: for throttling cheap public reads, where a database
 * write per lookup would halve the throughput. Several processes each keep their own count, so an
 * address may make (processes × max) requests; logins and other security limits stay in the
 * database (lib/rate-limit.ts), where every process shares them.
 */
export class MemoryRateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();
  private hitsSinceSweep = 0;

  constructor(private readonly maxKeys = 100_000) {}

  hit(key: string, max: number, windowMs: number, now: number): { allowed: boolean; retryAfterSeconds: number } {
    if (++this.hitsSinceSweep >= 10_000 || this.windows.size >= this.maxKeys) this.sweep(now, windowMs);
    let w = this.windows.get(key);
    if (!w || w.start <= now - windowMs) {
      w = { start: now, count: 0 };
      this.windows.set(key, w);
    }
    w.count += 1;
    const allowed = w.count <= max;
    return { allowed, retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((w.start + windowMs - now) / 1000)) };
  }

  enforce(key: string, max: number, windowMs: number, now: number, message?: string): void {
    const r = this.hit(key, max, windowMs, now);
    if (!r.allowed) throw new TooManyRequests(r.retryAfterSeconds, message);
  }

  /** Forgets finished windows, so memory stays bounded by the addresses of the last minute. */
  private sweep(now: number, windowMs: number): void {
    this.hitsSinceSweep = 0;
    for (const [key, w] of this.windows) if (w.start <= now - windowMs) this.windows.delete(key);
    // Still full of live windows (a flood of addresses): start over rather than grow without end.
    if (this.windows.size >= this.maxKeys) this.windows.clear();
  }
}
