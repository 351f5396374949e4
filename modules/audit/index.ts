export { recordEvent, type EventInput } from "./record-event.ts";
export { listPersonEvents, eventLabel, type EventRow } from "./list-events.ts";
