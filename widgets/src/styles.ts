import { css } from "lit";

// Lit adopts these as constructed style sheets (adoptedStyleSheets), which a host page's CSP
// does not block: no <style> element, no style attribute, so no 'unsafe-inline' is needed.
// Everything a host may want to change is a --certportal-* custom property or a ::part.
export const styles = css`
  :host {
    display: block;
    max-width: var(--certportal-max-width, 26rem);
    font-family: var(--certportal-font, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif);
    font-size: var(--certportal-font-size, 0.9375rem);
    line-height: 1.45;
    color: var(--certportal-text, #1b2330);
  }
  :host([hidden]) {
    display: none;
  }
  * {
    box-sizing: border-box;
  }
  .card {
    background: var(--certportal-background, #ffffff);
    border: 1px solid var(--certportal-border, #d3d9e0);
    border-top: 3px solid var(--certportal-accent, #0b4466);
    border-radius: var(--certportal-radius, 6px);
    padding: 0.75rem 0.9rem;
  }
  .card[aria-busy="true"] {
    color: var(--certportal-muted, #4f5966);
  }
  /* Name (or scheme) left, status right; the text wraps, the status stays on its line. */
  .top,
  .list li {
    display: grid;
    grid-template-columns: 1fr auto;
    align-items: start;
    gap: 0.15rem 0.75rem;
  }
  .name {
    margin: 0;
    font-size: 1.0625em;
    font-weight: 700;
    line-height: 1.3;
  }
  p {
    margin: 0;
  }
  .name a {
    color: inherit;
  }
  .scheme {
    margin-top: 0.15rem;
  }
  .meta {
    margin-top: 0.35rem;
    color: var(--certportal-muted, #4f5966);
    font-size: 0.9em;
  }
  .status {
    display: inline-flex;
    align-items: center;
    gap: 0.3em;
    padding: 0.05em 0.55em 0.05em 0.4em;
    border: 1px solid currentColor;
    border-radius: 999px;
    font-size: 0.875em;
    font-weight: 600;
    white-space: nowrap;
  }
  .status svg {
    width: 1.2em;
    height: 1.2em;
    flex: none;
  }
  .active {
    color: var(--certportal-active-color, #1b6a35);
    background: var(--certportal-active-background, #e7f4eb);
  }
  .suspended {
    color: var(--certportal-suspended-color, #8a4b00);
    background: var(--certportal-suspended-background, #fff4e0);
  }
  .withdrawn {
    color: var(--certportal-withdrawn-color, #b42318);
    background: var(--certportal-withdrawn-background, #fdecea);
  }
  .expired,
  .ended {
    color: var(--certportal-ended-color, #4f5966);
    background: var(--certportal-ended-background, #f3f5f8);
  }
  a {
    color: var(--certportal-link, var(--certportal-accent, #0a5c99));
    text-underline-offset: 0.15em;
  }
  .link {
    display: inline-block;
    margin-top: 0.5rem;
    font-size: 0.9em;
  }
  .list {
    list-style: none;
    margin: 0.5rem 0 0;
    padding: 0;
  }
  .list li {
    padding: 0.45rem 0;
    border-top: 1px solid var(--certportal-border, #d3d9e0);
  }
  .list .meta {
    margin-top: 0;
    grid-column: 1 / -1;
  }
  .heading {
    margin: 0.6rem 0 0;
    font-size: 0.8em;
    font-weight: 600;
    letter-spacing: 0.04em;
    text-transform: uppercase;
    color: var(--certportal-muted, #4f5966);
  }
  .message {
    display: flex;
    align-items: center;
    gap: 0.4em;
  }
  .message svg {
    width: 1.1em;
    height: 1.1em;
    flex: none;
  }
  button {
    margin-top: 0.5rem;
    font: inherit;
    font-size: 0.9em;
    padding: 0.3em 0.8em;
    color: var(--certportal-button-text, #ffffff);
    background: var(--certportal-accent, #0b4466);
    border: 1px solid transparent;
    border-radius: var(--certportal-radius, 6px);
    cursor: pointer;
  }
  a:focus-visible,
  button:focus-visible {
    outline: 2px solid var(--certportal-focus, var(--certportal-accent, #0a5c99));
    outline-offset: 2px;
  }
  @media (prefers-reduced-motion: no-preference) {
    .card[aria-busy="true"] .message {
      animation: certportal-pulse 1.2s ease-in-out infinite alternate;
    }
  }
  @keyframes certportal-pulse {
    to {
      opacity: 0.55;
    }
  }
`;
