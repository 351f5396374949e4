import type { Context } from "hono";

/**
 * A posted form with every value of a repeated name (checkboxes), the last value of each name as
 * a plain string, and the chosen files. A body that cannot be read is an empty form.
 */
export async function postedForm(c: Context): Promise<{ values: Record<string, string>; lists: Record<string, string[]>; files: Record<string, File> }> {
  const body = await c.req.parseBody({ all: true }).catch(() => ({}) as Record<string, unknown>);
  const values: Record<string, string> = {};
  const lists: Record<string, string[]> = {};
  const files: Record<string, File> = {};
  for (const [k, raw] of Object.entries(body)) {
    const all = Array.isArray(raw) ? raw : [raw];
    const strings = all.filter((v): v is string => typeof v === "string");
    if (strings.length) {
      lists[k] = strings;
      values[k] = strings.at(-1)!;
    }
    const file = all.find((v): v is File => v instanceof File && (v.size > 0 || v.name !== ""));
    if (file) files[k] = file;
  }
  return { values, lists, files };
}

/** An own value of a plain object, so a name like "__proto__" from a request is just a miss. */
export function own<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
