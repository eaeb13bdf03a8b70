import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';

import {
  assertNever,
  isCorsBlock,
  requestPageOrigin,
  requestPageUrl,
  type ExpectedExchange,
  type NonCorsBlockedOutcome,
  type Scenario,
  type VariantName,
} from '../../scenarios/index.ts';
import type { Attempt } from '../attempt.ts';
import type { TraceRecord } from '../../scenarios/records.ts';
import {
  compareRecords,
  expectedBrowser,
  expectedConsoleLines,
  expectedConsoleMessage,
  type RecordsComparison,
} from '../expectation.ts';
import { inspectAttempt, type Inspection } from '../inspection.ts';
import { origins } from '../origins.ts';
import { findOriginMismatch } from '../page-origin.ts';
import { reportedFailure, type JsOutcome } from '../send.ts';
import { baseStyles } from './shared-styles.ts';
import { childrenUpdated } from './update-complete.ts';
import './cp-attempt-verdict.ts';
import './cp-look-alike-clues.ts';
import './cp-sequence-diagram.ts';
import './cp-server-records.ts';
import './cp-symptoms.ts';
import './cp-three-views.ts';

/**
 * The latest attempt and its inspector: the sequence of requests, what JavaScript, the wire and a
 * non-browser client saw, how it compares with the expectation, the console message Chromium prints,
 * and what reached the servers.
 */
