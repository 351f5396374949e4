import { isIsoDate } from "../../lib/dates.ts";
import { Invalid } from "../../lib/errors.ts";
import type { Actor, Deps } from "../deps.ts";
import { decideOnCertificate } from "./certificate-decision.ts";
import { suspendedMail } from "./mails.ts";
import { t } from "../../lib/i18n/index.ts";

/** "Suspendera": the certificate is Vilande until a given day, with a reason the holder is told. */
export async function suspendCertificate(deps: Deps, actor: Actor & { userId: string }, input: { certificateId: string; reason: string | null; until: string | null }): Promise<{ decisionId: string }> {
  return decideOnCertificate(deps, actor, {
    certificateId: input.certificateId,
    action: "suspend",
    mail: suspendedMail,
    validate: (today) => {
      const errors: Record<string, string> = {};
      const reason = input.reason?.trim() || null;
      const until = input.until?.trim() ?? "";
      if (!reason) errors.motivering = t("review.suspend.reasonMissing");
      if (!isIsoDate(until)) errors.tilldatum = t("review.suspend.untilInvalid");
      else if (until <= today) errors.tilldatum = t("review.suspend.untilPast");
      if (Object.keys(errors).length) throw new Invalid(errors);
      return { reason, until };
    },
  });
}
