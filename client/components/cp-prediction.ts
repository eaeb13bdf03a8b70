import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';

import { assertNever, type Scenario, type Stage, type VariantName } from '../../scenarios/index.ts';
import type { Attempt } from '../attempt.ts';
import {
  comparePrediction,
  hasAnswers,
  observe,
  questionTexts,
  score,
  sourceText,
  stageTexts,
  stages,
  type Prediction,
} from '../prediction.ts';
import { progress, type ProgressStore } from '../progress.ts';
import { baseStyles } from './shared-styles.ts';

/** Asks the learner to send the request, after predicting (`predicted` is true) or skipping. */
export class PredictionSendEvent extends Event {
  static readonly eventName = 'cp-prediction-send';

  constructor(readonly predicted: boolean) {
    super(PredictionSendEvent.eventName, { bubbles: true, composed: true });
  }
}

/** `asking` shows the questions, `locked` the answers and then the comparison, `off` nothing. */
type Phase = 'asking' | 'locked' | 'off';

/**
 * Predict, then run: up to three questions before the first send of a variant, and, once the attempt
 * finishes, the learner's answers beside what happened. The first send of the attempt locks the answers,
 * whichever button sent it.
 */
@customElement('cp-prediction')
export class CpPrediction extends LitElement {
  static override styles = [
    baseStyles,
    css`
      form,
      .comparison {
        background: var(--cp-surface);
        border: 1px solid var(--cp-border);
        border-radius: var(--cp-radius);
        margin: 1rem 0;
        padding: 0.75rem 1rem;
      }

      h3 {
        margin-top: 0;
      }

      fieldset {
        border: none;
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 1.25rem;
        margin: 0 0 0.5rem;
        padding: 0;
      }

      legend {
        font-weight: 600;
        padding: 0;
        margin-bottom: 0.25rem;
      }

      label {
        align-items: center;
        cursor: pointer;
        display: inline-flex;
        gap: 0.35rem;
      }

      input[type='radio'] {
        accent-color: var(--cp-button-bg);
        height: 1.1em;
        margin: 0;
        width: 1.1em;
      }

      input:focus-visible {
        outline: 3px solid var(--cp-focus);
        outline-offset: 2px;
      }

      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        margin-top: 0.75rem;
      }

      button {
        border-radius: var(--cp-radius);
        cursor: pointer;
        font: inherit;
        font-weight: 600;
        padding: 0.4rem 1.1rem;
      }

      button[type='submit'] {
        background: var(--cp-button-bg);
        border: 1px solid var(--cp-button-bg);
        color: var(--cp-button-fg);
      }

      button[type='button'] {
        background: transparent;
        border: 1px solid var(--cp-border);
        color: var(--cp-fg);
      }

      .right,
      .wrong {
        font-weight: 700;
        white-space: nowrap;
      }

      .right {
        color: var(--cp-allowed);
      }

      .wrong {
        color: var(--cp-blocked);
      }

      .comparison > p {
        margin-top: 0;
      }

      caption {
        font-weight: 600;
        text-align: left;
      }
    `,
  ];

  @property({ attribute: false }) scenario?: Scenario;

  @property() variant: VariantName = 'broken';

  /** The page's current attempt, whose start locks the answers and whose end shows the comparison. */
  @property({ attribute: false }) attempt?: Attempt;

  /** Ask even when this variant was asked before, as a presenter does for every audience. */
  @property({ type: Boolean }) always = false;

  @property({ attribute: false }) store: ProgressStore = progress;

  @state() private phase: Phase = 'off';

  @state() private prediction: Prediction = {};

  @state() private emptySubmit = false;

  override willUpdate(changed: PropertyValues<this>): void {
    const scenario = this.scenario;
    if (scenario === undefined) return;
    if (changed.has('scenario') || changed.has('variant')) {
      const prompted = this.store.get(scenario.id).prompted.includes(this.variant);
      this.phase = this.always || !prompted ? 'asking' : 'off';
      this.prediction = {};
      this.emptySubmit = false;
    }
    // An attempt that starts while the questions are open locks the answers given so far.
    if (changed.has('attempt') && this.attempt !== undefined && this.phase === 'asking') this.lock();
  }

  override render(): TemplateResult | typeof nothing {
    switch (this.phase) {
      case 'asking':
        return this.renderQuestions();
      case 'locked':
        return this.renderComparison();
      case 'off':
        return nothing;
      default:
        return assertNever(this.phase);
    }
  }

