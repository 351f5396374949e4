export * from "./accounts.ts";
export * from "./events.ts";
