import type { z } from "zod";
import type { schemeFields } from "./fields.ts";

/** The validated form of a scheme's settings as the schemes table stores them: kronor become öre. */
export function schemeRow(fields: z.output<typeof schemeFields>) {
  const { priceSek, extensionPriceSek, recertificationPriceSek, ...rest } = fields;
  const ore = (sek: number | null) => (sek === null ? null : Math.round(sek * 100));
  return { ...rest, priceOre: Math.round(priceSek * 100), extensionPriceOre: ore(extensionPriceSek), recertificationPriceOre: ore(recertificationPriceSek) };
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
  extensionPriceOre: "Avgift för årlig förlängning",
  recertificationPriceOre: "Avgift för omcertifiering",
  extensionNoticeMonths: "Förlängning kan sökas (månader före)",
  recertificationNoticeMonths: "Omcertifiering kan sökas (månader före)",
  appealMonths: "Överklagandetid (månader)",
  suspensionEnd: "När en vilandeperiod slutar",
  invoiced: "Faktureras",
  fourEyes: "Fyra ögon",
  category: "Kategori",
  activeFrom: "Öppen för ansökan från",
  activeTo: "Öppen för ansökan till",
} as const;
