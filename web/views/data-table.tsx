// The one table for every list: search, sort, "Gruppera på" and "N träffar", server-rendered from
// the request's query. Plain GET links and a GET form work without JavaScript; with htmx the same
// requests fetch the whole page and morph just this table in place (hx-select), so no route needs
// a special endpoint and the hit count is announced from a live region that stays in the page.
import type { Child } from "hono/jsx";
import { formatDateTime } from "./time.ts";
import { t } from "../../lib/i18n/index.ts";

export type CellValue = string | number | Date | null;

export interface Column<R> {
  key: string;
  label: string;
  /** What search, sort and grouping use. */
  value: (row: R) => CellValue;
  /** What the cell shows; the value as text when left out. */
  render?: (row: R) => Child;
  sortable?: boolean;
  groupable?: boolean;
  /** What grouping uses when it is not the value, e.g. an event's name without its details. */
  groupValue?: (row: R) => CellValue;
  numeric?: boolean;
}

export type SortDir = "asc" | "desc";

export interface TableQuery {
  q?: string;
  sort?: string;
  dir?: SortDir;
  group?: string;
}

export interface TableResult<R> {
  rows: R[];
  groups?: { label: string; rows: R[] }[];
  /** How many rows the search left: the "N träffar". */
  total: number;
}

const collator = new Intl.Collator("sv-SE", { numeric: true });
const fold = (s: string) => s.normalize("NFC").toLocaleLowerCase("sv-SE");

/** A value as a reader sees it: the text that search matches and a group is named by. */
export function valueText(v: CellValue): string {
  if (v === null) return "";
  if (v instanceof Date) return formatDateTime(v);
  return String(v);
}

const isBlank = (v: CellValue) => v === null || v === "" || (v instanceof Date && Number.isNaN(v.getTime()));

/** Ascending order of two values; blanks are handled by the caller (always last). */
function compareValues(a: Exclude<CellValue, null>, b: Exclude<CellValue, null>): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (a instanceof Date && b instanceof Date) return a.getTime() - b.getTime();
  return collator.compare(valueText(a), valueText(b));
}

/** Blanks last whichever the direction; otherwise the direction decides. */
function compareCells(a: CellValue, b: CellValue, dir: SortDir): number {
  const blankA = isBlank(a);
  const blankB = isBlank(b);
  if (blankA || blankB) return blankA === blankB ? 0 : blankA ? 1 : -1;
  const c = compareValues(a!, b!);
  return dir === "desc" ? -c : c;
}

/** Which of the query's choices this table knows; anything else is ignored. */
export function effectiveQuery<R>(columns: Column<R>[], query: TableQuery): Required<Pick<TableQuery, "q">> & TableQuery {
  const sortCol = columns.find((c) => c.key === query.sort && c.sortable !== false);
  const groupCol = columns.find((c) => c.key === query.group && c.groupable);
  return {
    q: (query.q ?? "").trim().slice(0, 100),
    sort: sortCol?.key,
    dir: sortCol ? (query.dir === "desc" ? "desc" : "asc") : undefined,
    group: groupCol?.key,
  };
}

/**
 * The rows the table shows: those matching every word of the search in any column (case and
 * å ä ö folded the Swedish way), sorted (Swedish collation, numbers and dates naturally, blanks
 * last; a stable sort, so without a sort the caller's order stands), and grouped by a column.
 */
