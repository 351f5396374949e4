import { Invalid } from "../../lib/errors.ts";
import { acceptUpload, type AcceptedUpload, type UploadInput } from "../../lib/uploads/accept-upload.ts";
import { tidyFileName } from "../../lib/uploads/file-name.ts";
import { t } from "../../lib/i18n/index.ts";

export const MAX_CASE_FILES = 5;
/** All of a case's files together, like one upload of evidence. */
export const MAX_CASE_FILES_BYTES = 20 * 1024 * 1024;
/** The grounds of an appeal or a complaint's description. */
export const MAX_TEXT = 10_000;

/**
 * A case's files, each through the same checks as evidence (type from the bytes, images
 * re-encoded), before anything is stored. The first refused file is named in the message at the
 * field `filer`; nothing is kept of any of them.
 */
export async function acceptCaseFiles(files: readonly UploadInput[]): Promise<AcceptedUpload[]> {
  if (files.length > MAX_CASE_FILES) throw new Invalid({ filer: t("caseFiles.tooMany", MAX_CASE_FILES, files.length) });
  const total = files.reduce((n, f) => n + f.bytes.length, 0);
  if (total > MAX_CASE_FILES_BYTES) throw new Invalid({ filer: t("caseFiles.tooLarge") });
  const accepted: AcceptedUpload[] = [];
  for (const file of files) {
    try {
      accepted.push(await acceptUpload(file, { maxBytes: MAX_CASE_FILES_BYTES }));
    } catch (e) {
      if (!(e instanceof Invalid)) throw e;
      const name = [...tidyFileName(file.originalName)].slice(0, 80).join("");
      throw new Invalid({ filer: `${name ? `”${name}”: ` : ""}${Object.values(e.fields).join(" ")} ${t("caseFiles.chooseAgain")}` });
    }
  }
  return accepted;
}

/** A required text of at most MAX_TEXT characters, trimmed; the message says how long it was. */
export function requiredText(value: string | null | undefined, field: string, missing: string): string {
  const text = (value ?? "").replace(/\r\n?/g, "\n").trim();
  if (!text) throw new Invalid({ [field]: missing });
  checkLength(text, field);
  return text;
}

export function checkLength(text: string, field: string): void {
  const length = [...text].length;
  if (length > MAX_TEXT) {
    throw new Invalid({ [field]: t("caseFiles.textTooLong", MAX_TEXT.toLocaleString("sv-SE"), length.toLocaleString("sv-SE")) });
  }
}
