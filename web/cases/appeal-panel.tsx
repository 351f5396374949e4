// "Överklaga beslut" on the applicant's process page and the holder's certificate page: each
// decision against them that still stands, with "Överklaga beslutet" and its deadline, why it can
// no longer be appealed, or the case it is appealed in.
import type { DbOrTx } from "../../db/client.ts";
import { swedishLongDate } from "../../lib/dates.ts";
import { APPEALED_LABELS, appealOptions, appealsConcerning, canAppeal, caseStatusText, loadAppealTarget, type AppealOption } from "../../modules/cases/index.ts";
import { appealUrl, ownCaseUrl } from "./paths.ts";
import { t } from "../../lib/i18n/index.ts";

export type AppealPanelData = Awaited<ReturnType<typeof appealPanelData>>;

export async function appealPanelData(db: DbOrTx, of: { applicationId: string } | { certificateId: string }, today: string) {
  const [options, appeals] = await Promise.all([appealOptions(db, of, today), appealsConcerning(db, of)]);
  const shown = new Set(options.map((o) => o.loaded.existing?.id));
  return { options, others: appeals.filter((a) => !shown.has(a.id)) };
}

export const appealedText = (o: Pick<AppealOption["loaded"], "kind" | "momentName">) => (o.kind === "moment" ? t("appeal.momentRejected", o.momentName ?? "") : APPEALED_LABELS[o.kind]);

const Option = ({ o }: { o: AppealOption }) => {
  const what = appealedText(o.loaded);
  const existing = o.loaded.existing;
  return (
    <li>
      <p>
        <strong>{what}</strong>
        {t("appeal.decidedOn", swedishLongDate(o.loaded.decidedOn))}
      </p>
      {existing ? (
        <p>
          {t("appeal.appealed")} <a href={ownCaseUrl(existing.id)}>{t("case.title", existing.number)}</a> ({caseStatusText(existing)}).
        </p>
      ) : o.verdict.ok ? (
        <p class="appeal-offer">
          {/* A flex button would read its hidden suffix as a separate word: the name says it whole. */}
          <a class="button button--secondary" href={appealUrl(o.target)} aria-label={t("appeal.buttonFor", what)}>
            {t("appeal.button")}
          </a>{" "}
          <span class="appeal-deadline">{t("appeal.by", swedishLongDate(o.verdict.deadline))}</span>
        </p>
      ) : (
        <p class="muted">{o.verdict.reason}</p>
      )}
    </li>
  );
};

export const AppealPanel = ({ data }: { data: AppealPanelData | null }) =>
  !data || data.options.length + data.others.length === 0 ? null : (
    <section aria-labelledby="overklaga" class="appeals">
      <h2 id="overklaga">{t("appeal.panel")}</h2>
      <p>{t("appeal.panel.intro")}</p>
      <ul class="appeal-list">
        {data.options.map((o) => (
          <Option o={o} />
        ))}
        {data.others.map((a) => (
          <li>
            <p>
              <strong>{a.appealedKind ? APPEALED_LABELS[a.appealedKind] : t("caseKind.appeal")}</strong>: <a href={ownCaseUrl(a.id)}>{t("case.title", a.number)}</a> ({caseStatusText(a)}).
            </p>
          </li>
        ))}
      </ul>
    </section>
  );

/** The Ej godkänt of one Moment, for its own page: appealable, appealed, or why not. */
export async function momentAppealOption(db: DbOrTx, momentId: string, today: string): Promise<AppealOption | null> {
  const loaded = await loadAppealTarget(db, { momentId });
  if (!loaded || !(loaded.inEffect || loaded.existing)) return null;
  return { target: { momentId }, loaded, verdict: canAppeal({ ...loaded, existingCaseNumber: loaded.existing?.number ?? null }, today) };
}

/** "Håller du inte med? Överklaga beslutet senast …" under the reviewer's comment. */
export const MomentAppeal = ({ option }: { option: AppealOption | null }) =>
  !option ? null : (
    <>
      <dt>{t("appeal.appeal")}</dt>
      <dd>
        {option.loaded.existing ? (
          <>
            {t("appeal.appealed")} <a href={ownCaseUrl(option.loaded.existing.id)}>{t("case.title", option.loaded.existing.number)}</a> ({caseStatusText(option.loaded.existing)}).
          </>
        ) : option.verdict.ok ? (
          <>
            {t("appeal.moment.disagree")} <a href={appealUrl(option.target)}>{t("appeal.button")}</a> {t("appeal.moment.by", swedishLongDate(option.verdict.deadline))}
          </>
        ) : (
          option.verdict.reason
        )}
      </dd>
    </>
  );
