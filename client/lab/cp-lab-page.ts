import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';

import type { Case, CaseExpected, CaseIssue } from '../../scenarios/case/index.ts';
import type { Evaluation } from '../../scenarios/evaluator/index.ts';
import { assertNever } from '../../scenarios/index.ts';
import { newTraceId } from '../../scenarios/records.ts';
import type { Attempt } from '../attempt.ts';
import { baseStyles } from '../components/shared-styles.ts';
import { childrenUpdated } from '../components/update-complete.ts';
import { origins } from '../origins.ts';
import { predictCase } from './agreement.ts';
import { draftFromCase, type CaseDraft } from './draft.ts';
import type { AnswersChangeEvent, CaseImportEvent, RequestChangeEvent } from './events.ts';
import { initiatorLabel, pageDescription, runLabAttempt } from './lab-attempt.ts';
import { caseLabHref, labQuery, readLabQuery, validateDraft } from './lab-state.ts';
import { labFormStyles } from './lab-styles.ts';
import './cp-lab-answers-editor.ts';
import './cp-lab-case-io.ts';
import './cp-lab-request-editor.ts';
import './cp-lab-result.ts';

/**
 * The lab: the learner composes a request and the server's answers, sends it from a real page at the
 * chosen origin, and reads the attempt beside the evaluator's prediction. The whole case lives in the
 * URL, so a link reproduces it.
 */
@customElement('cp-lab-page')
export class CpLabPage extends LitElement {
  static override styles = [
    baseStyles,
    labFormStyles,
    css`
      .send {
        align-items: center;
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        margin: 1rem 0;
      }

      .prediction {
        border-left-color: var(--cp-accent);
      }
    `,
  ];

  /** The query after `#/lab?`, which contains the case. */
  @property() query = '';

  @state() private draft: CaseDraft = readLabQuery('').draft;

  /** Issues of the link that opened the page. */
  @state() private linkIssues: readonly CaseIssue[] = [];

  @state() private attempt?: Attempt;

  /** The case the attempt sent, which the learner may have edited since. */
  @state() private sentCase?: Case;