  private renderQuestions(): TemplateResult {
    const { prediction } = this;
    return html`
      <form data-testid="prediction" aria-labelledby="predict-heading" @submit=${this.handleSubmit}>
        <h3 id="predict-heading">Predict first</h3>
        ${this.renderYesNo('blocked', prediction.blocked, (blocked) => ({
          ...this.prediction,
          blocked,
          stage: blocked ? this.prediction.stage : undefined,
        }))}
        ${prediction.blocked === true ? this.renderStages(prediction.stage) : nothing}
        ${this.renderYesNo('server-sees-actual', prediction.serverSeesActual, (serverSeesActual) => ({
          ...this.prediction,
          serverSeesActual,
        }))}
        ${
          this.emptySubmit
            ? html`<p class="note warning" role="alert">Answer at least one question, or press Skip to send now.</p>`
            : nothing
        }
        <div class="actions">
          <button type="submit">Predict and send</button>
          <button type="button" @click=${this.handleSkip}>Skip</button>
        </div>
      </form>
    `;
  }

  private renderYesNo(
    question: 'blocked' | 'server-sees-actual',
    value: boolean | undefined,
    answer: (value: boolean) => Prediction,
  ): TemplateResult {
    const name = `prediction-${question}`;
    return html`
      <fieldset>
        <legend>${questionTexts[question]}</legend>
        ${[true, false].map(
          (option) => html`
            <label>
              <input
                type="radio"
                name=${name}
                .checked=${value === option}
                @change=${() => this.answer(answer(option))}
              />
              ${option ? 'Yes' : 'No'}
            </label>
          `,
        )}
      </fieldset>
    `;
  }

  private renderStages(value: Stage | undefined): TemplateResult {
    return html`
      <fieldset>
        <legend>${questionTexts.stage}</legend>
        ${stages.map(
          (stage) => html`
            <label>
              <input
                type="radio"
                name="prediction-stage"
                .checked=${value === stage}
                @change=${() => this.answer({ ...this.prediction, stage })}
              />
              ${stageTexts[stage]}
            </label>
          `,
        )}
      </fieldset>
    `;
  }

  private renderComparison(): TemplateResult | typeof nothing {
    const { scenario, attempt } = this;
    if (scenario === undefined || attempt === undefined) return nothing;
    if (attempt.state === 'running') {
      return html`<p class="muted" data-testid="prediction-locked">Your prediction is in. Sending…</p>`;
    }

    const rows = comparePrediction(this.prediction, observe(scenario, this.variant, attempt));
    const { right, total } = score(rows);
    return html`
      <div class="comparison" data-testid="prediction-result" data-right=${right} data-total=${total}>
        <p role="status"><strong>Your prediction: ${right} of ${total} right.</strong></p>
        <table>
          <caption class="visually-hidden">
            Your prediction and what happened
          </caption>
          <thead>
            <tr>
              <th scope="col">Question</th>
              <th scope="col">You said</th>
              <th scope="col">What happened</th>
              <th scope="col">Result</th>
            </tr>
          </thead>
          <tbody>
            ${rows.map(
              (row) => html`
                <tr data-question=${row.question} data-correct=${row.correct}>
                  <th scope="row">${questionTexts[row.question]}</th>
                  <td>${row.predicted}</td>
                  <td>${row.observed} <span class="muted">(${sourceText(row.source)})</span></td>
                  <td class=${row.correct ? 'right' : 'wrong'}>${row.correct ? '✓ Right' : '✗ Wrong'}</td>
                </tr>
              `,
            )}
          </tbody>
        </table>
      </div>
    `;
  }

  private answer(prediction: Prediction): void {
    this.prediction = prediction;
    this.emptySubmit = false;
  }

  /** Locks the answers: with none, the send counts as a skip, and the comparison is not shown. */
  private lock(): void {
    const scenario = this.scenario;
    if (scenario === undefined) return;
    const answered = hasAnswers(this.prediction);
    this.store.markPrompted(scenario.id, this.variant, answered);
    this.phase = answered ? 'locked' : 'off';
  }

  private readonly handleSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    if (!hasAnswers(this.prediction)) {
      this.emptySubmit = true;
      return;
    }
    this.lock();
    this.dispatchEvent(new PredictionSendEvent(true));
  };

  private readonly handleSkip = (): void => {
    this.prediction = {};
    this.lock();
    this.dispatchEvent(new PredictionSendEvent(false));
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-prediction': CpPrediction;
  }
}
