import { describe, expect, it } from "vitest";
import { applyTableQuery, DataTable, type Column } from "./data-table.tsx";

interface Row {
  name: string;
  nr: number | null;
  city: string | null;
  at: Date | null;
}

const rows: Row[] = [
  { name: "Zeta AB", nr: 10, city: "Umeå", at: new Date("2025-03-01T10:00:00Z") },
  { name: "Åkeri AB", nr: 2, city: "Örebro", at: null },
  { name: "Ädel AB", nr: null, city: "Umeå", at: new Date("2025-01-01T10:00:00Z") },
  { name: "alfa AB", nr: 9, city: null, at: new Date("2025-02-01T10:00:00Z") },
  { name: "Östra AB", nr: 1, city: "Örebro", at: new Date("2024-12-01T10:00:00Z") },
];

const columns: Column<Row>[] = [
  { key: "name", label: "Företag", value: (r) => r.name },
  { key: "nr", label: "Nr", value: (r) => r.nr, numeric: true },
  { key: "city", label: "Ort", value: (r) => r.city, groupable: true },
  { key: "at", label: "Registrerad", value: (r) => r.at },
];

const names = (rs: Row[]) => rs.map((r) => r.name);

describe("applyTableQuery", () => {
  it("keeps the caller's order without a query", () => {
    const r = applyTableQuery(rows, columns, {});
    expect(names(r.rows)).toEqual(names(rows));
    expect(r.total).toBe(5);
    expect(r.groups).toBeUndefined();
  });

  it("searches case-insensitively over every column, folding å ä ö", () => {
    expect(names(applyTableQuery(rows, columns, { q: "ÅKERI" }).rows)).toEqual(["Åkeri AB"]);
    expect(names(applyTableQuery(rows, columns, { q: "åkeri" }).rows)).toEqual(["Åkeri AB"]);
    expect(names(applyTableQuery(rows, columns, { q: "umeå" }).rows)).toEqual(["Zeta AB", "Ädel AB"]);
    // Every word, in any column.
    expect(names(applyTableQuery(rows, columns, { q: "ab örebro" }).rows)).toEqual(["Åkeri AB", "Östra AB"]);
    expect(applyTableQuery(rows, columns, { q: "finns inte" }).total).toBe(0);
    expect(applyTableQuery(rows, columns, { q: "   " }).total).toBe(5);
  });

  it("sorts strings the Swedish way: å ä ö after z, case aside", () => {
    expect(names(applyTableQuery(rows, columns, { sort: "name", dir: "asc" }).rows)).toEqual(["alfa AB", "Zeta AB", "Åkeri AB", "Ädel AB", "Östra AB"]);
    expect(names(applyTableQuery(rows, columns, { sort: "name", dir: "desc" }).rows)).toEqual(["Östra AB", "Ädel AB", "Åkeri AB", "Zeta AB", "alfa AB"]);
  });

  it("sorts numbers and dates naturally, blanks last in both directions", () => {
    expect(names(applyTableQuery(rows, columns, { sort: "nr" }).rows)).toEqual(["Östra AB", "Åkeri AB", "alfa AB", "Zeta AB", "Ädel AB"]);
    expect(names(applyTableQuery(rows, columns, { sort: "nr", dir: "desc" }).rows)).toEqual(["Zeta AB", "alfa AB", "Åkeri AB", "Östra AB", "Ädel AB"]);
    expect(names(applyTableQuery(rows, columns, { sort: "at" }).rows)).toEqual(["Östra AB", "Ädel AB", "alfa AB", "Zeta AB", "Åkeri AB"]);
    expect(names(applyTableQuery(rows, columns, { sort: "at", dir: "desc" }).rows)).toEqual(["Zeta AB", "alfa AB", "Ädel AB", "Östra AB", "Åkeri AB"]);
  });

  it("sorts numbers in text numerically", () => {
    const items = [{ n: "A10" }, { n: "A9" }, { n: "A100" }];
    const r = applyTableQuery(items, [{ key: "n", label: "N", value: (x) => x.n }], { sort: "n" });
    expect(r.rows.map((x) => x.n)).toEqual(["A9", "A10", "A100"]);
  });

  it("ignores unknown or unsortable columns and a bad direction", () => {
    expect(names(applyTableQuery(rows, columns, { sort: "nope" }).rows)).toEqual(names(rows));
    const unsortable: Column<Row>[] = [{ ...columns[0]!, sortable: false }];
    expect(names(applyTableQuery(rows, unsortable, { sort: "name" }).rows)).toEqual(names(rows));
    expect(names(applyTableQuery(rows, columns, { sort: "nr", dir: "sideways" as "asc" }).rows)[0]).toBe("Östra AB");
  });

  it("groups by a groupable column in sorted order, blanks last, rows in the chosen sort", () => {
    const r = applyTableQuery(rows, columns, { group: "city", sort: "name" });
    expect(r.total).toBe(5);
    expect(r.groups?.map((g) => [g.label, names(g.rows)])).toEqual([
      ["Umeå", ["Zeta AB", "Ädel AB"]],
      ["Örebro", ["Åkeri AB", "Östra AB"]],
      ["Ej angivet", ["alfa AB"]],
    ]);
    // Sorting by the grouped column turns the groups around too.
    expect(applyTableQuery(rows, columns, { group: "city", sort: "city", dir: "desc" }).groups?.map((g) => g.label)).toEqual(["Örebro", "Umeå", "Ej angivet"]);
    // Not groupable: no groups.
    expect(applyTableQuery(rows, columns, { group: "name" }).groups).toBeUndefined();
  });
});

