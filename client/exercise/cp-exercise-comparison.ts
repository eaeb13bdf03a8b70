import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';

import { baseStyles } from '../components/shared-styles.ts';
import type { HeaderMatch, HopComparison } from './header-comparison.ts';

const matchLabels: Readonly<Record<HeaderMatch, string>> = {
  same: 'Same',
  different: 'Differs',
  'only-reference': 'Only in the reference',
  'only-yours': 'Only in yours',
};

/** The learner's headers beside the reference fix's, one table per hop, each row marked same or different. */
@customElement('cp-exercise-comparison')
export class CpExerciseComparison extends LitElement {
  static override styles = [
    baseStyles,
    css`
      table {
        border-collapse: collapse;
        font-size: 0.85rem;
        margin: 0.5rem 0 1rem;
        width: 100%;
      }

      caption {
        font-weight: 600;
        text-align: left;
      }

      th,
      td {
        border: 1px solid var(--cp-border);
        padding: 0.25rem 0.5rem;
        text-align: left;
        vertical-align: top;
        overflow-wrap: anywhere;
      }

      td.value {
        font-family: var(--cp-font-mono);
      }

      tr.same td.match {
        color: var(--cp-allowed);
      }

      tr:not(.same) td.match {
        background: var(--cp-fault-bg);
        font-weight: 600;
      }
    `,
  ];

  @property({ attribute: false }) hops: readonly HopComparison[] = [];

  override render(): TemplateResult {
    return html`${this.hops.map((hop) => this.renderHop(hop))}`;
  }

  private renderHop(hop: HopComparison): TemplateResult {
    const statusMatches = hop.yourStatus === hop.referenceStatus;
    return html`
      <table data-testid="comparison-hop">
        <caption>
          ${hop.hop}
        </caption>
        <thead>
          <tr>
            <th scope="col">Header</th>
            <th scope="col">Your fix</th>
            <th scope="col">Reference fix</th>
            <th scope="col">Compared</th>
          </tr>
        </thead>
        <tbody>
          <tr class=${statusMatches ? 'same' : 'different'} data-match=${statusMatches ? 'same' : 'different'}>
            <th scope="row">Status</th>
            <td class="value">${hop.yourStatus ?? 'no answer'}</td>
            <td class="value">${hop.referenceStatus ?? 'no answer'}</td>
            <td class="match">${statusMatches ? matchLabels.same : matchLabels.different}</td>
          </tr>
          ${hop.rows.map(
            (row) => html`
              <tr class=${row.match} data-match=${row.match}>
                <th scope="row">${row.name}</th>
                <td class="value">${row.yours ?? nothing}</td>
                <td class="value">${row.reference ?? nothing}</td>
                <td class="match">${matchLabels[row.match]}</td>
              </tr>
            `,
          )}
        </tbody>
      </table>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-exercise-comparison': CpExerciseComparison;
  }
}
