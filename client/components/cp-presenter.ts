import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';

import { assertNever, categories, fillOrigins, type Scenario, type VariantName } from '../../scenarios/index.ts';
import { newTraceId } from '../../scenarios/records.ts';
import { runAttempt, type Attempt } from '../attempt.ts';
import { coursePath, recordAttempt } from '../curriculum.ts';
import { origins } from '../origins.ts';
import { presenterHref, type Presentation } from '../presentation.ts';
import {
  presenterAction,
  presenterSteps,
  stepTitles,
  stepVariant,
  type PresenterAction,
  type PresenterKey,
  type PresenterStep,
} from '../presenter-steps.ts';
import { progress } from '../progress.ts';
import { listHref, type Route } from '../routes.ts';
import { presenterStyles } from './presenter-styles.ts';
import { baseStyles } from './shared-styles.ts';
import './cp-attempt-result.ts';
import './cp-attempt-verdict.ts';
import './cp-header-diff.ts';
import './cp-prediction.ts';
import './cp-request-summary.ts';
import './cp-server-code.ts';

/**
 * Presenter mode for talks: one scenario of the playlist at a time, one step per slide, in large type.
 * The keyboard steps through the story, the prediction, the send, the inspector, the fix and the second send.
 */
@customElement('cp-presenter')
export class CpPresenter extends LitElement {
  static override styles = [baseStyles, presenterStyles];

  @property({ attribute: false }) presentation: Presentation = { playlist: [], unknownIds: [] };

  /** The page the URL names, which picks the first scenario and, for a fixed variant, the fix step. */
  @property({ attribute: false }) route?: Route;

  @state() private index = 0;

  @state() private step: PresenterStep = 'story';

  @state() private attempts: Partial<Record<VariantName, Attempt>> = {};

  @query('.slide') private slide?: HTMLElement;

  /** Trace of each variant's latest attempt, so that results from a scenario already left are dropped. */
  private activeTraces: Partial<Record<VariantName, string>> = {};

  override connectedCallback(): void {
    super.connectedCallback();
    document.documentElement.toggleAttribute('data-present', true);
    window.addEventListener('keydown', this.handleKeyDown);
  }

  override disconnectedCallback(): void {
    window.removeEventListener('keydown', this.handleKeyDown);
    document.documentElement.toggleAttribute('data-present', false);
    super.disconnectedCallback();
  }

  /** The scenarios to step through: the playlist, or the whole course when the URL names none. */
  private get deck(): readonly Scenario[] {
    const { playlist } = this.presentation;
    return playlist.length > 0 ? playlist : coursePath();
  }

  private get scenario(): Scenario | undefined {
    return this.deck[this.index];
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('route') && !changed.has('presentation')) return;
    const route = this.route;
    if (route?.kind !== 'scenario') return;
    // The presenter writes its own position into the URL, so a route it already shows changes nothing.
    if (route.scenario.id === this.scenario?.id && route.variant === stepVariant(this.step)) return;

