export * from "./accounts.ts";
export * from "./applications.ts";
export * from "./catalogue.ts";
export * from "./companies.ts";
export * from "./documents.ts";
export * from "./events.ts";