export function applyTableQuery<R>(rows: R[], columns: Column<R>[], query: TableQuery): TableResult<R> {
  const { q, sort, dir, group } = effectiveQuery(columns, query);
  const words = fold(q).split(/\s+/).filter(Boolean);
  let out = words.length
    ? rows.filter((row) => {
        const text = fold(columns.map((c) => valueText(c.value(row))).join("\n"));
        return words.every((w) => text.includes(w));
      })
    : [...rows];
  const sortCol = columns.find((c) => c.key === sort);
  if (sortCol) out = out.map((row, i) => ({ row, i, v: sortCol.value(row) })).sort((a, b) => compareCells(a.v, b.v, dir ?? "asc") || a.i - b.i).map((x) => x.row);
  const groupCol = columns.find((c) => c.key === group);
  if (!groupCol) return { rows: out, total: out.length };
  const byLabel = new Map<string, { value: CellValue; rows: R[] }>();
  for (const row of out) {
    const v = (groupCol.groupValue ?? groupCol.value)(row);
    const label = isBlank(v) ? "" : valueText(v);
    const g = byLabel.get(label) ?? byLabel.set(label, { value: v, rows: [] }).get(label)!;
    g.rows.push(row);
  }
  const groupDir: SortDir = sort === groupCol.key ? (dir ?? "asc") : "asc";
  const groups = [...byLabel.entries()]
    .sort(([, a], [, b]) => compareCells(a.value, b.value, groupDir))
    .map(([label, g]) => ({ label: label || t("table.notGiven"), rows: g.rows }));
  return { rows: out, groups, total: out.length };
}

/** Up to this many rows a table shows no search and grouping form. */
export const FEW_ROWS = 3;

/** "1 träff", otherwise "N träffar". */
export const hitsText = (n: number) => t("table.hits", n);

export interface DataTableProps<R> {
  /** Names this table's query params (`<prefix>_q`, `_sort`, `_dir`, `_group`) and its ids. */
  prefix: string;
  /** The table's name: the (visually hidden) caption and the search's accessible name. */
  caption: string;
  columns: Column<R>[];
  rows: R[];
  /** The page the table is on: links and the form lead here. */
  path: string;
  /** The request's query params, this table's and everyone else's (kept in links and the form). */
  query?: Record<string, string | undefined>;
  /** What the table says when there is nothing to show. */
  empty: string;
  /** Off where the page searches by itself (e.g. in the database); sort and grouping stay. */
  searchable?: boolean;
  /** The order the rows come in, marked on its header when the request asks for no other. */
  defaultSort?: { key: string; dir: SortDir };
}

/** The query params of one table. */
export function paramNames(prefix: string) {
  const p = (n: string) => (prefix ? `${prefix}_${n}` : n);
  return { q: p("q"), sort: p("sort"), dir: p("dir"), group: p("group") };
}

function href(path: string, params: Record<string, string | undefined>, hash?: string): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) qs.set(k, v);
  const s = qs.toString();
  return `${path}${s ? `?${s}` : ""}${hash ? `#${hash}` : ""}`;
}

