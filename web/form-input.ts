import { isIP } from "node:net";
import type { Context } from "hono";
import type { z } from "zod";
import { Invalid, type FieldErrors } from "../lib/errors.ts";
import type { AppEnv } from "./env.ts";

/** The posted form as plain strings (a repeated name keeps its last value). */
export async function formValues(c: Context): Promise<Record<string, string>> {
  return (await formWithFiles(c)).values;
}

/**
 * A posted multipart form: the strings, and the files that were chosen (an empty file input
 * arrives as a nameless, empty file and is left out).
 */
export async function formWithFiles(c: Context): Promise<{ values: Record<string, string>; files: Record<string, File> }> {
  const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
  const values: Record<string, string> = {};
  const files: Record<string, File> = {};
  for (const [k, v] of Object.entries(body)) {
    const value = Array.isArray(v) ? v.at(-1) : v;
    if (typeof value === "string") values[k] = value;
    else if (value instanceof File && (value.size > 0 || value.name !== "")) files[k] = value;
  }
  return { values, files };
}

/** Parses with a zod schema whose messages are the Swedish texts shown at each field. */
export function parseForm<S extends z.ZodType>(schema: S, values: Record<string, string>): z.infer<S> {
  const result = schema.safeParse(values);
  if (result.success) return result.data;
  const fields: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = String(issue.path[0] ?? "form");
    fields[key] ??= issue.message;
  }
  throw new Invalid(fields);
}

/** The client's address for rate limits and BankID's endUserIp. */
export function clientIp(c: Context<AppEnv>): string {
  if (c.var.deps.config.trustProxy) {
    // The proxy appends the address it saw; the last entry is the one nobody could forge. Anything
    // but a plain address (a misconfigured proxy's junk, a zone like fe80::1%eth0) would make
    // BankID refuse the order, so the proxy's own address stands in for it.
    const forwarded = c.req.header("X-Forwarded-For")?.split(",").at(-1)?.trim();
    if (forwarded && isIP(forwarded) !== 0 && !forwarded.includes("%")) return forwarded;
  }
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? "127.0.0.1";
}
