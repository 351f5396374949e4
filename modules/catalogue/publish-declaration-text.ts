import { desc, eq } from "drizzle-orm";
import { z } from "zod";
import { isUniqueViolation } from "../../db/errors.ts";
import { declarationTexts } from "../../db/schema/index.ts";
import { Conflict, Invalid } from "../../lib/errors.ts";
import { newId } from "../../lib/ids.ts";
import { recordEvent } from "../audit/index.ts";
import type { Actor, Deps } from "../deps.ts";
import { declarationField, validate } from "./fields.ts";
import { assertCanEditCatalogue } from "./policy.ts";
import { getScheme, schemeTitle } from "./queries.ts";
import { t } from "../../lib/i18n/index.ts";

/**
 * A new version of the förbindelsetext, never an edit of the old one: an application keeps the
 * version its applicant accepted (applications.declarationTextId), and new ones are shown this.
 * Someone reading the old version when this is published is asked to read the new one (see declare).
 */
export async function publishDeclarationText(deps: Deps, actor: Actor, input: { schemeId: string; text: string }): Promise<{ declarationTextId: string; version: number }> {
  assertCanEditCatalogue(actor);
  const { text } = validate(z.object({ text: declarationField }), input);
  const now = deps.clock.now();
  const id = newId();
  return deps.db
    .transaction(
      async (tx) => {
        const { scheme, area } = await getScheme(tx, input.schemeId);
        const latest = await tx.select().from(declarationTexts).where(eq(declarationTexts.schemeId, scheme.id)).orderBy(desc(declarationTexts.version)).get();
        if (latest?.text === text) throw new Invalid({ text: t("catalogue.decl.same", latest.version) });
        const version = (latest?.version ?? 0) + 1;
        await tx.insert(declarationTexts).values({ id, schemeId: scheme.id, version, text, createdAt: now });
        await recordEvent(tx, actor, now, {
          action: "scheme.declaration_published",
          subjectType: "scheme",
          subjectId: scheme.id,
          details: { certificate: schemeTitle(area, scheme), declarationVersion: version },
        });
        return { declarationTextId: id, version };
      },
      { behavior: "immediate" },
    )
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw new Conflict(t("catalogue.decl.raced"));
      throw error;
    });
}
