import type { z } from "zod";
import type { schemeFields } from "./fields.ts";

/** The validated form of a scheme's settings as the schemes table stores them: kronor become öre. */
export function schemeRow(fields: z.output<typeof schemeFields>) {
  const { priceSek, ...rest } = fields;
  return { ...rest, priceOre: Math.round(priceSek * 100) };
}

/** Swedish names of the settings, for the Händelselogg's "Ändrat: …". */
export const SCHEME_LABELS = {
  areaId: "Teknikområde",
  name: "Namn",
  scope: "Omfattning",
  subject: "Söks av",
  kind: "Typ",
  validityYears: "Giltighetstid",
  validUntilFromEvidence: "Giltigt till från underlaget",
  annualExtension: "Årlig förlängning",
  recertificationYears: "Omcertifiering",
  priceOre: "Pris",
  invoiced: "Faktureras",
  fourEyes: "Fyra ögon",
  category: "Kategori",
  activeFrom: "Öppen för ansökan från",
  activeTo: "Öppen för ansökan till",
} as const;
