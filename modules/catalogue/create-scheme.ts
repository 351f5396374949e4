import { z } from "zod";
import { eq } from "drizzle-orm";
import { declarationTexts, schemes, technicalAreas } from "../../db/schema/index.ts";
import { Invalid } from "../../lib/errors.ts";
import { newId } from "../../lib/ids.ts";
import { recordEvent } from "../audit/index.ts";
import type { Actor, Deps } from "../deps.ts";
import { codeTaken, resolveCode, uniqueAs } from "./codes.ts";
import { all, codeField, declarationField, schemeFields, validate, type SchemeFields } from "./fields.ts";
import { assertCanEditCatalogue } from "./policy.ts";
import { schemeTitle } from "./queries.ts";
import { schemeRow } from "./scheme-values.ts";
import { nextSchemeOrder } from "./sort-order.ts";
import { t } from "../../lib/i18n/index.ts";

export interface SchemeInput extends SchemeFields {
  /** Empty: made from the name. */
  code?: string | null;
  /** The first förbindelsetext: without one nobody could intyga an application. */
  declaration: string;
}

/** "Nytt certifikat": the scheme and version 1 of its förbindelsetext. Its Moment are added next. */
export async function createScheme(deps: Deps, actor: Actor, input: SchemeInput): Promise<{ schemeId: string; code: string }> {
  assertCanEditCatalogue(actor);
  const [fields, { code: typed }, { declaration }] = all(
    () => validate(schemeFields, input),
    () => validate(z.object({ code: codeField }), input),
    () => validate(z.object({ declaration: declarationField }), input),
  );
  const code = resolveCode(typed, fields.name);
  const taken = codeTaken(code, "scheme");
  const schemeId = newId();
  const now = deps.clock.now();
  await deps.db
    .transaction(
      async (tx) => {
        const area = await tx.select().from(technicalAreas).where(eq(technicalAreas.id, fields.areaId)).get();
        if (!area) throw new Invalid({ areaId: t("catalogue.area.notInList") });
        if (await tx.select({ id: schemes.id }).from(schemes).where(eq(schemes.code, code.code)).get()) throw taken;
        await tx.insert(schemes).values({ id: schemeId, code: code.code, ...schemeRow(fields), sortOrder: await nextSchemeOrder(tx, area.id) });
        await tx.insert(declarationTexts).values({ id: newId(), schemeId, version: 1, text: declaration, createdAt: now });
        await recordEvent(tx, actor, now, {
          action: "scheme.created",
          subjectType: "scheme",
          subjectId: schemeId,
          details: { certificate: schemeTitle(area, fields), code: code.code, declarationVersion: 1 },
        });
      },
      { behavior: "immediate" },
    )
    .catch(uniqueAs(taken));
  return { schemeId, code: code.code };
}
