import { html, type TemplateResult } from "lit";
import type { Status } from "./texts.ts";

// Line icons that follow the text colour. Decorative: the status word next to them says it all,
// so the status never rests on colour or shape alone.
const PATHS: Record<Status | "alert" | "search", string> = {
  active: "M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18Z M8 12.5l2.7 2.7L16.2 9.5",
  suspended: "M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18Z M10 9v6 M14 9v6",
  withdrawn: "M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18Z M9 9l6 6 M15 9l-6 6",
  expired: "M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18Z M12 7.5V12l3 2",
  ended: "M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18Z M8 12h8",
  alert: "M12 3.5 2.5 20h19L12 3.5Z M12 10v4.5 M12 17.5v.01",
  search: "M10.5 17a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13Z M15.3 15.3 21 21",
};

export function icon(name: keyof typeof PATHS, part = "icon"): TemplateResult {
  // A whole <svg> element belongs in an html template (Lit's svg tag is for its children).
  return html`<svg part=${part} viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false"><path d=${PATHS[name]}></path></svg>`;
}
