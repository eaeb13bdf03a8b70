import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';

import { caseRequest, pageOrigin, type Case } from '../../scenarios/case/index.ts';
import { evaluate, responderFromExchanges, type Evaluation } from '../../scenarios/evaluator/index.ts';
import { assertNever, type OriginMap } from '../../scenarios/index.ts';
import type { RecordedExchange } from '../../scenarios/records.ts';
import type { Attempt } from '../attempt.ts';
import { baseStyles } from '../components/shared-styles.ts';
import { statusText } from '../components/cp-attempt-result.ts';
import { childrenUpdated } from '../components/update-complete.ts';
import { buildSequence, type Sequence } from '../sequence.ts';
import { reportedFailure } from '../send.ts';
import { compareWithPrediction, predictCase, type Difference } from './agreement.ts';
import '../components/cp-exchange-view.ts';
import '../components/cp-fault-explanation.ts';
import '../components/cp-sequence-diagram.ts';
import '../components/cp-three-views.ts';

/** The evaluator's reading of the attempt's records, which draws the diagram and explains the fault. */
interface RecordsReading {
  readonly evaluation: Evaluation;
  readonly sequence: Sequence;
  readonly faultRecord?: RecordedExchange;
}

/**
 * A lab attempt beside the evaluator's prediction for it: whether they agree, the sequence of requests,
 * what JavaScript and the wire saw, and each exchange the servers recorded.
 */
@customElement('cp-lab-result')
export class CpLabResult extends LitElement {
  static override styles = [
    baseStyles,
    css`
      .agreement.differs {
        border-left-color: var(--cp-error-border);
      }

      .agreement.agrees {
        border-left-color: var(--cp-allowed);
      }

      .difference pre {
        font-size: 0.8rem;
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }

      .console {
        border-left: 4px solid var(--cp-blocked);
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }

      .with-explanation {
        align-items: start;
        display: grid;
        gap: 0 1rem;
      }

      @media (min-width: 60rem) {
        .with-explanation {
          grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
        }
      }
    `,
  ];

  /** The case the attempt sent. */
  @property({ attribute: false }) value?: Case;

  @property({ attribute: false }) attempt?: Attempt;

  @property({ attribute: false }) origins?: OriginMap;

  @state() private reading?: RecordsReading | { readonly error: string };

  private readRecords?: readonly RecordedExchange[];

  override willUpdate(changed: PropertyValues<this>): void {
    const records = this.attempt?.records?.exchanges;
    if (!changed.has('value') && records === this.readRecords) return;
    this.readRecords = records;
    this.reading = this.read(records);
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    const result = await super.getUpdateComplete();
    await childrenUpdated(this.renderRoot);
    return result;
  }

  override render(): TemplateResult | typeof nothing {
    const { value, attempt, origins } = this;
    if (value === undefined || attempt === undefined || origins === undefined) return nothing;
    const prediction = predictCase(value, origins, attempt.trace);
    const differences =
      attempt.js !== undefined && attempt.state === 'done'
        ? compareWithPrediction(prediction, attempt.js, attempt.records?.exchanges ?? [], origins)
        : undefined;
    const reading = this.reading !== undefined && 'evaluation' in this.reading ? this.reading : undefined;

    return html`
      <div
        data-testid="lab-attempt"
        data-state=${attempt.state}
        data-js=${attempt.js === undefined ? nothing : reportedFailure(attempt.js) ? 'blocked' : 'allowed'}
        data-trace=${attempt.trace}
        data-url=${attempt.url}
        data-agreement=${agreementState(differences)}
      >
        <p class="muted" role="status">${statusText(attempt)}</p>
        ${this.renderAgreement(differences)}

        <h3>Step by step</h3>
        ${this.renderDiagram(attempt, reading)}

        <h3>What JavaScript saw and what crossed the wire</h3>
        <cp-three-views .attempt=${attempt} no-replay></cp-three-views>

        <h3>Console (${prediction.consoleLines.length === 0 ? 'nothing expected' : 'as the evaluator predicts it'})</h3>
        ${
          prediction.consoleLines.length === 0
            ? html`<p>The evaluator expects Chromium 156 to print no error for this request.</p>`
            : html`<p>
                  The evaluator expects Chromium 156 to print this in the DevTools console. Open DevTools to compare.
                </p>
                ${prediction.consoleLines.map(
                  (line) => html`<pre class="console" data-testid="predicted-console-line">${line}</pre>`,
                )}`
        }

        <h3>What reached the servers</h3>
        ${this.renderRecords(attempt, reading)}
      </div>
    `;
  }

