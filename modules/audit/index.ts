export { recordEvent, type EventInput } from "./record-event.ts";
export { listPersonEvents, listSubjectEvents, listEventsOfSubjects, eventLabel, type EventRow } from "./list-events.ts";
export { eventTimes } from "./event-times.ts";