const render = (props: Partial<Parameters<typeof DataTable<Row>>[0]> = {}) =>
  String(<DataTable<Row> prefix="f" caption="Företag" columns={columns} rows={rows} path="/lista" empty="Inga företag ännu." {...props} />);

const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();

describe("DataTable", () => {
  it("says how many hits: 0 träffar, 1 träff, N träffar", () => {
    expect(textOf(render({ rows: [] }))).toContain("0 träffar");
    expect(textOf(render({ rows: [] }))).toContain("Inga företag ännu.");
    expect(textOf(render({ rows: rows.slice(0, 1) }))).toContain("1 träff");
    expect(textOf(render({ rows: rows.slice(0, 2) }))).toContain("2 träffar");
    const searched = render({ query: { f_q: "örebro" } });
    expect(searched).toMatch(/<p class="hits" aria-live="polite">2 träffar<\/p>/);
    const none = textOf(render({ query: { f_q: "ingenting" } }));
    expect(none).toContain("0 träffar");
    expect(none).toContain("Inget i listan matchar sökningen.");
  });

  it("labels its search and grouping, names the table and keeps no inline style or script", () => {
    const html = render();
    expect(html).toContain('<caption class="visually-hidden">Företag</caption>');
    expect(html).toMatch(/<label for="f-sok">Sök<span class="visually-hidden"> i Företag<\/span><\/label>/);
    expect(html).toMatch(/<input id="f-sok" type="search" name="f_q"/);
    expect(html).toMatch(/<label for="f-gruppera">Gruppera på/);
    expect(html).toMatch(/<select id="f-gruppera" name="f_group"/);
    expect(html).toContain('<option value="" selected="">Ingen gruppering</option>');
    expect(html).toContain('<option value="city">Ort</option>');
    expect(html).not.toContain('<option value="name"');
    expect(html).toContain('<table class="data">');
    expect(html).not.toMatch(/style=|<script/);
    // htmx: fetch the page, take and morph this table only.
    expect(html).toContain('hx-trigger="input changed delay:300ms, search"');
    expect(html).toContain('hx-select="#f-tabell"');
    expect(html).toContain('hx-target="#f-tabell"');
    expect(html).toContain('hx-push-url="true"');
    expect(html).toContain('<div id="f-tabell" class="data-table">');
  });

  it("marks the sorted column and links each header to toggle its sort, keeping the rest of the query", () => {
    const html = render({ query: { f_sort: "name", f_dir: "asc", f_q: "ab", f_group: "city", other_q: "x y", tab: "2" } });
    expect(html).toMatch(/<th scope="col" aria-sort="ascending"><a href="\/lista\?([^"]*)"/);
    const nameLink = html.match(/aria-sort="ascending"><a href="([^"]+)"/)![1]!.replace(/&amp;/g, "&");
    const url = new URL(nameLink, "http://x");
    expect(url.pathname).toBe("/lista");
    expect(url.hash).toBe("#f-tabell");
    expect(Object.fromEntries(url.searchParams)).toEqual({ other_q: "x y", tab: "2", f_q: "ab", f_group: "city", f_sort: "name", f_dir: "desc" });
    // Another column starts ascending.
    const nrLink = html.match(/<th scope="col" class="num"><a href="([^"]+)"/)![1]!.replace(/&amp;/g, "&");
    expect(new URL(nrLink, "http://x").searchParams.get("f_dir")).toBe("asc");
    expect(html.match(/aria-sort=/g)).toHaveLength(1);
    // The form keeps the other params and the sort, but not its own fields twice.
    expect(html).toContain('<input type="hidden" name="other_q" value="x y"/>');
    expect(html).toContain('<input type="hidden" name="tab" value="2"/>');
    expect(html).toContain('<input type="hidden" name="f_sort" value="name"/>');
    expect(html).not.toContain('type="hidden" name="f_q"');

    const desc = render({ query: { f_sort: "nr", f_dir: "desc" } });
    expect(desc).toContain('aria-sort="descending"');
    expect(textOf(desc).indexOf("Zeta AB")).toBeLessThan(textOf(desc).indexOf("Östra AB"));
  });

  it("marks the default sort when the request names none", () => {
    expect(render({ defaultSort: { key: "at", dir: "desc" } })).toMatch(/aria-sort="descending"><a [^>]*>Registrerad</);
    expect(render({ defaultSort: { key: "at", dir: "desc" }, query: { f_sort: "name" } })).toMatch(/aria-sort="ascending"><a [^>]*>Företag</);
  });

  it("renders groups as row groups headed by their value", () => {
    const html = render({ query: { f_group: "city" } });
    expect(html).toContain('<option value="city" selected="">Ort</option>');
    expect(html).toMatch(/<tbody><tr class="group"><th colspan="4" scope="rowgroup">Umeå \(2 träffar\)<\/th><\/tr>/);
    expect(html).toContain("Ej angivet (1 träff)");
  });

  it("uses the column's render for the cell and the value as text otherwise", () => {
    const html = render({ columns: [{ ...columns[0]!, render: (r) => <a href={`/f/${r.nr}`}>{r.name}</a> }, columns[3]!], rows: rows.slice(0, 2) });
    expect(html).toContain('<a href="/f/10">Zeta AB</a>');
    expect(html).toContain('<time datetime="2025-03-01T10:00:00.000Z">2025-03-01 11:00</time>');
  });

  it("two tables on one page do not share ids or params", () => {
    const a = render({ prefix: "a" });
    const b = render({ prefix: "b" });
    expect(a).toContain('id="a-sok"');
    expect(b).toContain('id="b-sok"');
    expect(b).toContain('name="b_q"');
  });

  it("leaves Sök, Gruppera på and Visa out for a table of a few rows, unless it is searched or grouped", () => {
    for (const few of [[], rows.slice(0, 1), rows.slice(0, 3)]) {
      const html = render({ rows: few });
      expect(html).not.toContain('type="search"');
      expect(html).not.toContain("Gruppera på");
      expect(html).not.toMatch(/>Visa</);
      expect(textOf(html)).toMatch(/\d+ träff/);
    }
    expect(render({ rows: rows.slice(0, 4) })).toContain('type="search"');
    expect(render({ rows: rows.slice(0, 2), query: { f_q: "zeta" } })).toContain('type="search"');
    expect(render({ rows: rows.slice(0, 2), query: { f_group: "city" } })).toContain("Gruppera på");
  });

  it("leaves search out where the page searches by itself, keeping the page's query", () => {
    const html = render({ searchable: false, query: { q: "kyl" } });
    expect(html).not.toContain('type="search"');
    expect(html).not.toContain('role="search"');
    expect(html).toContain('<input type="hidden" name="q" value="kyl"/>');
    expect(html).toContain("Gruppera på");
  });
});