  private renderAgreement(differences: readonly Difference[] | undefined): TemplateResult {
    if (differences === undefined) {
      return html`<p class="note">
        The comparison with the evaluator's prediction appears once the records are read.
      </p>`;
    }
    if (differences.length === 0) {
      return html`<p class="note agreement agrees" data-testid="agreement">
        <strong>The browser agrees with the evaluator's prediction:</strong> JavaScript got what it predicted, and the
        servers recorded the requests it predicted.
      </p>`;
    }
    return html`
      <div class="note agreement differs" data-testid="agreement" role="alert">
        <p>
          <strong>The browser and the evaluator's prediction differ.</strong> The browser decides; the evaluator models
          Chromium 156 and the Fetch Standard, so this may be a gap in the model or a change in the browser.
        </p>
        ${differences.map(
          (difference) => html`
            <div class="difference" data-testid="difference" data-subject=${difference.subject}>
              <p>
                ${difference.subject === 'javascript' ? 'What JavaScript got' : 'The requests that reached the servers'}:
              </p>
              <p>Predicted:</p>
              <pre>${difference.predicted}</pre>
              <p>In this browser:</p>
              <pre>${difference.actual}</pre>
            </div>
          `,
        )}
      </div>
    `;
  }

  private renderDiagram(attempt: Attempt, reading: RecordsReading | undefined): TemplateResult {
    if (reading !== undefined) return html`<cp-sequence-diagram .sequence=${reading.sequence}></cp-sequence-diagram>`;
    if (this.reading !== undefined && 'error' in this.reading) {
      return html`<div class="note error">The evaluator failed on this attempt's records: ${this.reading.error}</div>`;
    }
    if (attempt.state === 'records-failed') {
      return html`<p class="muted">The diagram needs the servers' records, which could not be read; see below.</p>`;
    }
    return html`<p class="muted">The diagram appears once the servers' records are read.</p>`;
  }

  private renderRecords(attempt: Attempt, reading: RecordsReading | undefined): TemplateResult {
    switch (attempt.state) {
      case 'running':
        return html`<p class="muted">The records are read once the request's result is in.</p>`;
      case 'records-failed':
        return html`<div class="note error" data-testid="records-error" role="alert">
          Reading the server records from <code>${attempt.recordsError?.url}</code> failed:
          ${attempt.recordsError?.error}. The servers may not be running; <code>npm start</code> starts them.
        </div>`;
      case 'done':
        break;
      default:
        return assertNever(attempt.state);
    }
    const exchanges = attempt.records?.exchanges ?? [];
    const outcome = reading?.evaluation.outcome;
    const fault =
      outcome !== undefined && outcome.verdict === 'blocked' && outcome.kind !== 'construction'
        ? outcome.fault
        : undefined;
    const explanation = html`<cp-fault-explanation .evaluation=${reading?.evaluation}></cp-fault-explanation>`;

    return html`
      ${exchanges.length === 0 ? html`<p data-testid="nothing-reached">Nothing reached any server.</p>` : nothing}
      ${exchanges.map((exchange) => {
        const isFault = exchange === reading?.faultRecord && fault !== undefined;
        const view = html`
          <cp-exchange-view
            .exchange=${exchange}
            .faultHeader=${isFault && 'header' in fault ? fault.header : undefined}
            .faultStatus=${isFault && 'status' in fault}
            .body=${exchange.method === this.value?.request.method ? this.value.request.body : undefined}
          ></cp-exchange-view>
        `;
        return exchange === reading?.faultRecord
          ? html`<div class="with-explanation">${view}${explanation}</div>`
          : view;
      })}
      ${reading !== undefined && reading.faultRecord === undefined ? explanation : nothing}
    `;
  }

  private read(
    records: readonly RecordedExchange[] | undefined,
  ): RecordsReading | { readonly error: string } | undefined {
    const { value, attempt, origins } = this;
    if (value === undefined || attempt === undefined || origins === undefined || records === undefined)
      return undefined;
    try {
      const request = caseRequest(value, origins, attempt.trace);
      const evaluation = evaluate(request, responderFromExchanges(records, { origins }));
      const sequence = buildSequence({ evaluation, records, origins, pageOrigin: pageOrigin(value, origins), request });
      const faultRecord = sequence.steps.find((step) => step.result === 'blocked')?.record;
      return { evaluation, sequence, ...(faultRecord !== undefined && { faultRecord }) };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }
}

function agreementState(differences: readonly Difference[] | undefined): 'pending' | 'agrees' | 'differs' {
  if (differences === undefined) return 'pending';
  return differences.length === 0 ? 'agrees' : 'differs';
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-lab-result': CpLabResult;
  }
}
