import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';

import { statusWithReason } from '../http-status.ts';
import type { ReplayResponse, ReplayResult } from '../replay.ts';
import { indentJson, outcomeLine, reportedFailure, type JsOutcome } from '../send.ts';
import { baseStyles } from './shared-styles.ts';

/**
 * The response curl or Postman gets for the same request, beside what the browser gave JavaScript: the
 * "it works in Postman" confusion, side by side. The server replays the request without an Origin header.
 */
@customElement('cp-non-browser-view')
export class CpNonBrowserView extends LitElement {
  static override styles = [
    baseStyles,
    css`
      h4 {
        font-size: 1rem;
        margin: 0 0 0.5rem;
      }

      dl {
        display: grid;
        gap: 0.25rem 0.75rem;
        grid-template-columns: max-content minmax(0, 1fr);
        margin: 0.5rem 0;
      }

      dt {
        font-weight: 600;
      }

      dd {
        font-family: var(--cp-font-mono);
        font-size: 0.9rem;
        margin: 0;
        overflow-wrap: anywhere;
      }

      .read {
        color: var(--cp-allowed);
      }

      .rejected {
        color: var(--cp-blocked);
      }

      pre {
        font-size: 0.8rem;
        max-height: 12rem;
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }

      summary {
        cursor: pointer;
        font-size: 0.85rem;
      }
    `,
  ];

  /** The replay endpoint's response, absent while it is pending. */
  @property({ attribute: false }) replay?: ReplayResult;

  /** The result the page's JavaScript observed, absent until the request's result is in. */
  @property({ attribute: false }) js?: JsOutcome;

  override render(): TemplateResult {
    return html`
      <section
        data-testid="non-browser-view"
        data-trace=${this.replay?.ok === true ? this.replay.response.trace : nothing}
        aria-labelledby="non-browser-heading"
      >
        <h4 id="non-browser-heading">What a non-browser client gets</h4>
        <p class="muted">The same request sent by the server with no Origin header, as curl or Postman sends it.</p>
        ${this.renderReplay()}
      </section>
    `;
  }

  private renderReplay(): TemplateResult {
    const replay = this.replay;
    if (replay === undefined) return html`<p class="muted">Sending the request without a browser…</p>`;
    if (!replay.ok) {
      return html`
        <div class="note error" data-testid="replay-error">
          Replaying the request through <code>${replay.url}</code> failed: ${replay.error}.
        </div>
      `;
    }

    const response = replay.response;
    return html`
      <dl>
        <dt>curl/Postman</dt>
        <dd class="read" data-testid="non-browser-status">${statusLine(response)}</dd>
        <dt>Browser</dt>
        <dd class=${this.js?.kind === 'rejected' ? 'rejected' : 'read'} data-testid="browser-status">
          ${browserLine(this.js)}
        </dd>
      </dl>
      <pre data-testid="non-browser-body">${response.body === '' ? '(empty body)' : indentJson(response.body)}</pre>
      ${whySentence(this.js, response)}
      <details>
        <summary>Response headers curl gets</summary>
        <pre>${response.headers.map(([name, value]) => `${name}: ${value}`).join('\n')}</pre>
      </details>
    `;
  }
}

function statusLine(response: ReplayResponse): string {
  return response.statusText === '' ? statusWithReason(response.status) : `${response.status} ${response.statusText}`;
}

function browserLine(js: JsOutcome | undefined): string {
  if (js === undefined) return "waiting for the request's result…";
  if (js.kind === 'response' && js.statusText === '') return statusWithReason(js.status);
  return outcomeLine(js);
}

/** Renders one sentence on why the two differ, or why they agree. */
function whySentence(js: JsOutcome | undefined, response: ReplayResponse): TemplateResult | typeof nothing {
  const redirect =
    response.status >= 300 && response.status < 400
      ? html` curl stops at a redirect unless given <code>-L</code>; Postman and browsers follow it.`
      : nothing;
  if (js === undefined) return redirect === nothing ? nothing : html`<p>${redirect}</p>`;
  if (js.kind === 'beacon') {
    return html`<p data-testid="non-browser-why">
      <strong>sendBeacon() never gives the page a response:</strong> curl and Postman read whatever the server answers,
      while this page's JavaScript only learns whether the browser queued the beacon.${redirect}
    </p>`;
  }
  if (reportedFailure(js)) {
    return html`<p data-testid="non-browser-why">
      <strong>CORS is enforced by browsers, not by servers:</strong> curl and Postman check no CORS headers, so they
      read whatever the server answers, while the browser withheld the response from this page's JavaScript.${redirect}
    </p>`;
  }
  if (js.kind === 'response' && js.type === 'opaque') {
    return html`<p data-testid="non-browser-why">
      <strong>No CORS, so no access:</strong> with <code>mode: 'no-cors'</code> the browser skipped the CORS check and
      gave this page an opaque response, with status 0, no headers and an empty body, while curl and Postman read all of
      it.${redirect}
    </p>`;
  }
  return html`<p data-testid="non-browser-why">
    Both read the response: curl and Postman never check CORS headers, and here the server's CORS headers let the
    browser give the response to this page too.${redirect}
  </p>`;
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-non-browser-view': CpNonBrowserView;
  }
}
