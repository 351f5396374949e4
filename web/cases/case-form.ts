import type { Context } from "hono";
import type { UploadInput } from "../../lib/uploads/accept-upload.ts";
import { t } from "../../lib/i18n/index.ts";

/**
 * A posted case form: its strings (a repeated name keeps its last value) and every chosen file of
 * the multiple file input `filer` (an empty input arrives as one nameless, empty file: left out).
 */
export async function caseForm(c: Context): Promise<{ values: Record<string, string>; files: UploadInput[] }> {
  const body = await c.req.parseBody({ all: true }).catch(() => ({}) as Record<string, unknown>);
  const values: Record<string, string> = {};
  const files: UploadInput[] = [];
  for (const [k, v] of Object.entries(body)) {
    const list = Array.isArray(v) ? v : [v];
    for (const one of list) {
      if (typeof one === "string") values[k] = one;
      else if (one instanceof File && k === "filer" && (one.size > 0 || one.name !== "")) files.push({ bytes: new Uint8Array(await one.arrayBuffer()), originalName: one.name, declaredType: one.type });
    }
  }
  return { values, files };
}

export const fileHint = () => t("cases.fileHint");
export const FILE_ACCEPT = "application/pdf,.pdf,image/jpeg,.jpg,.jpeg,image/png,.png,image/webp,.webp";
export const tooLarge = () => t("cases.tooLarge");
/** The files and the form's text, with room to spare; a bigger body is refused unread. */
export const CASE_BODY_LIMIT = 21 * 1024 * 1024 + 512 * 1024;
