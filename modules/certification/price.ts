/** The fee for one kind of application: the first issuance, Årlig förlängning or Omcertifiering. */
export function schemePrice(scheme: { priceOre: number; extensionPriceOre: number | null; recertificationPriceOre: number | null }, kind: "initial" | "extension" | "recertification"): number {
  if (kind === "extension") return scheme.extensionPriceOre ?? scheme.priceOre;
  if (kind === "recertification") return scheme.recertificationPriceOre ?? scheme.priceOre;
  return scheme.priceOre;
}

/** What the application is invoiced: the price frozen when it was first submitted, else today's. */
export function applicationPrice(app: { application: { kind: "initial" | "extension" | "recertification"; priceOre: number | null }; scheme: Parameters<typeof schemePrice>[0] }): number {
  return app.application.priceOre ?? schemePrice(app.scheme, app.application.kind);
}
