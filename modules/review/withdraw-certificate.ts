import { Invalid } from "../../lib/errors.ts";
import type { Actor, Deps } from "../deps.ts";
import { decideOnCertificate } from "./certificate-decision.ts";
import { withdrawnMail } from "./mails.ts";
import { t } from "../../lib/i18n/index.ts";

/** "Dra in": the certificate is Indraget for good (terminal), with a reason the holder is told. */
export async function withdrawCertificate(deps: Deps, actor: Actor & { userId: string }, input: { certificateId: string; reason: string | null }): Promise<{ decisionId: string }> {
  return decideOnCertificate(deps, actor, {
    certificateId: input.certificateId,
    action: "withdraw",
    mail: withdrawnMail,
    validate: () => {
      const reason = input.reason?.trim() || null;
      if (!reason) throw new Invalid({ motivering: t("review.withdraw.reasonMissing") });
      return { reason };
    },
  });
}
