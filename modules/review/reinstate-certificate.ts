import type { Actor, Deps } from "../deps.ts";
import { decideOnCertificate } from "./certificate-decision.ts";
import { reinstatedMail } from "./mails.ts";

/** "Återaktivera": a Vilande certificate is Aktivt again; a comment is optional. */
export async function reinstateCertificate(deps: Deps, actor: Actor & { userId: string }, input: { certificateId: string; reason?: string | null }): Promise<{ decisionId: string }> {
  return decideOnCertificate(deps, actor, {
    certificateId: input.certificateId,
    action: "reinstate",
    mail: reinstatedMail,
    validate: () => ({ reason: input.reason?.trim() || null }),
  });
}
