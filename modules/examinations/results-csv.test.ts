import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseResultsCsv, quote, resultsCsvTemplate, splitCsv, type CsvCandidate } from "./results-csv.ts";
import type { PartSpec, ResultRow } from "./results.ts";

const parts: PartSpec[] = [
  { id: "teori", name: "Teori", maxPoints: 50, passPoints: 35 },
  { id: "praktik", name: "Praktik", maxPoints: null, passPoints: null },
];
const candidates: CsvCandidate[] = [
  { registrationId: "r-sven", name: "Sven Svensson", personnummer: "198001019812", email: "sven@example.se", hasResult: false },
  { registrationId: "r-maria", name: "Maria Nowak", personnummer: null, email: "maria@example.com", hasResult: false },
  { registrationId: "r-karin", name: "Karin Lindqvist", personnummer: "197506209837", email: "karin@example.se", hasResult: false },
  { registrationId: "r-klar", name: "Kalle Klar", personnummer: "199001011239", email: "kalle@example.se", hasResult: true },
];
const ctx = { parts, candidates };

describe("parseResultsCsv, by example", () => {
  it("reads the documented format: personnummer or e-mail, part, Godkänd / Ej godkänd, points", () => {
    const csv = "kandidat;del;resultat;poäng\n19800101-9812;Teori;Godkänd;42\n19800101-9812;Praktik;Godkänd;\nmaria@example.com;teori;Ej godkänd;20\nMaria@Example.com;PRAKTIK;godkänt;\n";
    expect(parseResultsCsv(csv, ctx)).toEqual({
      ok: true,
      rows: [
        { registrationId: "r-sven", entries: { teori: { passed: true, points: 42 }, praktik: { passed: true, points: null } } },
        { registrationId: "r-maria", entries: { teori: { passed: false, points: 20 }, praktik: { passed: true, points: null } } },
      ],
    });
  });

  it("names every wrong line by its number, in Swedish, and returns no rows", () => {
    const csv = [
      "kandidat,del,resultat,poäng",
      "198001019812,Teori,Godkänd,30", // 30 is under the pass mark
      "198001019812,Praktik,Godkänd,",
      "okand@example.se,Teori,Godkänd,40",
      "maria@example.com,Simning,Godkänd,",
      "karin@example.se,Teori,Kanske,40",
      "karin@example.se,Praktik,Godkänd,",
      "kalle@example.se,Teori,Godkänd,40",
      "kalle@example.se,Praktik,Godkänd,",
    ].join("\r\n");
    const out = parseResultsCsv(csv, ctx);
    expect(out.ok).toBe(false);
    const errors = (out as { errors: string[] }).errors;
    expect(errors[0]).toBe("Rad 2: Teori: 30 poäng räcker inte till Godkänd (gränsen är 35). Kontrollera resultatet.");
    expect(errors.join("\n")).toContain("Rad 4: Ingen kandidat som är anmäld till provtillfället har personnumret eller e-postadressen ”okand@example.se”.");
    expect(errors.join("\n")).toContain("Rad 5: Okänd provdel ”Simning”: ange Teori eller Praktik.");
    expect(errors.join("\n")).toContain("Rad 6: Resultatet ska vara Godkänd eller Ej godkänd, inte ”Kanske”.");
    expect(errors.join("\n")).toContain("Rad 8: Resultatet för Kalle Klar är redan registrerat.");
    // Maria's only line names an unknown part: she has no line for either part.
    expect(errors.join("\n")).toContain("Rad 5: Maria Nowak saknar rad för Teori och Praktik");
    // Karin's Teori line is wrong but there: its own error says so, and nothing is "missing".
    expect(errors.join("\n")).not.toContain("Karin Lindqvist saknar");
  });

  it("says what is wrong with the file as a whole", () => {
    expect(parseResultsCsv("", ctx)).toEqual({ ok: false, errors: [expect.stringContaining("Filen är tom")] });
    expect(parseResultsCsv("namn;resultat\nSven;G\n", ctx)).toEqual({ ok: false, errors: [expect.stringContaining("Rad 1: rubrikraden")] });
    expect(parseResultsCsv("kandidat;del;resultat;poäng\n", ctx)).toEqual({ ok: false, errors: ["Filen har inga resultat under rubrikraden."] });
    expect(parseResultsCsv('kandidat;del;resultat;poäng\n"198001019812;Teori;Godkänd;42\n', ctx)).toEqual({ ok: false, errors: [expect.stringContaining("Rad 2: ett citattecken")] });
  });

  it("makes a template that, filled in, reads back", () => {
    const template = resultsCsvTemplate(parts, candidates);
    expect(template.startsWith("\uFEFFkandidat;del;resultat;poäng\r\n19800101-9812;Teori;;\r\n")).toBe(true);
    expect(template).not.toContain("kalle");
    const filled = template.replace(/;;\r\n/g, (_m, offset: number) => (template.slice(0, offset).endsWith("Teori") ? ";Godkänd;40\r\n" : ";Godkänd;\r\n"));
    const out = parseResultsCsv(filled, ctx);
    expect(out.ok && out.rows.map((r) => r.registrationId)).toEqual(["r-sven", "r-maria", "r-karin"]);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties: any correct file reads back as the results it was written from, whatever the
// separator, quoting, line endings and spelling; no input makes the parser throw; and one wrong
// line among right ones yields no rows and an error naming that line.

const open = candidates.filter((c) => !c.hasResult);

const entryArb = (part: PartSpec) =>
  part.maxPoints === null
    ? fc.boolean().map((passed) => ({ passed, points: null }))
    : fc.integer({ min: 0, max: part.maxPoints }).map((points) => ({ passed: points >= part.passPoints!, points }));

const resultsArb: fc.Arbitrary<ResultRow[]> = fc
  .subarray(open, { minLength: 1 })
  .chain((chosen) => fc.tuple(...chosen.map((c) => fc.record({ teori: entryArb(parts[0]!), praktik: entryArb(parts[1]!) }).map((entries) => ({ registrationId: c.registrationId, entries })))));

const spellingArb = fc.record({
  separator: fc.constantFrom(";", ",", "\t"),
  newline: fc.constantFrom("\n", "\r\n"),
  quoteAll: fc.boolean(),
  bom: fc.boolean(),
  upper: fc.boolean(),
  byEmail: fc.boolean(),
  blankLines: fc.boolean(),
  verdicts: fc.constantFrom(["Godkänd", "Ej godkänd"], ["godkänt", "ej godkänt"], ["G", "U"]),
});

type Spelling = typeof spellingArb extends fc.Arbitrary<infer T> ? T : never;

function write(rows: ResultRow[], s: Spelling, order: number[]): string {
  const field = (v: string) => (s.quoteAll ? `"${v.replace(/"/g, '""')}"` : v.includes(s.separator) ? quote(v) : v);
  const lines: string[][] = [];
  for (const row of rows) {
    const c = candidates.find((x) => x.registrationId === row.registrationId)!;
    const who = s.byEmail || !c.personnummer ? c.email : `${c.personnummer.slice(0, 8)}-${c.personnummer.slice(8)}`;
    for (const p of parts) {
      const e = row.entries[p.id]!;
      lines.push([who, s.upper ? p.name.toUpperCase() : p.name, e.passed ? s.verdicts[0]! : s.verdicts[1]!, e.points === null ? "" : String(e.points)]);
    }
  }
  const shuffled = order.length ? lines.map((l, i) => ({ l, k: order[i % order.length]! })).sort((a, b) => a.k - b.k).map((x) => x.l) : lines;
  const body = shuffled.map((l) => l.map(field).join(s.separator));
  const text = [["kandidat", "del", "resultat", "poäng"].map(field).join(s.separator), ...body.flatMap((l) => (s.blankLines ? [l, ""] : [l]))].join(s.newline) + s.newline;
  return (s.bom ? "\uFEFF" : "") + text;
}

const sorted = (rows: ResultRow[]) => [...rows].sort((a, b) => a.registrationId.localeCompare(b.registrationId));

describe("parseResultsCsv, by property", () => {
  it("reads any correct file back as the results it was written from", () => {
    fc.assert(
      fc.property(resultsArb, spellingArb, fc.array(fc.nat(), { maxLength: 8 }), (rows, spelling, order) => {
        const out = parseResultsCsv(write(rows, spelling, order), ctx);
        expect(out.ok, JSON.stringify(out)).toBe(true);
        expect(sorted((out as { rows: ResultRow[] }).rows)).toEqual(sorted(rows));
      }),
      { numRuns: 300 },
    );
  });

  it("never throws, whatever the bytes, and answers rows or errors that say which line", () => {
    const line = fc.array(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom("198001019812", "maria@example.com", "Teori", "Praktik", "Godkänd", "Ej godkänd", "42", '"', '""', "")), { maxLength: 6 });
    const file = fc.oneof(
      fc.string({ maxLength: 400 }),
      fc.string({ unit: "binary", maxLength: 400 }),
      fc.array(line, { maxLength: 10 }).chain((lines) => fc.constantFrom(";", ",", "\t").map((sep) => ["kandidat;del;resultat;poäng", ...lines.map((l) => l.join(sep))].join("\n"))),
    );
    fc.assert(
      fc.property(file, (text) => {
        const out = parseResultsCsv(text, ctx);
        if (out.ok) expect(out.rows.length).toBeGreaterThan(0);
        else for (const e of out.errors) expect(e).toMatch(/^(Rad \d+: |Filen )/);
      }),
      { numRuns: 500 },
    );
  });

  it("gives no rows at all when one line of a correct file is wrong, and names that line", () => {
    const breakers: [string, (fields: string[]) => string[]][] = [
      ["an unknown candidate", (f) => ["ingen@example.se", ...f.slice(1)]],
      ["an unknown part", (f) => [f[0]!, "Simning", ...f.slice(2)]],
      ["a word that is no result", (f) => [f[0]!, f[1]!, "Bra", f[3]!]],
      ["points out of range", (f) => [f[0]!, "Teori", f[2]!, "51"]],
      ["points that are no number", (f) => [f[0]!, "Teori", f[2]!, "fyrtio"]],
      ["a field too many", (f) => [...f, "extra"]],
    ];
    fc.assert(
      fc.property(resultsArb, fc.nat(), fc.constantFrom(...breakers), (rows, pick, [, breakLine]) => {
        const text = write(rows, { separator: ";", newline: "\n", quoteAll: false, bom: false, upper: false, byEmail: false, blankLines: false, verdicts: ["Godkänd", "Ej godkänd"] }, []);
        const lines = text.trimEnd().split("\n");
        const at = 1 + (pick % (lines.length - 1));
        lines[at] = breakLine(lines[at]!.split(";")).join(";");
        const out = parseResultsCsv(lines.join("\n"), ctx);
        expect(out.ok).toBe(false);
        expect((out as { errors: string[] }).errors.some((e) => e.startsWith(`Rad ${at + 1}: `))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("splits quoted fields with separators, quotes and line breaks inside", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ maxLength: 10 }), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (table) => {
        const text = table.map((row) => row.map((f) => `"${f.replace(/"/g, '""')}"`).join(";")).join("\r\n");
        expect(splitCsv(text, ";").map((l) => l.fields)).toEqual(table);
      }),
      { numRuns: 300 },
    );
  });
});
