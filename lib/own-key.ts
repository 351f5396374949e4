// A request may name any key, "__proto__" and "constructor" included: a plain object's lookup
// would find what it inherits from Object.prototype. Only the table's own entries count.

/** The entry the table itself holds under `key`, or undefined. */
export function ownEntry<T>(table: Readonly<Record<string, T>>, key: string | undefined | null): T | undefined {
  return key != null && Object.hasOwn(table, key) ? table[key] : undefined;
}
