import { describe, expect, it } from "vitest";
import { invoiceTotals } from "./totals.ts";

describe("invoice totals", () => {
  it("adds 25 % VAT to the net sum", () => {
    const t = invoiceTotals([{ description: "F-gaser - Personcertifikat kategori I", quantity: 1, unitPriceOre: 480000 }]);
    expect(t).toMatchObject({ netOre: 480000, vatOre: 120000, totalOre: 600000, vatPercent: 25 });
    expect(t.lines).toEqual([{ description: "F-gaser - Personcertifikat kategori I", quantity: 1, unitPriceOre: 480000, amountOre: 480000, sortOrder: 0 }]);
  });

  it("sums several lines and rounds VAT to whole öre once", () => {
    const t = invoiceTotals([
      { description: "A", quantity: 3, unitPriceOre: 333 },
      { description: "B", quantity: 1, unitPriceOre: 1 },
    ]);
    expect(t.netOre).toBe(1000);
    expect(t.vatOre).toBe(250);
    expect(invoiceTotals([{ description: "C", quantity: 1, unitPriceOre: 3 }]).vatOre).toBe(1); // 0.75 öre → 1
    expect(invoiceTotals([{ description: "D", quantity: 1, unitPriceOre: 1 }]).vatOre).toBe(0); // 0.25 öre → 0
    expect(invoiceTotals([]).totalOre).toBe(0);
  });
});
