export * from "./accounts.ts";
export * from "./companies.ts";
export * from "./documents.ts";
export * from "./events.ts";
