import type { Tx } from "../../db/client.ts";
import { documents } from "../../db/schema/index.ts";
import { newId } from "../../lib/ids.ts";
import type { AcceptedUpload } from "../../lib/uploads/accept-upload.ts";
import type { Deps } from "../deps.ts";

/**
 * Puts an accepted upload in storage (durable before anything points at it), then runs `write`,
 * a transaction that inserts the document row and whatever refers to it. If the transaction
 * fails, the stored bytes are deleted again: nothing half-saved remains.
 */
export async function storeDocumentWith<T>(
  deps: Deps,
  upload: AcceptedUpload,
  uploadedByUserId: string,
  write: (tx: Tx, documentId: string) => Promise<T>,
): Promise<T> {
  const { key } = await deps.storage.put(upload.bytes);
  const documentId = newId();
  try {
    return await deps.db.transaction(
      async (tx) => {
        await tx.insert(documents).values({
          id: documentId,
          storageKey: key,
          sha256: upload.sha256,
          mime: upload.mime,
          size: upload.size,
          originalName: upload.originalName,
          uploadedByUserId,
          uploadedAt: deps.clock.now(),
        });
        return write(tx, documentId);
      },
      { behavior: "immediate" },
    );
  } catch (error) {
    await deps.storage.delete(key).catch(() => undefined);
    throw error;
  }
}
