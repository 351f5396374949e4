import { html, LitElement, type PropertyDeclarations, type PropertyValues, type TemplateResult } from "lit";
import { apiUrl, getJson } from "./api.ts";
import { icon } from "./icons.ts";
import { styles } from "./styles.ts";
import { langOf, texts, type Texts } from "./texts.ts";

export type View<T> = { kind: "loading" } | { kind: "ok"; data: T } | { kind: "notfound" } | { kind: "error" };

/** Where the script itself came from: the API's origin unless the page says otherwise (`api`). */
const SCRIPT_ORIGIN = new URL(import.meta.url).origin;

/**
 * What both widgets share: the `api` and `lang` attributes, and one request at a time to the
 * public API (a new one when what it depends on changes; the old one is aborted), shown as
 * loading, found, not found or a network error with a retry button.
 */
export abstract class ApiElement<T> extends LitElement {
  static override styles = styles;
  // `lang` stays the element's own HTML attribute (screen readers use it); `language` reads it.
  static override properties: PropertyDeclarations = {
    api: { type: String },
    language: { type: String, attribute: "lang" },
    view: { state: true },
  };

  declare api: string | null;
  declare language: string | null;
  declare protected view: View<T>;
  private controller: AbortController | null = null;

  constructor() {
    super();
    this.api = null;
    this.language = null;
    this.view = { kind: "loading" };
  }

  /** The API path for the current attributes, or null when they cannot name anything. */
  protected abstract path(): string | null;
  /** The properties whose change means another request. */
  protected abstract readonly keys: readonly string[];
  protected abstract renderData(data: T, t: Texts): TemplateResult;
  protected abstract readonly loadingText: keyof Texts;
  protected abstract readonly notFoundText: keyof Texts;

  protected get texts(): Texts {
    return texts(langOf(this.language));
  }

  protected get base(): string {
    return this.api?.trim() || SCRIPT_ORIGIN;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Put back in the page after being taken out: the aborted request is asked again.
    if (this.hasUpdated && this.view.kind === "loading") this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.controller?.abort();
    this.controller = null;
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (!this.hasUpdated || changed.has("api") || this.keys.some((k) => changed.has(k))) this.load();
  }

  protected load(): void {
    this.controller?.abort();
    const path = this.path();
    if (path === null) {
      this.controller = null;
      this.view = { kind: "notfound" };
      return;
    }
    const controller = new AbortController();
    this.controller = controller;
    this.view = { kind: "loading" };
    getJson<T>(apiUrl(this.base, path), controller.signal).then(
      (outcome) => {
        if (this.controller === controller) this.view = outcome;
      },
      () => {
        if (this.controller === controller && !controller.signal.aborted) this.view = { kind: "error" };
      },
    );
  }

  protected override render(): TemplateResult {
    const t = this.texts;
    const v = this.view;
    if (v.kind === "ok") return this.renderData(v.data, t);
    if (v.kind === "loading") return this.card(html`<p class="message" part="message">${t[this.loadingText]}</p>`, true);
    if (v.kind === "notfound") return this.card(html`<p class="message" part="message" role="status">${icon("search")}<span>${t[this.notFoundText]}</span></p>`);
    return this.card(
      html`<p class="message" part="message" role="status">${icon("alert")}<span>${t.error}</span></p>
        <button type="button" part="retry" @click=${() => this.load()}>${t.retry}</button>`,
    );
  }

  protected card(content: TemplateResult, busy = false): TemplateResult {
    return html`<div class="card" part="container" lang=${langOf(this.language)} aria-busy=${busy ? "true" : "false"}>${content}</div>`;
  }
}
