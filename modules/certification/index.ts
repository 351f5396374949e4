export { startApplication, type StartInput } from "./start-application.ts";
export { uploadEvidence } from "./upload-evidence.ts";
export { declare, currentDeclaration } from "./declare.ts";
export { setInvoiceRecipient, type RecipientChoice, type AlternativeAddress } from "./set-invoice-recipient.ts";
export { withdrawApplication } from "./withdraw-application.ts";
export { loadApplication, canSeeApplication, canActAsApplicant, processState, type LoadedApplication } from "./load-application.ts";
export * from "./state-machine.ts";