@customElement('cp-attempt-result')
export class CpAttemptResult extends LitElement {
  static override styles = [
    baseStyles,
    css`
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

  /** The evaluator's reading of the attempt's records, or why it failed. */
  @state() private inspection?: Inspection | { readonly error: string };

  /** The records `inspection` was made from, so that other changes to the attempt do not redo it. */
  private inspectedRecords?: TraceRecord;

  override willUpdate(changed: PropertyValues<this>): void {
    const records = this.attempt?.records;
    if (!changed.has('scenario') && records === this.inspectedRecords) return;
    this.inspectedRecords = records;
    this.inspection = this.inspect(records);
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    const result = await super.getUpdateComplete();
    await childrenUpdated(this.renderRoot);
    return result;
  }

  override render(): TemplateResult | typeof nothing {
    const { scenario, attempt } = this;
    if (scenario === undefined || attempt === undefined) return nothing;
    const js = attempt.js;
    const inspection = this.inspection !== undefined && 'evaluation' in this.inspection ? this.inspection : undefined;

    return html`
      <div
        data-testid="attempt"
        data-state=${attempt.state}
        data-js=${js === undefined ? nothing : jsVerdict(js)}
        data-trace=${attempt.trace}
        data-url=${attempt.url}
        data-page-origin=${this.pageOrigin(scenario)}
        data-page=${this.pageUrl(scenario)}
      >
        <p class="trace muted" role="status">${statusText(attempt)}</p>
        ${
          attempt.signIn === undefined
            ? nothing
            : html`<p class="muted" data-testid="sign-in-result">Signed in first: ${attempt.signIn}.</p>`
        }

        <h3>Step by step</h3>
        ${this.renderDiagram(attempt, inspection)}

        <h3>Three views of the same request</h3>
        <cp-three-views .attempt=${attempt}></cp-three-views>

        ${this.renderSymptoms(scenario, attempt)}

        <h3>Expected in ${expectedBrowser}</h3>
        <cp-attempt-verdict
          .expected=${scenario.variants[this.variant].expected}
          .attempt=${attempt}
        ></cp-attempt-verdict>

        <h3>Expected console message (${expectedBrowser})</h3>
        ${this.renderConsoleMessage()}

        <h3>What reached the servers</h3>
        <cp-server-records
          .scenario=${scenario}
          .variant=${this.variant}
          .attempt=${attempt}
          .inspection=${inspection}
        ></cp-server-records>
      </div>
    `;
  }

  private inspect(records: TraceRecord | undefined): Inspection | { readonly error: string } | undefined {
    const { scenario, attempt } = this;
    if (scenario === undefined || attempt === undefined || records === undefined) return undefined;
    // The evaluator models CORS, which a WebSocket handshake never goes through.
    if (scenario.variants[this.variant].request.initiator === 'websocket') return undefined;
    try {
      return inspectAttempt({
        scenario,
        variant: this.variant,
        url: attempt.url,
        records: records.exchanges,
        origins,
        pageOrigin: this.pageOrigin(scenario),
        earlierSends: attempt.earlierSends ?? [],
      });
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }

  /** The origin of the page that sends the request: this page's own, or the frame's that the catalog names. */
  /** The URL of the document that sends the request, which some of Chromium's console lines name. */
  private pageUrl(scenario: Scenario): string {
    const where = { origins, scenarioId: scenario.id, variant: this.variant };
    return requestPageUrl(scenario.variants[this.variant].request, where, location.href);
  }

  private pageOrigin(scenario: Scenario): string {
    const { request } = scenario.variants[this.variant];
    return (request.page?.kind ?? 'app') === 'app' ? location.origin : requestPageOrigin(request, origins);
  }

  private renderSymptoms(scenario: Scenario, attempt: Attempt): TemplateResult | typeof nothing {
    const { expected, request } = scenario.variants[this.variant];
    if (expected.symptoms === undefined) return nothing;
    return html`
      <h3>What the page got</h3>
      <cp-symptoms
        .symptoms=${expected.symptoms}
        .attempt=${attempt}
        .target=${request.target}
        .blockedCookies=${expected.blockedCookies ?? []}
      ></cp-symptoms>
    `;
  }

  private renderDiagram(attempt: Attempt, inspection: Inspection | undefined): TemplateResult {
    if (inspection !== undefined) {
      return html`<cp-sequence-diagram .sequence=${inspection.sequence}></cp-sequence-diagram>`;
    }
    if (this.inspection !== undefined && 'error' in this.inspection) {
      return html`<div class="note error">
        The evaluator failed on this attempt's records: ${this.inspection.error}
      </div>`;
    }
    if (attempt.state === 'records-failed') {
      return html`<p class="muted">The diagram needs the servers' records, which could not be read; see below.</p>`;
    }
    if (this.scenario?.variants[this.variant].request.initiator === 'websocket') {
      return html`<p class="muted">
        WebSockets are not subject to CORS, so there is no CORS check to draw: the browser sends one GET handshake with
        an Origin header, and the server alone accepts it with 101 or refuses it (see below).
      </p>`;
    }
    return html`<p class="muted">The diagram appears once the servers' records are read.</p>`;
  }

  private renderConsoleMessage(): TemplateResult | typeof nothing {
    const { scenario, attempt } = this;
    if (scenario === undefined || attempt === undefined) return nothing;
    const expected = scenario.variants[this.variant].expected;
    const message = expectedConsoleMessage(
      expected.outcome,
      attempt.url,
      origins,
      scenario.variants[this.variant].request.initiator,
      this.pageOrigin(scenario),
    );
    const lines = expectedConsoleLines(expected.outcome, attempt.url, origins, {
      url: this.pageUrl(scenario),
      origin: this.pageOrigin(scenario),
    });

    if (lines !== undefined && expected.outcome.verdict === 'blocked' && !isCorsBlock(expected.outcome)) {
      return this.renderNonCorsLines(lines, expected.outcome, expected.exchanges);
    }
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

  /**
   * Renders the console lines of a failure that is not a CORS block. They are what tells it apart: no line
   * says "blocked by CORS policy", although JavaScript gets the same failure.
   */
  private renderNonCorsLines(
    lines: readonly string[],
    outcome: NonCorsBlockedOutcome,
    exchanges: readonly ExpectedExchange[],
  ): TemplateResult {
    const evaluation =
      this.inspection !== undefined && 'evaluation' in this.inspection ? this.inspection.evaluation : undefined;
    return html`
      <p>
        The CORS check is not what fails here. ${expectedBrowser} prints
        ${lines.length === 1 ? 'this error' : 'these errors'} in the DevTools console for this attempt. JavaScript
        cannot read the console, so this page builds the lines from the catalog. Open DevTools to compare.
      </p>
      ${lines.map((line) => html`<pre class="console" data-testid="console-line">${line}</pre>`)}
      <p><strong>How to tell it from a CORS error</strong>, since JavaScript gets the same failure:</p>
      <cp-look-alike-clues .outcome=${outcome} .exchanges=${exchanges} .evaluation=${evaluation}></cp-look-alike-clues>
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

/**
 * Returns the `data-js` value: whether the initiator reported a failure, as a CORS block makes it. A beacon
 * is always `allowed`, because `sendBeacon()` returns true even when CORS blocks it.
 */
function jsVerdict(js: JsOutcome): 'blocked' | 'allowed' {
  return reportedFailure(js) ? 'blocked' : 'allowed';
}

/** Describes how far an attempt got, with its trace id, for the line above its inspector. */
export function statusText(attempt: Attempt): string {
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
