import { and, eq } from "drizzle-orm";
import { examinationCentreSchemes, examSessionParts, examSessions } from "../../db/schema/index.ts";
import { isIsoDate, swedishDate } from "../../lib/dates.ts";
import { Forbidden, Invalid } from "../../lib/errors.ts";
import { newId } from "../../lib/ids.ts";
import { recordEvent } from "../audit/index.ts";
import { getScheme, listExamParts, schemeTitle } from "../catalogue/index.ts";
import type { Actor, Deps } from "../deps.ts";
import { centreFacts, centreFor } from "./membership.ts";
import { canWorkAtCentre } from "./policy.ts";
import { t } from "../../lib/i18n/index.ts";

export interface SessionInput {
  centreId: string;
  schemeId: string;
  /** YYYY-MM-DD and HH:MM, Swedish time. */
  date: string;
  startTime: string;
  place: string;
  seats: number;
  /** The scheme's exam parts this session examines. */
  partIds: string[];
}

export const MAX_SEATS = 500;

/** "Nytt provtillfälle": an examinator puts up an exam of one of the centre's schemes. */
export async function createSession(deps: Deps, actor: Actor & { userId: string }, input: SessionInput): Promise<{ sessionId: string }> {
  const { centre, membership } = await centreFor(deps.db, actor, input.centreId);
  const allowed = canWorkAtCentre(actor, membership, centreFacts(centre));
  if (!allowed.ok) throw new Forbidden(allowed.reason);
  const today = swedishDate(deps.clock.now());
  const errors: Record<string, string> = {};
  const offered = await deps.db
    .select({ schemeId: examinationCentreSchemes.schemeId })
    .from(examinationCentreSchemes)
    .where(and(eq(examinationCentreSchemes.centreId, centre.id), eq(examinationCentreSchemes.schemeId, input.schemeId)))
    .get();
  const parts = offered ? await listExamParts(deps.db, input.schemeId) : [];
  if (!offered) errors.certifikat = t("session.err.scheme");
  if (!isIsoDate(input.date)) errors.datum = t("session.err.date");
  else if (input.date < today) errors.datum = t("session.err.past");
  else if (input.date > `${Number(today.slice(0, 4)) + 3}${today.slice(4)}`) errors.datum = t("session.err.far");
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(input.startTime)) errors.tid = t("session.err.time");
  const place = input.place.trim();
  if (!place) errors.plats = t("session.err.place");
  else if (place.length > 200) errors.plats = t("session.err.placeLong");
  if (!Number.isInteger(input.seats) || input.seats < 1 || input.seats > MAX_SEATS) errors.platser = t("session.err.seats", MAX_SEATS);
  const partIds = [...new Set(input.partIds)];
  if (offered && (partIds.length === 0 || partIds.some((id) => !parts.some((p) => p.id === id)))) errors.delar = t("session.err.parts");
  if (Object.keys(errors).length) throw new Invalid(errors);
  const { scheme, area } = await getScheme(deps.db, input.schemeId);
  const sessionId = newId();
  const now = deps.clock.now();
  await deps.db.transaction(
    async (tx) => {
      await tx.insert(examSessions).values({ id: sessionId, centreId: centre.id, schemeId: scheme.id, date: input.date, startTime: input.startTime, place, seats: input.seats, createdAt: now, createdByUserId: actor.userId });
      for (const partId of partIds) await tx.insert(examSessionParts).values({ sessionId, partId });
      await recordEvent(tx, actor, now, {
        action: "exam_session.created",
        subjectType: "exam_session",
        subjectId: sessionId,
        details: { centre: centre.name, certificate: schemeTitle(area, scheme), session: `${input.date} kl. ${input.startTime}, ${place}`, parts: parts.filter((p) => partIds.includes(p.id)).map((p) => p.name) },
      });
    },
    { behavior: "immediate" },
  );
  return { sessionId };
}
