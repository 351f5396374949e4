import type { Tx } from "../../db/client.ts";
import { documents } from "../../db/schema/index.ts";
import { newId } from "../../lib/ids.ts";
import type { AcceptedUpload } from "../../lib/uploads/accept-upload.ts";
import type { Deps } from "../deps.ts";

/**
 * Several accepted uploads at once (a case's files): every file is stored durably first, then one
 * transaction inserts their document rows and runs `write` with their ids. If anything fails, every
 * stored file is deleted again: the files come all together or not at all. `uploadedByUserId` is
 * null for a visitor who is not logged in.
 */
export async function storeDocumentsWith<T>(deps: Deps, uploads: readonly AcceptedUpload[], uploadedByUserId: string | null, write: (tx: Tx, documentIds: string[]) => Promise<T>): Promise<T> {
  const keys: string[] = [];
  try {
    for (const upload of uploads) keys.push((await deps.storage.put(upload.bytes)).key);
    const ids = uploads.map(() => newId());
    return await deps.db.transaction(
      async (tx) => {
        const now = deps.clock.now();
        for (const [i, upload] of uploads.entries()) {
          await tx.insert(documents).values({ id: ids[i]!, storageKey: keys[i]!, sha256: upload.sha256, mime: upload.mime, size: upload.size, originalName: upload.originalName, uploadedByUserId, uploadedAt: now });
        }
        return write(tx, ids);
      },
      { behavior: "immediate" },
    );
  } catch (error) {
    for (const key of keys) await deps.storage.delete(key).catch(() => undefined);
    throw error;
  }
}
