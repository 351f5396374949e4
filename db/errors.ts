/** True when a write failed on a UNIQUE constraint or index: two requests raced, one lost. */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return /UNIQUE constraint failed/.test(`${String(error.cause ?? "")} ${error.message}`);
}
