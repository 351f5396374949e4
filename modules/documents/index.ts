export { storeDocumentWith } from "./store-document.ts";
export { storeDocumentsWith } from "./store-documents.ts";
export { readDocument, type DocumentFile } from "./read-document.ts";
