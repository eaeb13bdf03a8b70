import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';

import type { BlockedCookie, ServerName, Symptom } from '../../scenarios/index.ts';
import type { Attempt } from '../attempt.ts';
import { readSymptoms, symptomSubject, type SymptomReading } from '../expectation.ts';
import { baseStyles } from './shared-styles.ts';

/**
 * The facts a silent failure changes, each with the value the catalog expects and the value this attempt
 * got. The browser reports nothing for them, so they are the only sign of the failure.
 */
@customElement('cp-symptoms')
export class CpSymptoms extends LitElement {
  static override styles = [
    baseStyles,
    css`
      table {
        border-collapse: collapse;
        margin: 0.5rem 0;
      }

      th,
      td {
        border-bottom: 1px solid var(--cp-border);
        padding: 0.3rem 0.75rem 0.3rem 0;
        text-align: left;
        vertical-align: top;
        overflow-wrap: anywhere;
      }

      th {
        color: var(--cp-muted);
        font-weight: 600;
      }

      [data-matches='false'] .actual {
        color: var(--cp-blocked);
        font-weight: 600;
      }
    `,
  ];

  @property({ attribute: false }) symptoms: readonly Symptom[] = [];

  @property({ attribute: false }) attempt?: Attempt;

  /** Cookies Chromium keeps off the request, which only DevTools shows. */
  @property({ attribute: false }) blockedCookies: readonly BlockedCookie[] = [];

  @property() target: ServerName = 'api';

  override render(): TemplateResult | typeof nothing {
    if (this.symptoms.length === 0) return nothing;
    const readings = readSymptoms(this.symptoms, this.attempt?.js, this.attempt?.records?.exchanges, this.target);
    return html`
      <p>
        The browser reports nothing here: no console error and no DevTools issue. These are the facts that show what the
        page got.
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">What</th>
            <th scope="col">Expected</th>
            <th scope="col">This attempt</th>
          </tr>
        </thead>
        <tbody>
          ${readings.map((reading) => this.renderReading(reading))}
        </tbody>
      </table>
      ${this.blockedCookies.map(
        ({ name, reasons }) => html`
          <p data-testid="blocked-cookie">
            DevTools shows why the cookie stayed behind: in the Network panel, this request's Cookies tab lists
            <code>${name}</code> as blocked, for
            ${reasons.map((reason, index) => html`${index === 0 ? '' : ' and '}<code>${reason}</code>`)}.
          </p>
        `,
      )}
    `;
  }

  private renderReading({ symptom, actual, matches }: SymptomReading): TemplateResult {
    return html`
      <tr
        data-testid="symptom"
        data-kind=${symptom.kind}
        data-matches=${actual === undefined ? 'pending' : String(matches)}
        data-actual=${actual === undefined ? nothing : JSON.stringify(actual)}
      >
        <td><code>${symptomSubject(symptom)}</code></td>
        <td><code>${showValue(symptom.value)}</code></td>
        <td class="actual">
          ${actual === undefined ? html`<span class="muted">not known yet</span>` : html`<code>${showValue(actual)}</code>`}
        </td>
      </tr>
    `;
  }
}

/** Shows null as the page would log it, and a string in quotes, so that an empty string stays visible. */
function showValue(value: string | null): string {
  return value === null ? 'null' : JSON.stringify(value);
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-symptoms': CpSymptoms;
  }
}
