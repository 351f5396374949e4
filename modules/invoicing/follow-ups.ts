import { actorForUser } from "../accounts/find-user.ts";
import type { Actor } from "../deps.ts";
import type { FollowUpHandlers } from "../outbox/follow-ups.ts";
import { deliverInvoice } from "./invoice-pdf.ts";

/** After issuance: the invoice's PDF is made and stored and its mail queued, in the decider's name. */
export const invoiceFollowUps: FollowUpHandlers = {
  "invoice.send": async (deps, payload) => {
    const actor = (await actorForUser(deps.db, payload.actorUserId!)) as Actor & { userId: string };
    await deliverInvoice(deps, actor, payload.invoiceId!, { resend: false });
  },
};
