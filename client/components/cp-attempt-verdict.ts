import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';

import { assertNever, type Expectation } from '../../scenarios/index.ts';
import type { Attempt } from '../attempt.ts';
import {
  compareRecords,
  describeOutcome,
  expectedBrowser,
  jsDivergence,
  type RecordsComparison,
} from '../expectation.ts';
import { origins } from '../origins.ts';
import { findOriginMismatch } from '../page-origin.ts';
import { outcomeLine, reportedFailure, type JsOutcome } from '../send.ts';
import { baseStyles } from './shared-styles.ts';

/**
 * The expected outcome of a variant, and whether an attempt matches it: what JavaScript got, and what
 * the servers recorded.
 */
@customElement('cp-attempt-verdict')
export class CpAttemptVerdict extends LitElement {
  static override styles = [baseStyles];

  /** The expectation of the variant the attempt ran against. */
  @property({ attribute: false }) expected?: Expectation;

  @property({ attribute: false }) attempt?: Attempt;

  override render(): TemplateResult | typeof nothing {
    const { expected, attempt } = this;
    if (expected === undefined || attempt === undefined) return nothing;
    const js = attempt.js;
    const divergence = js === undefined ? undefined : jsDivergence(expected, js);

    const jsNote =
      divergence === undefined
        ? nothing
        : html`
            <div class="note warning" data-testid="unexpected" role="alert">
              <strong>Not what the catalog expects.</strong> ${divergence} The expectations describe ${expectedBrowser}.
              Another browser or version may decide differently, or a server may be down or not behave as the catalog
              describes.
            </div>
          `;
    const recordsNote =
      js === undefined
        ? nothing
        : this.renderRecordsComparison(js, compareRecords(expected.exchanges, attempt), divergence === undefined);

    return html`
      <p><span class="verdict ${expected.outcome.verdict}">${describeOutcome(expected.outcome)}.</span></p>
      ${jsNote} ${recordsNote}
    `;
  }

  /**
   * Renders whether the servers' records confirm the attempt. The attempt matches only when both what
   * JavaScript got and the records agree with the catalog, because `fetch()` rejects with the same
   * TypeError for a CORS block and for a server that is not running.
   */
  private renderRecordsComparison(
    js: JsOutcome,
    records: RecordsComparison,
    jsAsExpected: boolean,
  ): TemplateResult | typeof nothing {
    const settled = settledText(js);

    switch (records.kind) {
      case 'pending':
        return jsAsExpected
          ? html`<p class="muted">${settled}, as expected. Reading the server records to check the cause…</p>`
          : nothing;
      case 'same':
        return jsAsExpected
          ? html`<p data-testid="as-expected">
              This attempt matches: ${settled}, and the servers recorded ${records.exchanges}, as expected.
            </p>`
          : nothing;
      case 'different': {
        const consequence = reportedFailure(js)
          ? 'This block may have another cause than the CORS rule of this scenario.'
          : nothing;
        return html`
          <div class="note warning" data-testid="unexpected-exchanges">
            <strong>The servers' records differ from the catalog.</strong> ${records.divergence} ${consequence}
          </div>
        `;
      }
      case 'unreadable':
      case 'nothing-recorded':
        return this.renderUnrecorded(js, records.kind);
      default:
        return assertNever(records);
    }
  }

  /** Renders the note for an attempt that no server's records show. */
  private renderUnrecorded(js: JsOutcome, reason: 'unreadable' | 'nothing-recorded'): TemplateResult {
    const unrecorded =
      reason === 'unreadable'
        ? 'this page could not read the server records, so no record shows that the request reached a server'
        : 'no server recorded the request';
    const mismatch = findOriginMismatch(location, origins.app);
    const wrongOrigin =
      mismatch === undefined
        ? nothing
        : html`This page is open at <code>${mismatch.actual}</code>, an origin the servers do not allow. Open
            <a href=${mismatch.href}>${mismatch.href}</a> instead.`;

    if (!reportedFailure(js)) {
      return html`
        <div class="note warning" data-testid="not-confirmed" data-reason=${reason} role="alert">
          <strong>Not confirmed by the servers.</strong> ${settledText(js)}, but ${unrecorded}, so this page cannot
          compare the exchanges with the catalog. ${wrongOrigin}
        </div>
      `;
    }

    const cause =
      mismatch === undefined
        ? html`The likely cause is a stopped server or a network error, not the CORS rule of this scenario. Start the
            servers with <code>npm start</code>, then send the request again.`
        : html`The likely cause is the page's origin, not the CORS rule of this scenario. ${wrongOrigin}`;
    return html`
      <div class="note warning" data-testid="not-confirmed" data-reason=${reason} role="alert">
        <strong>Not confirmed as a CORS block.</strong> ${settledText(js)}, but ${unrecorded}. This failure alone cannot
        tell a CORS block from a network failure. ${cause}
      </div>
    `;
  }
}

/** Describes what JavaScript got, such as `fetch() rejected with TypeError: Failed to fetch`. */
function settledText(js: JsOutcome): string {
  switch (js.kind) {
    case 'rejected':
      return `fetch() rejected with ${outcomeLine(js)}`;
    case 'response':
      return `the request resolved with status ${js.status}`;
    case 'error-event':
    case 'loaded':
    case 'beacon':
      return `JavaScript got ${outcomeLine(js)}`;
    default:
      return assertNever(js);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-attempt-verdict': CpAttemptVerdict;
  }
}
