// Invoices for web and browser tests: an application straight into final review, then granted by
// a decider through the real operation, which creates, renders and sends the invoice.
import { actorForUser } from "../modules/accounts/find-user.ts";
import type { Actor, Deps } from "../modules/deps.ts";
import { decideApplication } from "../modules/review/index.ts";
import { applicationInFinalReview } from "./applications.ts";

type FinalReviewInput = Parameters<typeof applicationInFinalReview>[1];

export async function issueInvoiced(deps: Deps, deciderUserId: string, input: FinalReviewInput) {
  const decider = (await actorForUser(deps.db, deciderUserId)) as Actor & { userId: string };
  const applicationId = await applicationInFinalReview(deps, input);
  const result = await decideApplication(deps, decider, { applicationId, decision: "grant" });
  if (!result.invoice || !result.certificate) throw new Error(`${input.schemeCode} was issued without an invoice`);
  return { applicationId, invoice: result.invoice, certificate: result.certificate };
}
