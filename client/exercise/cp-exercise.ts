import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';

import type { CaseAnswers } from '../../scenarios/case/index.ts';
import type { Scenario } from '../../scenarios/index.ts';
import { baseStyles } from '../components/shared-styles.ts';
import { childrenUpdated } from '../components/update-complete.ts';
import type { AnswersChangeEvent } from '../lab/events.ts';
import { caseLabHref } from '../lab/lab-state.ts';
import { labFormStyles } from '../lab/lab-styles.ts';
import { origins } from '../origins.ts';
import { progress } from '../progress.ts';
import { outcomeLine } from '../send.ts';
import { checkFix, type CheckResult } from './exercise-check.ts';
import { planExercise, type ExercisePlan } from './exercise-plan.ts';
import { compareWithReference, matchesReference } from './header-comparison.ts';
import '../lab/cp-lab-answers-editor.ts';
import './cp-exercise-comparison.ts';

type CheckState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'checking' }
  | CheckResult
  | { readonly kind: 'failed'; readonly error: string };

/**
 * "Fix it yourself": the broken server's answers in the lab's editor. The learner changes them and checks
 * the fix: the browser sends the scenario's request to a lab URL that answers as composed, and then sends
 * it from the attacker's page and from a null origin, to catch a fix that lets any page read the response.
 */
@customElement('cp-exercise')
export class CpExercise extends LitElement {
  static override styles = [
    baseStyles,
    labFormStyles,
    css`
      .check {
        align-items: center;
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        margin: 1rem 0;
      }

      .note.passed {
        border-left-color: var(--cp-allowed);
      }
    `,
  ];

  @property({ attribute: false }) scenario?: Scenario;

  @state() private plan?: ExercisePlan;

  /** The answers the editor starts from: the broken server's, replaced by a copy to start again. */
  @state() private startAnswers?: CaseAnswers;

  /** The editor's answers, undefined while a field is invalid. */
  @state() private answers?: CaseAnswers;

  @state() private check: CheckState = { kind: 'idle' };

