import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';

import { assertNever } from '../../scenarios/index.ts';
import type { RecordedExchange } from '../../scenarios/records.ts';
import type { Attempt } from '../attempt.ts';
import { exchangeRole } from '../exchanges.ts';
import { statusWithReason } from '../http-status.ts';
import { outcomeLine, rejectionText, type JsOutcome } from '../send.ts';
import { displayPath } from '../sequence.ts';
import { baseStyles } from './shared-styles.ts';
import { childrenUpdated } from './update-complete.ts';
import './cp-non-browser-view.ts';

/**
 * Three views of one attempt side by side, stacked on narrow screens: what the page's JavaScript saw,
 * what crossed the wire according to the servers' records, and what a client without CORS gets.
 */
@customElement('cp-three-views')
export class CpThreeViews extends LitElement {
  static override styles = [
    baseStyles,
    css`
      .views {
        display: grid;
        gap: 0.75rem;
        grid-template-columns: repeat(auto-fit, minmax(17rem, 1fr));
      }

      .view {
        border: 1px solid var(--cp-border);
        border-radius: var(--cp-radius);
        min-width: 0;
        padding: 0.75rem;
      }

      h4 {
        font-size: 1rem;
        margin: 0 0 0.5rem;
      }

      pre {
        font-size: 0.8rem;
        max-height: 16rem;
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }

      ol {
        margin: 0.25rem 0;
        padding-left: 1.25rem;
      }

      li + li {
        margin-top: 0.5rem;
      }

      .line {
        font-family: var(--cp-font-mono);
        font-size: 0.85rem;
        overflow-wrap: anywhere;
      }

      .cors-headers {
        font-family: var(--cp-font-mono);
        font-size: 0.8rem;
        list-style: none;
        padding-left: 0;
      }

      .small {
        font-size: 0.85rem;
      }
    `,
  ];

  @property({ attribute: false }) attempt?: Attempt;

  /** Leaves out the non-browser view, for attempts that the replay endpoint cannot send again, such as the lab's. */
  @property({ type: Boolean, attribute: 'no-replay' }) noReplay = false;

  protected override async getUpdateComplete(): Promise<boolean> {
    const result = await super.getUpdateComplete();
    await childrenUpdated(this.renderRoot);
    return result;
  }

  override render(): TemplateResult | typeof nothing {
    const attempt = this.attempt;
    if (attempt === undefined) return nothing;

    return html`
      <div class="views">
        <section class="view" data-testid="js-view" aria-labelledby="js-heading">
          <h4 id="js-heading">What JavaScript saw</h4>
          ${
            attempt.js !== undefined
              ? renderJs(attempt.js)
              : attempt.state === 'running'
                ? html`<p class="muted">Waiting for the request's result…</p>`
                : // Only a page that is not this one, such as a downloaded file: page, leaves an attempt without it.
                  html`<p class="muted" data-testid="js-elsewhere">
                    Another page sent this request, so its result is shown there, not here.
                  </p>`
          }
        </section>
        <section class="view" data-testid="wire-view" aria-labelledby="wire-heading">
          <h4 id="wire-heading">What crossed the wire</h4>
          ${this.renderWire(attempt)}
        </section>
        ${
          this.noReplay
            ? nothing
            : html`<cp-non-browser-view class="view" .replay=${attempt.replay} .js=${attempt.js}></cp-non-browser-view>`
        }
      </div>
    `;
  }

  private renderWire(attempt: Attempt): TemplateResult {
    switch (attempt.state) {
      case 'running':
        return html`<p class="muted">The servers' records are read once the request's result is in.</p>`;
      case 'records-failed':
        return html`<p class="muted">The servers' records could not be read; see below.</p>`;
      case 'done': {
        const exchanges = attempt.records?.exchanges ?? [];
        if (exchanges.length === 0) return html`<p>No request reached any server.</p>`;
        return html`
          <p class="small muted">As the servers recorded them, with the CORS headers of each response:</p>
          <ol>
            ${exchanges.map(renderWireExchange)}
          </ol>
          <p class="small">
            The servers sent every one of these responses. The browser received those to its own requests, and it alone
            decides whether JavaScript may read them.
          </p>
        `;
      }
      default:
        return assertNever(attempt.state);
    }
  }
}

function renderJs(js: JsOutcome): TemplateResult {
  switch (js.kind) {
    case 'rejected':
    case 'response':
      return renderFetchResult(js);
    case 'error-event':
      return html`
        <p><span class="verdict blocked">Failed.</span> The page's JavaScript got:</p>
        <pre data-testid="js-result">${js.text}</pre>
        <p class="small muted">
          An error event carries no status, headers or reason: a CORS block looks the same as a network failure.
        </p>
      `;
    case 'loaded':
      return html`
        <p><span class="verdict allowed">Loaded.</span> The page's JavaScript got:</p>
        <pre data-testid="js-result">${js.text}</pre>
      `;
    case 'beacon':
      return html`
        <p>The page's JavaScript got:</p>
        <pre data-testid="js-result">${outcomeLine(js)}</pre>
        <p class="small muted">
          sendBeacon() returns true once the browser queues the beacon, before it is sent, and the page never learns
          whether CORS blocked it. Only the console and the servers' records show that.
        </p>
      `;
    default:
      return assertNever(js);
  }
}

function renderFetchResult(js: Extract<JsOutcome, { kind: 'rejected' | 'response' }>): TemplateResult {
  if (js.kind === 'rejected') {
    return html`
      <p><span class="verdict blocked">Rejected.</span> The promise from <code>fetch()</code> rejected with:</p>
      <pre data-testid="js-result">${rejectionText(js)}</pre>
      <p class="small muted">
        JavaScript gets no status, headers or body, and no reason: a CORS block looks the same as a network failure.
        Only the console and the servers' records tell the two apart.
      </p>
    `;
  }

  const status = js.statusText === '' ? statusWithReason(js.status) : `${js.status} ${js.statusText}`;
  const headers = js.headers.map(([name, value]) => `${name}: ${value}`);
  const body = js.body === '' ? '(empty body)' : js.body;
  const text = [status, ...headers, '', body].join('\n');
  return html`
    <p><span class="verdict allowed">Resolved.</span> JavaScript can read the response:</p>
    <pre data-testid="js-result">${text}</pre>
    <p class="small muted">
      JavaScript sees only the CORS-safelisted response headers and those the server names in
      Access-Control-Expose-Headers.
    </p>
  `;
}

function renderWireExchange(exchange: RecordedExchange): TemplateResult {
  const corsHeaders = exchange.responseHeaders.filter(([name]) => name.startsWith('access-control-'));
  const role = exchangeRole(exchange) === 'preflight' ? 'preflight' : 'request';
  return html`
    <li>
      <span class="line">${exchange.method} ${displayPath(exchange.url)}</span>
      <span class="small muted">(${role} to ${exchange.server})</span> →
      <strong>${statusWithReason(exchange.status)}</strong>
      <ul class="cors-headers">
        ${
          corsHeaders.length === 0
            ? html`<li class="muted">no Access-Control-* headers</li>`
            : corsHeaders.map(([name, value]) => html`<li>${name}: ${value}</li>`)
        }
      </ul>
    </li>
  `;
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-three-views': CpThreeViews;
  }
}