export function DataTable<R>(props: DataTableProps<R>) {
  const { prefix, caption, columns, path, searchable = true } = props;
  const names = paramNames(prefix);
  const query = props.query ?? {};
  const requested: TableQuery = { q: query[names.q], sort: query[names.sort], dir: query[names.dir] as SortDir | undefined, group: query[names.group] };
  const fromRequest = effectiveQuery(columns, requested);
  // Without a sort in the request the rows stand in the caller's order, which defaultSort names.
  const state = fromRequest.sort ? fromRequest : effectiveQuery(columns, { sort: props.defaultSort?.key, dir: props.defaultSort?.dir });
  const result = applyTableQuery(props.rows, columns, { ...fromRequest, q: searchable ? fromRequest.q : "" });
  const own = new Set(Object.values(names));
  const others = Object.fromEntries(Object.entries(query).filter(([k, v]) => !own.has(k) && v !== undefined && v !== "")) as Record<string, string>;
  const base = prefix || "tabell";
  const id = `${base}-tabell`;
  const hx = { "hx-select": `#${id}`, "hx-target": `#${id}`, "hx-swap": "outerMorph", "hx-push-url": "true" };
  const groupable = columns.filter((c) => c.groupable);
  const emptyText = result.total === 0 && props.rows.length > 0 ? t("table.noMatch") : props.empty;
  // A table of a few rows is read at a glance: no Sök / Gruppera på / Visa, unless a search or
  // grouping of it is in the request (then the form stays, to change or clear it).
  const tools = props.rows.length > FEW_ROWS || Boolean(fromRequest.q || fromRequest.group);
  const width = columns.length;

  const headerLink = (c: Column<R>) => {
    const dir: SortDir = state.sort === c.key && state.dir === "asc" ? "desc" : "asc";
    const params = { ...others, [names.q]: searchable ? fromRequest.q : undefined, [names.group]: fromRequest.group, [names.sort]: c.key, [names.dir]: dir };
    return (
      <a href={href(path, params, id)} hx-get={href(path, params)} {...hx}>
        {c.label}
      </a>
    );
  };

  const bodyRows = (rows: R[]) =>
    rows.map((row) => (
      <tr>
        {columns.map((c) => (
          <td class={c.numeric ? "num" : undefined}>{c.render ? c.render(row) : <DefaultCell value={c.value(row)} />}</td>
        ))}
      </tr>
    ));

  return (
    <div id={id} class="data-table">
      <div class="table-tools">
        <p class="hits" aria-live="polite">
          {hitsText(result.total)}
        </p>
        {tools && (searchable || groupable.length) ? (
          <form method="get" action={path} class="table-search" role={searchable ? "search" : undefined} aria-label={searchable ? caption : undefined} hx-get={path} hx-sync="this:replace" {...hx}>
            {Object.entries(others).map(([k, v]) => (
              <input type="hidden" name={k} value={v} />
            ))}
            {fromRequest.sort ? (
              <>
                <input type="hidden" name={names.sort} value={fromRequest.sort} />
                <input type="hidden" name={names.dir} value={fromRequest.dir} />
              </>
            ) : null}
            {searchable ? (
              <div class="table-search__field">
                <label for={`${base}-sok`}>
                  {t("table.search")}
                  <span class="visually-hidden">{t("table.inCaption", caption)}</span>
                </label>
                <input
                  id={`${base}-sok`}
                  type="search"
                  name={names.q}
                  value={fromRequest.q}
                  autocomplete="off"
                  maxlength={100}
                  hx-get={path}
                  hx-trigger="input changed delay:300ms, search"
                  hx-include="closest form"
                  hx-sync="closest form:replace"
                  {...hx}
                />
              </div>
            ) : null}
            {groupable.length ? (
              <div class="table-search__field">
                <label for={`${base}-gruppera`}>
                  {t("table.groupBy")}
                  <span class="visually-hidden">{t("table.inCaption", caption)}</span>
                </label>
                <select id={`${base}-gruppera`} name={names.group} hx-get={path} hx-trigger="change" hx-include="closest form" hx-sync="closest form:replace" {...hx}>
                  <option value="" selected={!fromRequest.group}>
                    {t("table.noGrouping")}
                  </option>
                  {groupable.map((c) => (
                    <option value={c.key} selected={fromRequest.group === c.key}>
                      {c.label}
                    </option>
                  ))}
                </select>
              </div>
            ) : null}
            <button type="submit" class="button button--secondary">
              {t("table.show")}
            </button>
          </form>
        ) : null}
      </div>
      <div class="table-wrap">
        <table class="data">
          <caption class="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th scope="col" class={c.numeric ? "num" : undefined} aria-sort={state.sort === c.key ? (state.dir === "desc" ? "descending" : "ascending") : undefined}>
                  {c.sortable === false ? c.label : headerLink(c)}
                </th>
              ))}
            </tr>
          </thead>
          {result.total === 0 ? (
            <tbody>
              <tr>
                <td colspan={width} class="empty">
                  {emptyText}
                </td>
              </tr>
            </tbody>
          ) : result.groups ? (
            // Each group is a row group of its own, headed by a th that names it for its rows.
            result.groups.map((g) => (
              <tbody>
                <tr class="group">
                  <th colspan={width} scope="rowgroup">
                    {g.label} ({hitsText(g.rows.length)})
                  </th>
                </tr>
                {bodyRows(g.rows)}
              </tbody>
            ))
          ) : (
            <tbody>{bodyRows(result.rows)}</tbody>
          )}
        </table>
      </div>
    </div>
  );
}

const DefaultCell = ({ value }: { value: CellValue }) => (value instanceof Date ? <time datetime={value.toISOString()}>{formatDateTime(value)}</time> : <>{valueText(value)}</>);
