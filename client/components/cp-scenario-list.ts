import { LitElement, css, html, type TemplateResult } from 'lit';
import { customElement } from 'lit/decorators.js';

import { categories, categoryOrder, scenarios, type CategoryId } from '../../scenarios/index.ts';
import { progressHref, scenarioHref } from '../routes.ts';
import { baseStyles } from './shared-styles.ts';
import './cp-progress-badges.ts';

/** The scenario list, grouped by category in teaching order. */
@customElement('cp-scenario-list')
export class CpScenarioList extends LitElement {
  static override styles = [
    baseStyles,
    css`
      ul {
        display: grid;
        gap: 0.75rem;
        list-style: none;
        margin: 0;
        padding: 0;
      }

      li {
        background: var(--cp-surface);
        border: 1px solid var(--cp-border);
        border-radius: var(--cp-radius);
        padding: 0.75rem 1rem;
      }

      li a {
        font-weight: 600;
      }

      li p {
        margin: 0.25rem 0 0;
      }

      .intro {
        margin-top: 0;
      }
    `,
  ];

  override render(): TemplateResult {
    return html`
      <h1>CORS scenarios</h1>
      <p>
        Each scenario sends a real cross-origin request from this page to a local server. Open one, press
        <strong>Send request</strong>, and compare what JavaScript gets, what the browser prints and what reached the
        server. Then switch to the fixed variant.
      </p>
      <p>To go through them in order and keep track, follow the <a href=${progressHref}>course</a>.</p>
      ${categoryOrder.map((id) => this.renderCategory(id))}
    `;
  }

  private renderCategory(id: CategoryId): TemplateResult {
    const category = categories[id];
    const rows = scenarios.filter((scenario) => scenario.category === id);
    return html`
      <section aria-labelledby="category-${id}">
        <h2 id="category-${id}">${category.title}</h2>
        <p class="intro muted">${category.intro}</p>
        <ul>
          ${rows.map(
            (scenario) => html`
              <li>
                <a href=${scenarioHref(scenario.id, 'broken')}>${scenario.title}</a>
                <cp-progress-badges scenario-id=${scenario.id}></cp-progress-badges>
                <p>${scenario.rule}</p>
              </li>
            `,
          )}
        </ul>
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-scenario-list': CpScenarioList;
  }
}
