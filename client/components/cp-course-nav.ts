import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';

import type { Scenario } from '../../scenarios/index.ts';
import { coursePath, stepAlong } from '../curriculum.ts';
import { progressHref, scenarioHref } from '../routes.ts';
import { baseStyles } from './shared-styles.ts';
import './cp-progress-badges.ts';

/** A scenario's place in the course, its progress, and links to the previous and next scenario. */
@customElement('cp-course-nav')
export class CpCourseNav extends LitElement {
  static override styles = [
    baseStyles,
    css`
      nav {
        border-top: 1px solid var(--cp-border);
        margin-top: 2rem;
        padding-top: 1rem;
      }

      .place {
        align-items: center;
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        margin: 0 0 0.5rem;
      }

      .steps {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 2rem;
        justify-content: space-between;
      }
    `,
  ];

  @property({ attribute: false }) scenario?: Scenario;

  override render(): TemplateResult | typeof nothing {
    const scenario = this.scenario;
    if (scenario === undefined) return nothing;
    const path = coursePath();
    const index = path.findIndex((item) => item.id === scenario.id);
    const previous = stepAlong(path, scenario.id, -1);
    const next = stepAlong(path, scenario.id, 1);

    return html`
      <nav aria-label="Course" data-testid="course-nav">
        <p class="place">
          <span>Scenario ${index + 1} of ${path.length} in the course.</span>
          <cp-progress-badges scenario-id=${scenario.id}></cp-progress-badges>
          <a href=${progressHref}>Your progress</a>
        </p>
        <p class="steps">
          ${
            previous === undefined
              ? html`<span></span>`
              : html`<a href=${scenarioHref(previous.id, 'broken')} rel="prev">Previous: ${previous.title}</a>`
          }
          ${
            next === undefined
              ? html`<span>This is the last scenario of the course.</span>`
              : html`<a href=${scenarioHref(next.id, 'broken')} rel="next">Next: ${next.title}</a>`
          }
        </p>
      </nav>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-course-nav': CpCourseNav;
  }
}
