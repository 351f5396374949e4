import { and, desc, eq, isNull } from "drizzle-orm";
import { applications, declarationTexts } from "../../db/schema/index.ts";
import { Conflict, NotFound } from "../../lib/errors.ts";
import { recordEvent } from "../audit/index.ts";
import type { Actor, Deps } from "../deps.ts";
import { canActAsApplicant, loadApplication, processState } from "./load-application.ts";
import { awaitingSubmission, canApplicant } from "./state-machine.ts";
import { t } from "../../lib/i18n/index.ts";

/** The förbindelsetext the applicant reads in step 3: the scheme's newest version. */
export async function currentDeclaration(deps: Deps, schemeId: string) {
  const text = await deps.db.select().from(declarationTexts).where(eq(declarationTexts.schemeId, schemeId)).orderBy(desc(declarationTexts.version)).get();
  if (!text) throw new NotFound();
  return text;
}

/** The förbindelsetext an application accepted (its version), for "Granska och skicka in". */
export async function acceptedDeclaration(deps: Deps, declarationTextId: string) {
  return (await deps.db.select().from(declarationTexts).where(eq(declarationTexts.id, declarationTextId)).get()) ?? null;
}

/**
 * Step 3, "Ja": stores which version of the förbindelsetext was accepted, when, and by whom. The
 * version is the one the applicant was shown; a newer one in between is refused, not silently used.
 * It does not send the application: `readyToSubmit` says whether "Granska och skicka in" is next
 * (no invoice for the scheme) rather than "Ange fakturamottagare".
 */
export async function declare(deps: Deps, actor: Actor & { userId: string }, input: { applicationId: string; declarationTextId: string }): Promise<{ readyToSubmit: boolean }> {
  const app = await loadApplication(deps.db, actor, input.applicationId);
  if (!(await canActAsApplicant(deps.db, actor, app.application))) throw new NotFound();
  const state = processState(app);
  const allowed = canApplicant(state, "declare");
  if (!allowed.ok) throw new Conflict(allowed.reason);
  const latest = await currentDeclaration(deps, app.scheme.id);
  if (latest.id !== input.declarationTextId) throw new Conflict("Förbindelsetexten har ändrats sedan du öppnade sidan. Läs den nya texten och svara igen.");
  const now = deps.clock.now();
  await deps.db.transaction(
    async (tx) => {
      const updated = await tx
        .update(applications)
        .set({ declarationTextId: latest.id, declaredAt: now, declaredByUserId: actor.userId, updatedAt: now })
        .where(and(eq(applications.id, app.application.id), isNull(applications.declaredAt)))
        .returning({ id: applications.id });
      if (updated.length === 0) throw new Conflict(t("rule.declaredAlready"));
      await recordEvent(tx, actor, now, {
        action: "application.declared",
        subjectType: "application",
        subjectId: app.application.id,
        personId: app.application.personId ?? actor.personId,
        companyId: app.application.companyId,
        details: { declarationVersion: latest.version },
      });
    },
    { behavior: "immediate" },
  );
  return { readyToSubmit: awaitingSubmission({ ...state, declared: true }) };
}