  /** Counts checks, so that the result of a check from before an edit or a switch is dropped. */
  private checkCount = 0;

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('scenario') && this.scenario !== undefined) {
      this.plan = planExercise(this.scenario, origins);
      this.startAgain();
    }
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    const result = await super.getUpdateComplete();
    await childrenUpdated(this.renderRoot);
    return result;
  }

  override render(): TemplateResult | typeof nothing {
    const { plan } = this;
    if (plan === undefined) return nothing;
    return html`
      <section aria-labelledby="exercise-heading" data-testid="exercise">
        <h2 id="exercise-heading">Fix it yourself</h2>
        ${plan.kind === 'exercise' ? this.renderExercise() : this.renderNotApplicable(plan.reason)}
      </section>
    `;
  }

  private renderNotApplicable(reason: string): TemplateResult {
    return html`<p data-testid="exercise-not-applicable">This scenario has no exercise, because ${reason}</p>`;
  }

  private renderExercise(): TemplateResult {
    const checking = this.check.kind === 'checking';
    return html`
      <p>
        These are the broken server's answers. Change them until the browser lets the request through, then check your
        fix. The browser sends the request above to a lab URL that answers exactly as you composed.
      </p>
      <p class="hint">
        Each header value is fixed text, so it cannot copy the request's Origin, as a server that reflects any origin
        does. After your fix passes, the check sends the same request from the attacker's page and from a sandboxed
        frame, whose origin is null: if the browser lets either read the response, the fix admits more than it should.
      </p>
      <cp-lab-answers-editor
        .value=${this.startAnswers}
        @cp-answers-change=${this.handleAnswersChange}
      ></cp-lab-answers-editor>
      <div class="check">
        <button
          type="button"
          class="primary"
          aria-disabled=${this.answers === undefined || checking ? 'true' : 'false'}
          @click=${this.handleCheck}
        >
          Check my fix
        </button>
        <button type="button" @click=${this.handleStartAgain}>Start again from the broken server</button>
        ${this.answers === undefined ? html`<span class="field-error">Correct the marked fields first.</span>` : nothing}
      </div>
      <div role="status" data-testid="exercise-result" data-state=${this.resultState()}>${this.renderCheck()}</div>
      ${this.renderComparison()}
    `;
  }

  private resultState(): string {
    const { check } = this;
    if (check.kind !== 'passed') return check.kind;
    return check.findings.length === 0 ? 'safe' : 'unsafe';
  }

  private renderCheck(): TemplateResult | typeof nothing {
    const { check } = this;
    switch (check.kind) {
      case 'idle':
        return nothing;
      case 'checking':
        return html`<p class="muted">Checking your fix in this browser…</p>`;
      case 'failed':
        return html`<p class="note error">The check could not run: ${check.error}. Try again.</p>`;
      case 'blocked':
        return html`<div class="note error">
          <p>
            <strong>Not yet:</strong> the browser still keeps the response from the page. JavaScript got
            <code>${outcomeLine(check.js)}</code>.
          </p>
          <p>
            <a href=${caseLabHref(check.value)}>Open these answers in the lab</a> to read the console message and each
            exchange, or compare them with the fix above.
          </p>
        </div>`;
      case 'passed':
        if (check.findings.length === 0) {
          return html`<div class="note passed">
            <p>
              <strong>Your fix passes, safely.</strong> The browser let the page read the response, and neither the
              attacker's page nor a null origin could. The scenario is marked fixed.
            </p>
          </div>`;
        }
        return html`<div class="note warning">
          <p>
            <strong>Your fix passes, but it is unsafe.</strong> The browser let the page read the response, and also:
          </p>
          <ul data-testid="exercise-findings">
            ${check.findings.map((finding) => html`<li data-kind=${finding.kind}>${finding.message}</li>`)}
          </ul>
          <p>The reference fix keeps these pages out, so the scenario is not marked fixed yet.</p>
        </div>`;
      default:
        return check satisfies never;
    }
  }

  private renderComparison(): TemplateResult | typeof nothing {
    const { check, plan } = this;
    if (plan?.kind !== 'exercise' || (check.kind !== 'passed' && check.kind !== 'blocked')) return nothing;
    const hops = compareWithReference(check.value.answers, plan.fixed.answers, origins);
    return html`
      <h3>Your fix beside the reference fix</h3>
      <p>
        ${
          matchesReference(hops)
            ? 'Your answers match the reference fix.'
            : 'The reference is one fix that works; yours need not match it, because the browser decides.'
        }
      </p>
      <cp-exercise-comparison .hops=${hops}></cp-exercise-comparison>
    `;
  }

  private startAgain(): void {
    const { plan } = this;
    this.checkCount += 1;
    this.check = { kind: 'idle' };
    // A new object, so the editor loads it even when the learner starts again from the same answers.
    this.startAnswers = plan?.kind === 'exercise' ? structuredClone(plan.broken.answers) : undefined;
    this.answers = this.startAnswers;
  }

  private readonly handleStartAgain = (): void => {
    this.startAgain();
  };

  private readonly handleAnswersChange = (event: AnswersChangeEvent): void => {
    this.answers = event.answers;
    this.checkCount += 1;
    this.check = { kind: 'idle' };
  };

  private readonly handleCheck = async (): Promise<void> => {
    const { plan, answers, scenario } = this;
    // The button stays focusable while a check runs, so this ignores clicks and Enter until it ends.
    if (
      plan?.kind !== 'exercise' ||
      answers === undefined ||
      scenario === undefined ||
      this.check.kind === 'checking'
    ) {
      return;
    }
    const count = ++this.checkCount;
    this.check = { kind: 'checking' };
    let result: CheckState;
    try {
      result = await checkFix(plan.broken, plan.fixed, answers, origins);
    } catch (error) {
      result = { kind: 'failed', error: error instanceof Error ? error.message : String(error) };
    }
    if (count !== this.checkCount) return;
    this.check = result;
    if (result.kind === 'passed' && result.findings.length === 0) progress.markFixed(scenario.id);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-exercise': CpExercise;
  }
}
