import type { Child, FC } from "hono/jsx";

/**
 * The box of a table that scrolls sideways when the window is narrower than the table (a phone).
 * It is in the tab order, so a keyboard alone can scroll it (WCAG 2.1.1, axe's
 * scrollable-region-focusable): a table whose cells hold no link or button has nothing else that
 * takes focus. A named group, not a region: focus says what it is, and the page's landmarks stay
 * its sections (a region named like its section's heading would be a second landmark of that
 * name). Tables with links in every row (the data tables) keep the plain box.
 */
export const TableScroll: FC<{ label: string; children?: Child }> = ({ label, children }) => (
  <div class="table-wrap" role="group" aria-label={label} tabindex={0}>
    {children}
  </div>
);
