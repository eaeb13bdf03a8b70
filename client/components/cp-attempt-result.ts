import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';

import { assertNever, type Scenario, type VariantName } from '../../scenarios/index.ts';
import type { Attempt } from '../attempt.ts';
import { compareRecords, expectedBrowser, expectedConsoleMessage, type RecordsComparison } from '../expectation.ts';
import { statusWithReason } from '../http-status.ts';
import { origins } from '../origins.ts';
import { findOriginMismatch } from '../page-origin.ts';
import { rejectionText, type JsOutcome } from '../send.ts';
import { baseStyles } from './shared-styles.ts';
import './cp-attempt-verdict.ts';
import './cp-server-records.ts';

/**
 * The latest attempt: what JavaScript got, how it compares with the expectation, the console message
 * Chromium prints, and what reached the servers.
 */
@customElement('cp-attempt-result')
export class CpAttemptResult extends LitElement {
  static override styles = [
    baseStyles,
    css`
      .verdict {
        font-weight: 700;
      }

      .verdict.blocked {
        color: var(--cp-blocked);
      }

      .verdict.allowed {
        color: var(--cp-allowed);
      }

      .console {
        border-left: 4px solid var(--cp-blocked);
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }

      .trace {
        font-size: 0.85rem;
      }
    `,
  ];

  @property({ attribute: false }) scenario?: Scenario;

  @property() variant: VariantName = 'broken';

  @property({ attribute: false }) attempt?: Attempt;

  override render(): TemplateResult | typeof nothing {
    const { scenario, attempt } = this;
    if (scenario === undefined || attempt === undefined) return nothing;
    const js = attempt.js;

    return html`
      <div
        data-testid="attempt"
        data-state=${attempt.state}
        data-js=${js === undefined ? nothing : jsVerdict(js)}
        data-trace=${attempt.trace}
        data-url=${attempt.url}
      >
        <p class="trace muted" role="status">${statusText(attempt)}</p>

        <h3>What JavaScript got</h3>
        ${js === undefined ? html`<p class="muted">Waiting for <code>fetch()</code> to settle…</p>` : this.renderJs(js)}

        <h3>Expected in ${expectedBrowser}</h3>
        <cp-attempt-verdict
          .expected=${scenario.variants[this.variant].expected}
          .attempt=${attempt}
        ></cp-attempt-verdict>

        <h3>Expected console message (${expectedBrowser})</h3>
        ${this.renderConsoleMessage()}

        <h3>What reached the servers</h3>
        <cp-server-records .scenario=${scenario} .variant=${this.variant} .attempt=${attempt}></cp-server-records>
      </div>
    `;
  }

  private renderJs(js: JsOutcome): TemplateResult {
    if (js.kind === 'rejected') {
      return html`
        <p><span class="verdict blocked">Rejected.</span> The promise from <code>fetch()</code> rejected with:</p>
        <pre data-testid="js-result">${rejectionText(js)}</pre>
        <p class="muted">
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
      <p class="muted">
        JavaScript sees only the CORS-safelisted response headers and those the server names in
        Access-Control-Expose-Headers.
      </p>
    `;
  }

  private renderConsoleMessage(): TemplateResult | typeof nothing {
    const { scenario, attempt } = this;
    if (scenario === undefined || attempt === undefined) return nothing;
    const expected = scenario.variants[this.variant].expected;
    const message = expectedConsoleMessage(expected.outcome, attempt.url, origins);

    if (message === undefined) {
      return html`<p>The request is expected to pass the CORS check, so ${expectedBrowser} prints no CORS error.</p>`;
    }
    return html`
      <p>
        When the CORS check is the cause, ${expectedBrowser} prints this error in the DevTools console for this attempt,
        followed by <code>Failed to load resource: net::ERR_FAILED</code>. JavaScript cannot read the console, so this
        page builds the message from the catalog. Open DevTools to compare.
      </p>
      <pre class="console" data-testid="console-message">${message}</pre>
      ${this.renderConsoleCaveat(compareRecords(expected.exchanges, attempt))}
    `;
  }

  /** Warns that the console may show another error than the one above, when no record shows the request. */
  private renderConsoleCaveat(records: RecordsComparison): TemplateResult | typeof nothing {
    const mismatch = findOriginMismatch(location, origins.app);
    const networkError = html`a network error such as <code>net::ERR_CONNECTION_REFUSED</code>`;

    switch (records.kind) {
      case 'pending':
      case 'same':
      case 'different':
        return nothing;
      case 'unreadable':
      case 'nothing-recorded':
        if (mismatch !== undefined) {
          return html`<p class="muted">
            This page is open at <code>${mismatch.actual}</code>, so any CORS error that ${expectedBrowser} prints names
            that origin, and may have another cause than the one above.
          </p>`;
        }
        return records.kind === 'nothing-recorded'
          ? html`<p class="muted">
              No server recorded this attempt, so ${expectedBrowser} most likely printed ${networkError} instead, and no
              CORS error.
            </p>`
          : html`<p class="muted">
              The server records could not be read, so this page cannot tell whether ${expectedBrowser} printed this
              error or ${networkError}.
            </p>`;
      default:
        return assertNever(records);
    }
  }
}

/** The `data-js` value: whether `fetch()` rejected, as a CORS block makes it. */
function jsVerdict(js: JsOutcome): 'blocked' | 'allowed' {
  return js.kind === 'rejected' ? 'blocked' : 'allowed';
}

function statusText(attempt: Attempt): string {
  switch (attempt.state) {
    case 'running':
      return attempt.js === undefined
        ? `Sending, trace ${attempt.trace}…`
        : `Reading the server records for trace ${attempt.trace}…`;
    case 'done':
      return `Attempt finished, trace ${attempt.trace}.`;
    case 'records-failed':
      return `Attempt finished, trace ${attempt.trace}, but reading the server records failed.`;
    default:
      return assertNever(attempt.state);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-attempt-result': CpAttemptResult;
  }
}
