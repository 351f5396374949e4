export { checkData, checkSummary, type CheckReport, type Fault } from "./check.ts";
export { recoverFiles, type FileRecovery } from "./recover-files.ts";
export { backUp, type BackupResult } from "./back-up.ts";
export { restoreBackup, type RestoreResult } from "./restore.ts";
export { LEFTOVER_AGE_MS } from "./inventory.ts";
