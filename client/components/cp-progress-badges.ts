import { LitElement, css, html, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';

import { ProgressController } from '../progress-controller.ts';
import { baseStyles } from './shared-styles.ts';

const steps = [
  ['seen', 'Seen'],
  ['predicted', 'Predicted'],
  ['fixed', 'Fixed'],
] as const;

/** One scenario's progress as three marks: seen, predicted and fixed, each done or not. */
@customElement('cp-progress-badges')
export class CpProgressBadges extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: inline-block;
      }

      ul {
        display: inline-flex;
        flex-wrap: wrap;
        gap: 0.35rem;
        list-style: none;
        margin: 0;
        padding: 0;
      }

      li {
        border: 1px solid var(--cp-border);
        border-radius: 999px;
        font-size: 0.8rem;
        padding: 0 0.55rem;
      }

      li.done {
        background: var(--cp-added-bg);
        border-color: var(--cp-added-fg);
        color: var(--cp-added-fg);
        font-weight: 600;
      }

      li:not(.done) {
        color: var(--cp-muted);
      }
    `,
  ];

  @property({ attribute: 'scenario-id' }) scenarioId = '';

  private readonly progress = new ProgressController(this);

  override render(): TemplateResult {
    const entry = this.progress.store.get(this.scenarioId);
    return html`
      <ul aria-label="Progress" data-testid="progress-badges">
        ${steps.map(
          ([key, label]) => html`
            <li class=${entry[key] ? 'done' : ''} data-step=${key} data-done=${entry[key]}>
              ${entry[key] ? html`<span aria-hidden="true">✓ </span>${label}` : html`<span class="visually-hidden">Not </span>${label.toLowerCase()}`}
            </li>
          `,
        )}
      </ul>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-progress-badges': CpProgressBadges;
  }
}
