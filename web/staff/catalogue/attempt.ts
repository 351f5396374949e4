import { Conflict, Invalid, type FieldErrors } from "../../../lib/errors.ts";

export type Failure = { errors: FieldErrors; message?: string; status: 409 | 413 | 422 };

/**
 * Runs an operation a form asked for. Invalid and Conflict are answers for the form (field
 * messages, or a message above it), shown with what was typed; anything else goes to onError.
 */
export async function attempt<T>(run: () => Promise<T>): Promise<{ ok: true; value: T } | ({ ok: false } & Failure)> {
  try {
    return { ok: true, value: await run() };
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, errors: e.fields, status: 422 };
    if (e instanceof Conflict) return { ok: false, errors: {}, message: e.message, status: 409 };
    throw e;
  }
}
