import { eq } from "drizzle-orm";
import { schemes, technicalAreas } from "../../db/schema/index.ts";
import { Invalid, NotFound } from "../../lib/errors.ts";
import { recordEvent } from "../audit/index.ts";
import { schemeHasApplications } from "../certification/index.ts";
import type { Actor, Deps } from "../deps.ts";
import { changesOf } from "./changes.ts";
import { schemeFields, validate, type SchemeFields } from "./fields.ts";
import { assertCanEditCatalogue } from "./policy.ts";
import { schemeTitle } from "./queries.ts";
import { SCHEME_LABELS, schemeRow } from "./scheme-values.ts";
import { nextSchemeOrder } from "./sort-order.ts";
import { t } from "../../lib/i18n/index.ts";

/**
 * The scheme's settings. What an application already holds is its own: the förbindelsetext it
 * accepted (a new text is a new version, see publish-declaration-text.ts) and its Moment. Price and
 * rules apply from now on, e.g. to the invoice of the next certificate issued.
 */
export async function updateScheme(deps: Deps, actor: Actor, input: SchemeFields & { schemeId: string }): Promise<{ changed: string[] }> {
  assertCanEditCatalogue(actor);
  const fields = validate(schemeFields, input);
  const now = deps.clock.now();
  return deps.db.transaction(
    async (tx) => {
      const before = await tx.select().from(schemes).where(eq(schemes.id, input.schemeId)).get();
      if (!before) throw new NotFound();
      const area = await tx.select().from(technicalAreas).where(eq(technicalAreas.id, fields.areaId)).get();
      if (!area) throw new Invalid({ areaId: t("catalogue.area.notInList") });
      if (fields.subject !== before.subject && (await schemeHasApplications(tx, before.id))) {
        // A person's applications under a company scheme (or the other way round) would make no sense.
        throw new Invalid({ subject: t("catalogue.scheme.subjectLocked") });
      }
      const row = schemeRow(fields);
      // The renewal settings came later than the rest: a caller that does not send them keeps them.
      const kept = {
        extensionPriceOre: input.extensionPriceSek === undefined ? before.extensionPriceOre : row.extensionPriceOre,
        recertificationPriceOre: input.recertificationPriceSek === undefined ? before.recertificationPriceOre : row.recertificationPriceOre,
        extensionNoticeMonths: input.extensionNoticeMonths === undefined ? before.extensionNoticeMonths : row.extensionNoticeMonths,
        recertificationNoticeMonths: input.recertificationNoticeMonths === undefined ? before.recertificationNoticeMonths : row.recertificationNoticeMonths,
        suspensionEnd: input.suspensionEnd === undefined ? before.suspensionEnd : row.suspensionEnd,
        appealMonths: input.appealMonths === undefined ? before.appealMonths : row.appealMonths,
      };
      const after = { ...row, ...kept, sortOrder: fields.areaId === before.areaId ? before.sortOrder : await nextSchemeOrder(tx, area.id) };
      const diff = changesOf(before, after, SCHEME_LABELS);
      if (diff.changed.length === 0) return { changed: [] };
      await tx.update(schemes).set(after).where(eq(schemes.id, before.id));
      await recordEvent(tx, actor, now, { action: "scheme.updated", subjectType: "scheme", subjectId: before.id, details: { certificate: schemeTitle(area, after), ...diff } });
      return { changed: diff.changed };
    },
    { behavior: "immediate" },
  );
}
