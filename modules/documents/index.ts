export { storeDocumentWith } from "./store-document.ts";
export { readDocument, type DocumentFile } from "./read-document.ts";
