export const VAT_PERCENT = 25;
export const PAYMENT_DAYS = 30;

export interface LineInput {
  description: string;
  quantity: number;
  unitPriceOre: number;
}

/** Lines and totals in öre; VAT is taken on the invoice's net sum, rounded to whole öre. */
export function invoiceTotals(lines: LineInput[], vatPercent = VAT_PERCENT) {
  const priced = lines.map((l, i) => ({ ...l, amountOre: l.quantity * l.unitPriceOre, sortOrder: i }));
  const netOre = priced.reduce((sum, l) => sum + l.amountOre, 0);
  const vatOre = Math.round((netOre * vatPercent) / 100);
  return { lines: priced, netOre, vatOre, totalOre: netOre + vatOre, vatPercent };
}
