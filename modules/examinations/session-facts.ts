import type { SessionFacts } from "./mails.ts";
import type { Centre, ExamSession } from "./membership.ts";

/** What mails and the Händelselogg say about a provtillfälle. */
export function sessionFacts(session: ExamSession, centre: Centre, scheme: { title: string }, parts: { name: string }[]): SessionFacts {
  return { title: scheme.title, centreName: centre.name, date: session.date, startTime: session.startTime, place: session.place, parts: parts.map((p) => p.name) };
}

/** "2026-12-03 kl. 09:00, Provhallen, Industrigatan 4": a session in a line. */
export const sessionLine = (s: { date: string; startTime: string; place: string }) => `${s.date} kl. ${s.startTime}, ${s.place}`;
