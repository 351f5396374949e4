import { isStaff, type Actor } from "../deps.ts";

/** Who may do what in the accounts module. */
export function canOpenStaffArea(actor: Actor | null): boolean {
  return actor !== null && isStaff(actor);
}