    const index = this.deck.findIndex((scenario) => scenario.id === route.scenario.id);
    this.index = Math.max(index, 0);
    this.step = route.variant === 'fixed' ? 'fix' : 'story';
    this.attempts = {};
    this.activeTraces = {};
  }

  override updated(changed: PropertyValues): void {
    const scenario = this.scenario;
    if (scenario === undefined) return;
    if (changed.has('index') || changed.has('step')) {
      const href = presenterHref(scenario.id, stepVariant(this.step), this.presentation.playlist);
      history.replaceState(history.state, '', href);
      document.title = `${scenario.title}: ${stepTitles[this.step]} · cors-playground`;
    }
  }

  override render(): TemplateResult {
    const scenario = this.scenario;
    if (scenario === undefined) {
      return html`<p>The playlist names no scenario. <a href=${listHref}>See all scenarios</a>.</p>`;
    }
    const stepNumber = presenterSteps.indexOf(this.step) + 1;

    return html`
      ${this.renderUnknownIds()}
      <section
        class="slide"
        tabindex="-1"
        aria-labelledby="slide-heading"
        data-testid="presenter"
        data-scenario=${scenario.id}
        data-step=${this.step}
      >
        <p class="kicker">
          ${categories[scenario.category].title} · <span data-testid="presenter-step">${stepTitles[this.step]}</span>
        </p>
        <h1 id="slide-heading">${scenario.title}</h1>
        <!-- The kicker shows the step, and this heading gives the step's content its place in the outline. -->
        <h2 class="visually-hidden">${stepTitles[this.step]}</h2>
        ${this.renderStep(scenario)}
      </section>
      <footer>
        <p class="position" aria-live="polite">
          Scenario ${this.index + 1} of ${this.deck.length}, step ${stepNumber} of ${presenterSteps.length}:
          ${stepTitles[this.step]}
        </p>
        <nav aria-label="Presenter">
          <button type="button" @click=${() => this.perform('previous-scenario')}>Previous scenario</button>
          <button type="button" @click=${() => this.perform('previous-step')}>Back</button>
          <button type="button" @click=${() => this.perform('next-step')}>Next</button>
          <button type="button" @click=${() => this.perform('next-scenario')}>Next scenario</button>
        </nav>
        <p class="keys muted">
          <kbd>→</kbd>, <kbd>Space</kbd> or <kbd>PageDown</kbd>: next. <kbd>←</kbd> or <kbd>PageUp</kbd>: back.
          <kbd>N</kbd> and <kbd>P</kbd>: next and previous scenario.
        </p>
      </footer>
    `;
  }

  private renderUnknownIds(): TemplateResult | typeof nothing {
    const { unknownIds } = this.presentation;
    if (unknownIds.length === 0) return nothing;
    return html`<p class="note warning" role="alert" data-testid="unknown-playlist-ids">
      The playlist names ${unknownIds.length === 1 ? 'a scenario that does not exist' : 'scenarios that do not exist'}:
      ${unknownIds.map((id, i) => html`${i > 0 ? ', ' : ''}<code>${id}</code>`)}. Check the ids against the
      <a href=${listHref}>scenario list</a>; the presenter skips them.
    </p>`;
  }

  private renderStep(scenario: Scenario): TemplateResult {
    const fill = (text: string) => fillOrigins(text, origins);
    const variant = stepVariant(this.step);
    const attempt = this.attempts[variant];

    switch (this.step) {
      case 'story':
        return html`
          <p class="lead">${fill(scenario.story)}</p>
          <cp-request-summary .scenario=${scenario} .variant=${'broken'}></cp-request-summary>
        `;
      case 'predict':
      case 'send':
        // One template for both steps keeps the same element, so the answers survive the step to the send.
        return html`
          <cp-prediction
            always
            .scenario=${scenario}
            .variant=${'broken'}
            .attempt=${attempt}
            @cp-prediction-send=${() => this.goTo('send')}
          ></cp-prediction>
          ${this.step === 'send' ? this.renderVerdict(scenario, variant, attempt) : nothing}
        `;
      case 'inspect':
      case 'resend':
        return html`<cp-attempt-result
          .scenario=${scenario}
          .variant=${variant}
          .attempt=${attempt}
        ></cp-attempt-result>`;
      case 'fix':
        return html`
          <p class="rule">${scenario.rule}</p>
          <p class="lead">${fill(scenario.fix.summary)}</p>
          <cp-header-diff .lines=${scenario.fix.diff}></cp-header-diff>
          <cp-server-code .scenario=${scenario} .variant=${'fixed'}></cp-server-code>
        `;
      default:
        return assertNever(this.step);
    }
  }

  private renderVerdict(scenario: Scenario, variant: VariantName, attempt: Attempt | undefined): TemplateResult {
    if (attempt === undefined) return html`<p class="muted">Sending…</p>`;
    return html`<cp-attempt-verdict
      .expected=${scenario.variants[variant].expected}
      .attempt=${attempt}
    ></cp-attempt-verdict>`;
  }

  /** Moves to a step, sending the request when the step shows an attempt that has not run yet. */
  private goTo(step: PresenterStep): void {
    this.step = step;
    if (step === 'send' || step === 'resend') this.send(stepVariant(step));
    void this.updateComplete.then(() => this.slide?.focus({ preventScroll: false }));
  }

  private goToScenario(index: number): void {
    if (index < 0 || index >= this.deck.length) return;
    this.index = index;
    this.attempts = {};
    this.activeTraces = {};
    this.goTo('story');
  }

  private perform(action: PresenterAction): void {
    const position = presenterSteps.indexOf(this.step);
    switch (action) {
      case 'next-step': {
        const next = presenterSteps[position + 1];
        if (next === undefined) this.goToScenario(this.index + 1);
        else this.goTo(next);
        return;
      }
      case 'previous-step': {
        const previous = presenterSteps[position - 1];
        if (previous === undefined) this.goToScenario(this.index - 1);
        else this.goTo(previous);
        return;
      }
      case 'next-scenario':
        this.goToScenario(this.index + 1);
        return;
      case 'previous-scenario':
        this.goToScenario(this.index - 1);
        return;
      case 'first-step':
        this.goTo('story');
        return;
      default:
        assertNever(action);
    }
  }

  private send(variant: VariantName): void {
    const scenario = this.scenario;
    if (scenario === undefined || this.attempts[variant] !== undefined) return;
    const trace = newTraceId();
    this.activeTraces = { ...this.activeTraces, [variant]: trace };
    void runAttempt({ scenario, variant, origins, trace }, (attempt) => {
      if (this.activeTraces[variant] !== attempt.trace) return;
      this.attempts = { ...this.attempts, [variant]: attempt };
      recordAttempt(progress, scenario, variant, attempt);
    });
  }

  private readonly handleKeyDown = (event: KeyboardEvent): void => {
    if (event.defaultPrevented) return;
    const action = presenterAction(keyOf(event));
    if (action === undefined) return;
    event.preventDefault();
    this.perform(action);
  };
}

/** Describes a key event for `presenterAction`, looking through shadow roots to the focused control. */
function keyOf(event: KeyboardEvent): PresenterKey {
  const origin = event.composedPath()[0];
  let target: PresenterKey['target'] = 'other';
  if (origin instanceof HTMLInputElement) target = origin.type === 'radio' ? 'radio' : 'text';
  else if (origin instanceof HTMLTextAreaElement || origin instanceof HTMLSelectElement) target = 'text';
  else if (origin instanceof HTMLButtonElement || origin instanceof HTMLAnchorElement) target = 'button';
  else if (origin instanceof HTMLElement && origin.isContentEditable) target = 'text';
  const { key, shiftKey, altKey, ctrlKey, metaKey } = event;
  return { key, shiftKey, altKey, ctrlKey, metaKey, target };
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-presenter': CpPresenter;
  }
}
