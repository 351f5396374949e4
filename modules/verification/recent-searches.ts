import { keptBetweenWrites, type PreparedReads } from "../../db/prepared-reads.ts";
import { searchCertifiedCompanies as searchNow, type CompanySearch, type CompanySearchResult } from "./search-companies.ts";

// The answers of recent company searches, kept exactly as long as the database is unchanged:
// SQLite's data_version on the read connection changes with every write committed by any other
// connection, from this process or another, so a suspension, a withdrawal or a renamed company
// shows on the very next search. A new day is another key, so an expiry shows too. Public
// traffic asks the same few words over and over (every keystroke of "kyl" on the search page);
// between writes those cost a Map lookup instead of three statements. See decision 018.

/** Enough for the words and pages people ask for between two writes; the oldest goes first. */
const KEEP = 500;

const kept = keptBetweenWrites<CompanySearchResult>(KEEP);

/** Sök certifierade företag (search-companies.ts), answered from memory while nothing has changed. The answer is shared: do not change it. */
export function searchCertifiedCompanies(reads: PreparedReads, input: CompanySearch, today: string): Promise<CompanySearchResult> {
  const key = JSON.stringify([today, input.q ?? "", input.orgNumber ?? "", input.area ?? "", input.city ?? "", input.includeWithoutActive === true, input.page ?? 1, input.pageSize ?? 0]);
  return kept(reads, key, () => searchNow(reads, input, today));
}
