import { isIsoDate } from "../../lib/dates.ts";
import { Invalid } from "../../lib/errors.ts";
import type { Actor, Deps } from "../deps.ts";
import { decideOnCertificate } from "./certificate-decision.ts";
import { suspendedMail } from "./mails.ts";

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
      if (!reason) errors.motivering = "Skriv varför certifikatet görs vilande. Skälet skickas till certifikatinnehavaren.";
      if (!isIsoDate(until)) errors.tilldatum = "Ange till och med vilket datum certifikatet är vilande (ÅÅÅÅ-MM-DD).";
      else if (until <= today) errors.tilldatum = "Datumet måste vara senare än i dag.";
      if (Object.keys(errors).length) throw new Invalid(errors);
      return { reason, until };
    },
  });
}
