import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';

import type { Evaluation, EvaluatorFault, FirefoxReason } from '../../scenarios/evaluator/index.ts';
import { baseStyles } from './shared-styles.ts';

/**
 * The evaluator's account of an attempt, shown beside the exchange at fault: the header or status the
 * browser rejected, the value it had, the value it needed, and the explanation. Firefox's reason comes
 * from reading Firefox's source, and is labelled as such.
 */
@customElement('cp-fault-explanation')
export class CpFaultExplanation extends LitElement {
  static override styles = [
    baseStyles,
    css`
      aside {
        background: var(--cp-surface);
        border: 1px solid var(--cp-border);
        border-left: 4px solid var(--cp-fault-border);
        border-radius: var(--cp-radius);
        padding: 0.25rem 1rem 0.75rem;
      }

      aside.allowed {
        border-left-color: var(--cp-allowed);
      }

      h4 {
        font-size: 1rem;
        margin: 0.5rem 0;
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
        margin: 0;
        overflow-wrap: anywhere;
      }

      .value {
        background: var(--cp-code-bg);
        border: 1px solid var(--cp-border);
        border-radius: 3px;
        font-family: var(--cp-font-mono);
        font-size: 0.85rem;
        padding: 0 0.3rem;
      }

      .firefox pre {
        font-size: 0.8rem;
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }

      .source {
        font-size: 0.85rem;
      }
    `,
  ];

  @property({ attribute: false }) evaluation?: Evaluation;

  override render(): TemplateResult | typeof nothing {
    const evaluation = this.evaluation;
    if (evaluation === undefined) return nothing;
    const outcome = evaluation.outcome;
    const fault = outcome.verdict === 'blocked' && outcome.kind !== 'construction' ? outcome.fault : undefined;
    const blocked = evaluation.verdict === 'blocked';

    return html`
      <aside
        class=${blocked ? 'blocked' : 'allowed'}
        data-testid="fault-explanation"
        aria-labelledby="explanation-heading"
      >
        <h4 id="explanation-heading">${blocked ? 'Why the browser blocked it' : 'Why the browser allowed it'}</h4>
        ${fault === undefined ? nothing : renderFault(fault)}
        <p data-testid="evaluator-explanation">${evaluation.explanation}</p>
        ${evaluation.deviation === undefined ? nothing : html`<p class="note warning">${evaluation.deviation.note}</p>`}
        <p class="source muted">
          From the playground's CORS evaluator, which this page ran on the servers' records of the attempt.
        </p>
        ${evaluation.firefox === undefined ? nothing : renderFirefox(evaluation.firefox)}
      </aside>
    `;
  }
}

function renderFault(fault: EvaluatorFault): TemplateResult {
  const place = fault.exchange === 'preflight' ? 'the preflight response' : 'the response';
  const subject = 'header' in fault ? html`<code>${fault.header}</code> on ${place}` : html`the status of ${place}`;
  const missing = 'header' in fault ? 'nothing: the header is missing' : 'no status';
  return html`
    <dl>
      <dt>At fault</dt>
      <dd data-testid="fault-subject">${subject}</dd>
      <dt>The server sent</dt>
      <dd data-testid="fault-actual">
        ${fault.actual === undefined ? html`<em>${missing}</em>` : html`<span class="value">${fault.actual}</span>`}
      </dd>
      <dt>It should be</dt>
      <dd data-testid="fault-expected"><span class="value">${fault.expected}</span></dd>
    </dl>
  `;
}

function renderFirefox(firefox: FirefoxReason): TemplateResult {
  return html`
    <div class="firefox" data-testid="firefox-reason">
      <p>
        <strong>Firefox's reason</strong>, taken from Firefox's source code (the <code>${firefox.key}</code> message),
        not observed in Firefox:
      </p>
      <pre>${firefox.text}</pre>
    </div>
  `;
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-fault-explanation': CpFaultExplanation;
  }
}
