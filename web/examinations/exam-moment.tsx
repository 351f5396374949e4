// The exam Moment (Provmoment) on the Certifieringsprocess page: its state in words, with the
// exams of the application (anmäld, godkänt, ej godkänt) and where to find a provtillfälle.
import type { MomentRow } from "../../modules/certification/index.ts";
import { listApplicationExams } from "../../modules/examinations/index.ts";
import type { Deps } from "../../modules/deps.ts";
import { partResultLines } from "./labels.ts";
import { t } from "../../lib/i18n/index.ts";

export type ApplicationExam = Awaited<ReturnType<typeof listApplicationExams>>[number];

export const applicationExams = (deps: Deps, applicationId: string) => listApplicationExams(deps.db, applicationId);

/** "Inväntar godkänt prov" rather than a file, for an exam Moment nobody has uploaded to. */
export const examStatusLabel = (m: Pick<MomentRow, "exam" | "status">): string | null => (m.exam && m.status === "awaiting_file" ? t("exam.awaiting") : null);

/** For the applicant (what to do next) or for staff (what happened). */
export const ExamMomentNote = ({ moment, exams, staff = false }: { moment: MomentRow; exams: ApplicationExam[]; staff?: boolean }) => {
  if (moment.status === "approved" && exams.some((e) => e.registration.result === "passed")) {
    return <p class="exam-note">{moment.reviewComment}</p>;
  }
  if (moment.status === "approved") return null;
  const lines = exams.slice(0, 3).map((e) => {
    const when = t("exam.when", e.session.date, e.session.startTime, e.centreName);
    if (e.registration.result === "failed") return t("exam.failedAt", when, partResultLines(e.parts).join("; ")) + (staff ? "" : t("exam.tryAgain"));
    return t("exam.registeredAt", when, e.session.place);
  });
  return (
    <div class="exam-note">
      {lines.map((l) => (
        <p>{l}</p>
      ))}
      {!staff && (exams.length === 0 || exams[0]!.registration.result === "failed") ? (
        <p>
          {t("exam.approvedWhen")} <a href="/examinationscentra">{t("exam.centresLink")}</a>
        </p>
      ) : null}
    </div>
  );
};