  /** The query this page last wrote into the URL, so that writing it does not reload the draft. */
  private writtenQuery?: string;

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('query') && this.query !== this.writtenQuery) {
      const state = readLabQuery(this.query);
      this.draft = state.draft;
      this.linkIssues = state.linkIssues;
      this.attempt = undefined;
      this.sentCase = undefined;
      this.writtenQuery = this.query;
    }
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    const result = await super.getUpdateComplete();
    await childrenUpdated(this.renderRoot);
    return result;
  }

  override render(): TemplateResult {
    const validation = validateDraft(this.draft);
    const value = validation.ok ? validation.value : undefined;
    const issues = validation.ok ? [] : validation.issues;
    const running = this.attempt?.state === 'running';

    return html`
      <h1>Lab</h1>
      <p>
        Compose a request and the server's answers, then send it. The browser sends the request from a real page at the
        origin you pick, and the lab server answers exactly as you composed. The address bar holds the whole case, so
        the link reproduces it.
      </p>
      ${this.renderLinkIssues()}

      <section aria-labelledby="lab-request-heading">
        <h2 id="lab-request-heading">The request</h2>
        <cp-lab-request-editor
          .request=${this.draft.request}
          .issues=${issues}
          .origins=${origins}
          @cp-request-change=${(event: RequestChangeEvent) => this.edit({ ...this.draft, request: event.request })}
        ></cp-lab-request-editor>
      </section>

      <section aria-labelledby="lab-answers-heading">
        <h2 id="lab-answers-heading">The server's answers</h2>
        <cp-lab-answers-editor
          .draft=${this.draft.answers}
          @cp-answers-change=${(event: AnswersChangeEvent) => this.edit({ ...this.draft, answers: event.draft })}
        ></cp-lab-answers-editor>
      </section>

      <section aria-labelledby="lab-send-heading">
        <h2 id="lab-send-heading">Send it</h2>
        ${value === undefined ? this.renderInvalid(issues) : this.renderPrediction(value, predictCase(value, origins))}
        <div class="send">
          <button
            type="button"
            class="primary"
            aria-disabled=${value === undefined || running ? 'true' : 'false'}
            @click=${() => this.send(value)}
          >
            Send request
          </button>
          ${
            value === undefined
              ? nothing
              : html`<span class="muted"
                  >Sends it with ${initiatorLabel(value.request.initiator)} from
                  ${pageDescription(value.request.pageOrigin, origins)}.</span
                >`
          }
          <a href=${caseLabHref(this.draft)} data-testid="lab-link">Link to this case</a>
        </div>
        ${
          this.attempt === undefined || this.sentCase === undefined
            ? nothing
            : html`<cp-lab-result .value=${this.sentCase} .attempt=${this.attempt} .origins=${origins}></cp-lab-result>`
        }
      </section>

      <section aria-labelledby="lab-case-heading">
        <h2 id="lab-case-heading">The case as a file</h2>
        <p>
          A case is this request and these answers as JSON. Export it to keep it, to run it with the command line (<code
            >cors-playground run case.json</code
          >), or to draft a catalog scenario from it (<code>cors-playground scenario case.json --id my-scenario</code>).
          Every scenario page has an "Open in lab" link that loads its variant here as a case.
        </p>
        <cp-lab-case-io
          .value=${value}
          @cp-case-import=${(event: CaseImportEvent) => this.load(draftFromCase(event.value))}
        ></cp-lab-case-io>
      </section>
    `;
  }

  private renderLinkIssues(): TemplateResult | typeof nothing {
    if (this.linkIssues.length === 0) return nothing;
    return html`
      <div class="note error" role="alert" data-testid="link-issues">
        <p>
          This link's case is not valid, so the lab kept the parts it could read and marked the rest below. Fix the
          marked fields, or pick new values:
        </p>
        <ul>
          ${this.linkIssues.map((issue) => html`<li><code>${issue.path}</code>: ${issue.message}</li>`)}
        </ul>
      </div>
    `;
  }

  private renderInvalid(issues: readonly CaseIssue[]): TemplateResult {
    // Issues of the whole case or of all the answers belong to no field, so they are listed here.
    const general = issues.filter((issue) => issue.path === '(root)' || issue.path === 'answers');
    return html`<div class="note error" data-testid="lab-invalid">
      <p>
        The case cannot be sent yet: ${issues.length === 1 ? 'one field is' : `${issues.length} fields are`} invalid, as
        marked above.
      </p>
      ${
        general.length === 0
          ? nothing
          : html`<ul>
              ${general.map((issue) => html`<li>${issue.message}</li>`)}
            </ul>`
      }
    </div>`;
  }

  private renderPrediction(value: Case, prediction: Evaluation): TemplateResult {
    return html`
      <div class="note prediction" data-testid="lab-prediction" data-verdict=${prediction.verdict}>
        <p><strong>The evaluator predicts:</strong> ${predictionLine(prediction)}</p>
        <p>${prediction.explanation}</p>
        ${value.expected === undefined ? nothing : html`<p>The case expects: ${expectedLine(value.expected)}.</p>`}
      </div>
    `;
  }

  private edit(draft: CaseDraft): void {
    this.draft = draft;
    this.linkIssues = [];
    this.writeUrl();
  }

  private load(draft: CaseDraft): void {
    this.draft = draft;
    this.linkIssues = [];
    this.attempt = undefined;
    this.sentCase = undefined;
    this.writeUrl();
  }

  /** Replaces the URL rather than pushing one per keystroke, so Back leaves the lab rather than undoing an edit. */
  private writeUrl(): void {
    const query = labQuery(this.draft);
    this.writtenQuery = query;
    history.replaceState(history.state, '', `/#/lab?${query}`);
  }

  private send(value: Case | undefined): void {
    if (value === undefined || this.attempt?.state === 'running') return;
    const trace = newTraceId();
    this.sentCase = value;
    void runLabAttempt(value, origins, trace, (attempt) => {
      if (this.sentCase === value) this.attempt = attempt;
    });
  }
}

function predictionLine(prediction: Evaluation): string {
  const { outcome } = prediction;
  switch (outcome.verdict) {
    case 'allowed':
      return `allowed: JavaScript reads the ${outcome.status} response.`;
    case 'opaque':
      return 'an opaque response: the request is sent, but JavaScript reads nothing of the answer.';
    case 'blocked':
      if (outcome.kind === 'cors') return `blocked at the ${outcome.stage} (${outcome.corsError}).`;
      if (outcome.kind === 'network-error') return `a network error at the ${outcome.stage} (${outcome.reason}).`;
      return `fetch() throws before sending anything: ${outcome.message}`;
    default:
      return assertNever(outcome);
  }
}

function expectedLine(expected: CaseExpected): string {
  const details = [expected.stage, expected.corsError].filter((part) => part !== undefined);
  return details.length === 0 ? expected.verdict : `${expected.verdict} (${details.join(', ')})`;
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-lab-page': CpLabPage;
  }
}
