/** What an edit changed: the Swedish names of the fields for the Händelselogg, and the values for the record. */
export interface Changes {
  changed: string[];
  changes: Record<string, { from: unknown; to: unknown }>;
}

export function changesOf<T extends Record<string, unknown>>(before: T, after: Partial<T>, labels: Partial<Record<keyof T & string, string>>): Changes {
  const result: Changes = { changed: [], changes: {} };
  for (const [key, label] of Object.entries(labels) as [keyof T & string, string][]) {
    if (!(key in after) || after[key] === before[key]) continue;
    result.changed.push(label);
    result.changes[key] = { from: before[key] ?? null, to: after[key] ?? null };
  }
  return result;
}
