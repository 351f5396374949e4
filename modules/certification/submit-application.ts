import { Conflict, NotFound } from "../../lib/errors.ts";
import type { Actor, Deps } from "../deps.ts";
import { canActAsApplicant, loadApplication, processState } from "./load-application.ts";
import { notifyIfSubmitted } from "./notify.ts";
import { canApplicant } from "./state-machine.ts";
import { submitIfReady } from "./submit-if-ready.ts";
import { t } from "../../lib/i18n/index.ts";

/**
 * "Skicka in ansökan" on "Granska och skicka in": the applicant has seen what is sent (Moment and
 * files, the förbindelse, the fakturamottagare) and sends it to final review ("Ansökan granskas").
 * Intyga and Ange fakturamottagare no longer send it by themselves: nothing goes to the
 * certification body without a button that says so.
 */
export async function submitApplication(deps: Deps, actor: Actor & { userId: string }, input: { applicationId: string }): Promise<void> {
  const app = await loadApplication(deps.db, actor, input.applicationId);
  if (!(await canActAsApplicant(deps.db, actor, app.application))) throw new NotFound();
  const state = processState(app);
  const allowed = canApplicant(state, "submit");
  if (!allowed.ok) throw new Conflict(allowed.reason);
  const now = deps.clock.now();
  await deps.db.transaction(
    async (tx) => {
      // The status in the WHERE of submitIfReady makes a second click (or a second tab) a Conflict.
      if (!(await submitIfReady(tx, actor, now, app.application, state))) throw new Conflict(t("submit.already"));
      await notifyIfSubmitted(tx, deps, actor, app);
    },
    { behavior: "immediate" },
  );
  deps.mailQueue.kick();
}
