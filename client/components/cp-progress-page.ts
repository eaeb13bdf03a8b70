import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';

import { categories } from '../../scenarios/index.ts';
import { courseChapters, courseCounts, coursePath, nextToLearn, type CourseChapter } from '../curriculum.ts';
import { ProgressController } from '../progress-controller.ts';
import { scenarioHref } from '../routes.ts';
import { baseStyles } from './shared-styles.ts';
import './cp-progress-badges.ts';

/** The course: every category in teaching order with its intro, each scenario's progress, and a reset. */
@customElement('cp-progress-page')
export class CpProgressPage extends LitElement {
  static override styles = [
    baseStyles,
    css`
      ol.scenarios {
        display: grid;
        gap: 0.5rem;
        margin: 0;
        padding-left: 1.5rem;
      }

      ol.scenarios li {
        padding-left: 0.25rem;
      }

      .row {
        align-items: baseline;
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 1rem;
      }

      .actions {
        align-items: center;
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
      }

      button {
        background: transparent;
        border: 1px solid var(--cp-border);
        border-radius: var(--cp-radius);
        color: var(--cp-fg);
        cursor: pointer;
        font: inherit;
        padding: 0.35rem 1rem;
      }

      button.danger {
        border-color: var(--cp-error-border);
        font-weight: 600;
      }
    `,
  ];

  private readonly progress = new ProgressController(this);

  /** The reset asks once more before it clears everything. */
  @state() private confirmingReset = false;

  override render(): TemplateResult {
    const store = this.progress.store;
    const path = coursePath();
    const counts = courseCounts(path, store.all());
    const next = nextToLearn(path, store.all());

    return html`
      <h1>Course and progress</h1>
      <p>
        The course goes through every scenario, category by category. In each one, predict what the browser will do,
        send the request, then switch to the fixed variant and send it again.
      </p>
      <p data-testid="progress-summary">
        Seen ${counts.seen} of ${counts.total}, predicted ${counts.predicted}, fixed ${counts.fixed}.
      </p>
      ${
        store.persistent
          ? nothing
          : html`<p class="note warning" data-testid="progress-not-saved">
              This browser does not let the page use localStorage, so your progress lasts only until you close or reload
              this page.
            </p>`
      }
      <div class="actions">
        ${
          next === undefined
            ? html`<span>You fixed every scenario.</span>`
            : html`<a href=${scenarioHref(next.id, 'broken')}>Continue: ${next.title}</a>`
        }
        ${this.renderReset()}
      </div>
      ${courseChapters().map((chapter, index) => this.renderChapter(chapter, index))}
    `;
  }

  private renderReset(): TemplateResult {
    if (!this.confirmingReset) {
      return html`<button type="button" @click=${this.handleResetRequest}>Reset progress</button>`;
    }
    return html`
      <span role="group" aria-label="Confirm reset">
        <span>Forget what you have seen, predicted and fixed?</span>
        <button type="button" class="danger" @click=${this.handleResetConfirm}>Yes, reset</button>
        <button type="button" @click=${this.handleResetCancel}>Cancel</button>
      </span>
    `;
  }

  private renderChapter(chapter: CourseChapter, index: number): TemplateResult {
    const category = categories[chapter.category];
    return html`
      <section aria-labelledby="chapter-${chapter.category}" data-testid="chapter" data-category=${chapter.category}>
        <h2 id="chapter-${chapter.category}">${index + 1}. ${category.title}</h2>
        <p>${category.intro}</p>
        <ol class="scenarios">
          ${chapter.scenarios.map(
            (scenario) => html`
              <li data-scenario=${scenario.id}>
                <span class="row">
                  <a href=${scenarioHref(scenario.id, 'broken')}>${scenario.title}</a>
                  <cp-progress-badges scenario-id=${scenario.id}></cp-progress-badges>
                </span>
              </li>
            `,
          )}
        </ol>
      </section>
    `;
  }

  private readonly handleResetRequest = async (): Promise<void> => {
    this.confirmingReset = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('button.danger')?.focus();
  };

  private readonly handleResetConfirm = async (): Promise<void> => {
    this.progress.store.reset();
    this.confirmingReset = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('.actions button')?.focus();
  };

  private readonly handleResetCancel = async (): Promise<void> => {
    this.confirmingReset = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('.actions button')?.focus();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-progress-page': CpProgressPage;
  }
}
