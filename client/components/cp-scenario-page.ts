import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';

import { categories, fillOrigins, variantNames, type Scenario, type VariantName } from '../../scenarios/index.ts';
import { newTraceId } from '../../scenarios/records.ts';
import { inspectorRenderedMark, type Attempt } from '../attempt.ts';
import { listRecorded, runAttemptAfterEarlierSends, type EarlierSendResult } from '../earlier-sends.ts';
import { recordAttempt } from '../curriculum.ts';
import { filePageHtml, filePageName } from '../file-page.ts';
import { initiatorCode } from '../initiators.ts';
import { origins } from '../origins.ts';
import { progress } from '../progress.ts';
import { scenarioLabHref } from '../lab/scenario-lab-link.ts';
import { listHref, scenarioHref } from '../routes.ts';
import { readReplay } from '../replay.ts';
import { outcomeLine, readRecords, requestUrl } from '../send.ts';
import { baseStyles } from './shared-styles.ts';
import { childrenUpdated } from './update-complete.ts';
import '../exercise/cp-exercise.ts';
import './cp-attempt-result.ts';
import './cp-course-nav.ts';
import './cp-header-diff.ts';
import './cp-prediction.ts';
import './cp-request-summary.ts';
import './cp-server-code.ts';

const variantLabels: Readonly<Record<VariantName, string>> = { broken: 'Broken', fixed: 'Fixed' };

/** One scenario in one variant: the story, the request, the server code, a live attempt, and the fix. */
@customElement('cp-scenario-page')
export class CpScenarioPage extends LitElement {
  static override styles = [
    baseStyles,
    css`
      .category {
        color: var(--cp-accent);
        font-size: 0.85rem;
        font-weight: 600;
        letter-spacing: 0.04em;
        margin: 1rem 0 0;
        text-transform: uppercase;
      }

      .toggle {
        display: inline-flex;
        border: 1px solid var(--cp-border);
        border-radius: var(--cp-radius);
        overflow: hidden;
      }

      .toggle a {
        color: var(--cp-fg);
        padding: 0.35rem 1rem;
        text-decoration: none;
      }

      .toggle a + a {
        border-left: 1px solid var(--cp-border);
      }

      .toggle a[aria-current='page'] {
        background: var(--cp-button-bg);
        color: var(--cp-button-fg);
        font-weight: 600;
      }

      .send {
        align-items: center;
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        margin: 1rem 0;
      }

      button {
        background: var(--cp-button-bg);
        border: none;
        border-radius: var(--cp-radius);
        color: var(--cp-button-fg);
        cursor: pointer;
        font: inherit;
        font-weight: 600;
        padding: 0.5rem 1.25rem;
      }

      button[aria-disabled='true'] {
        cursor: progress;
        opacity: 0.6;
      }

      .rule {
        border-left: 4px solid var(--cp-accent);
        font-weight: 600;
        margin: 0.5rem 0;
        padding-left: 0.75rem;
      }
    `,
  ];

  @property({ attribute: false }) scenario?: Scenario;

  @property() variant: VariantName = 'broken';

  @state() private attempt?: Attempt;

  /** Results of the sends before the attempt, for a scenario that sends its request several times. */
  @state() private earlierSends: readonly EarlierSendResult[] = [];

  /** Whether the sends before the attempt are still running, so that no other attempt starts. */
  @state() private earlierPending = false;

  @query('.send button') private sendButton?: HTMLButtonElement;

  /** Trace of the attempt this page shows, so that results of an attempt from before a switch are dropped. */
  private activeTrace?: string;

  /** Trace and URL of the page the learner downloaded last, for a request sent from a page opened from disk. */
  @state() private download?: { readonly trace: string; readonly url: string };

  override willUpdate(changed: PropertyValues<this>): void {
    // Each variant is its own URL, so switching variant or scenario starts without an attempt.
    if (changed.has('scenario') || changed.has('variant')) {
      this.attempt = undefined;
      this.activeTrace = undefined;
      this.earlierSends = [];
      this.earlierPending = false;
      this.download = undefined;
    }
    if (changed.has('scenario') && this.scenario !== undefined) progress.markSeen(this.scenario.id);
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    const result = await super.getUpdateComplete();
    await childrenUpdated(this.renderRoot);
    return result;
  }

  override render(): TemplateResult | typeof nothing {
    const scenario = this.scenario;
    if (scenario === undefined) return nothing;
    const { variant } = this;
    const fill = (text: string) => fillOrigins(text, origins);
    const running = this.attempt?.state === 'running' || this.earlierPending;

    return html`
      <p class="category">${categories[scenario.category].title}</p>
      <h1>${scenario.title}</h1>
      <p>${fill(scenario.story)}</p>

      <nav aria-label="Variant">
        <div class="toggle">
          ${variantNames.map(
            (name) => html`
              <a href=${scenarioHref(scenario.id, name)} aria-current=${name === variant ? 'page' : nothing}
                >${variantLabels[name]}</a
              >
            `,
          )}
        </div>
      </nav>
      ${this.renderLabLink(scenario, variant)}

      <section aria-labelledby="request-heading">
        <h2 id="request-heading">The request</h2>
        <cp-request-summary .scenario=${scenario} .variant=${variant}></cp-request-summary>
      </section>

      <section aria-labelledby="server-heading">
        <h2 id="server-heading">The server, ${variant}</h2>
        <cp-server-code .scenario=${scenario} .variant=${variant}></cp-server-code>
      </section>

      <section aria-labelledby="attempt-heading">
        <h2 id="attempt-heading">Try it</h2>
        <cp-prediction
          .scenario=${scenario}
          .variant=${variant}
          .attempt=${this.attempt}
          @cp-prediction-send=${this.handlePredictionSend}
        ></cp-prediction>
        ${
          scenario.variants[variant].request.page?.kind === 'file'
            ? this.renderDownload(scenario, variant, running)
            : html`<div class="send">
                <!-- aria-disabled rather than disabled, because Chromium moves focus off a button that becomes
                  disabled, and a keyboard user could not press Enter again once the attempt finishes. -->
                <button type="button" aria-disabled=${running ? 'true' : 'false'} @click=${this.handleSend}>
                  Send request
                </button>
                <span class="muted"
                  >Sends the request above from this page with
                  <code>${initiatorCode(scenario.variants[variant].request)}</code>.</span
                >
              </div>`
        }
        ${this.renderEarlierSends(scenario)}
        ${
          this.attempt === undefined
            ? nothing
            : html`<cp-attempt-result
                .scenario=${scenario}
                .variant=${variant}
                .attempt=${this.attempt}
              ></cp-attempt-result>`
        }
      </section>

      <section aria-labelledby="why-heading">
        <!-- The explanation describes the broken server, so on the fixed page it is about the other variant. -->
        <h2 id="why-heading">${variant === 'broken' ? 'Why' : 'Why the broken variant fails'}</h2>
        <p class="rule">${scenario.rule}</p>
        <p>${fill(scenario.explanation)}</p>
      </section>

      <section aria-labelledby="fix-heading">
        <h2 id="fix-heading">The fix</h2>
        <p>${fill(scenario.fix.summary)}</p>
        <cp-header-diff .lines=${scenario.fix.diff}></cp-header-diff>
      </section>

      <!-- The exercise marks the scenario fixed with progress.markFixed() when the learner's own fix passes safely. -->
      <cp-exercise .scenario=${scenario}></cp-exercise>

      <section aria-labelledby="references-heading">
        <h2 id="references-heading">References</h2>
        <ul>
          ${scenario.references.map((reference) => html`<li><a href=${reference.url}>${reference.title}</a></li>`)}
        </ul>
      </section>

      <cp-course-nav .scenario=${scenario}></cp-course-nav>
      <p><a href=${listHref}>All scenarios</a></p>
    `;
  }

  private renderLabLink(scenario: Scenario, variant: VariantName): TemplateResult | typeof nothing {
    const href = scenarioLabHref(scenario, variant);
    if (href === undefined) return nothing;
    return html`<p>
      <a href=${href} data-testid="open-in-lab">Open in lab</a>
      <span class="muted">to change this variant's request or its server's answers, and send it again.</span>
    </p>`;
  }

  private readonly handleSend = (): void => {
    const scenario = this.scenario;
    // The button stays focusable while an attempt runs, so this ignores clicks and Enter until it ends.
    if (scenario === undefined || this.attempt?.state === 'running' || this.earlierPending) return;
    if (scenario.variants[this.variant].request.page?.kind === 'file') {
      this.handleDownload();
      return;
    }

    const trace = newTraceId();
    this.activeTrace = trace;
    this.earlierSends = [];
    this.earlierPending = (scenario.variants[this.variant].expected.earlierSends ?? []).length > 0;
    // The attempt shown so far belongs to the last trace, so it goes while the earlier sends run.
    if (this.earlierPending) this.attempt = undefined;
    const onEarlierSend = (result: EarlierSendResult) => {
      if (trace === this.activeTrace) this.earlierSends = [...this.earlierSends, result];
    };
    const request = { scenario, variant: this.variant, origins, trace, onEarlierSend };
    void runAttemptAfterEarlierSends(request, (attempt) => {
      if (attempt.trace !== this.activeTrace) return;
      this.earlierPending = false;
      this.attempt = attempt;
      recordAttempt(progress, scenario, request.variant, attempt);
      // The records and the replay arrive in either order, and the inspector is complete once both are in.
      if (attempt.state !== 'running' && attempt.replay !== undefined) void this.markRendered(trace);
    });
  };

  /** Sends after the prediction's own Send or Skip button, and keeps focus on the page's Send button. */
  private readonly handlePredictionSend = (): void => {
    this.handleSend();
    void this.updateComplete.then(() => this.sendButton?.focus());
  };

  /**
   * For a request sent from a page opened from disk, which this page can neither open nor frame: offers that
   * page as a download, and then reads what the servers recorded for its trace into the inspector.
   */
  private renderDownload(scenario: Scenario, variant: VariantName, running: boolean): TemplateResult {
    const name = filePageName(scenario.id, variant);
    return html`
      <div class="send">
        <button type="button" @click=${this.handleDownload}>Download the page</button>
        <button
          type="button"
          aria-disabled=${this.download === undefined || running ? 'true' : 'false'}
          @click=${this.handleShowRecords}
        >
          Show what the servers recorded
        </button>
      </div>
      <p class="muted" data-testid="file-page-steps">
        This request comes from a page opened from disk, which this page can neither open nor frame. Download the page,
        open <code>${name}</code> from your disk in Chromium (drag it onto a tab, or press Ctrl+O), and read what its
        JavaScript saw there and in DevTools. Then press Show what the servers recorded. What JavaScript saw stays on
        the downloaded page.
      </p>
    `;
  }

  /** Downloads a page that sends the request with a fresh trace id, so its records are this download's alone. */
  private readonly handleDownload = (): void => {
    const scenario = this.scenario;
    if (scenario === undefined) return;
    const trace = newTraceId();
    const url = requestUrl(origins, scenario, this.variant, trace);
    const request = scenario.variants[this.variant].request;
    const page = filePageHtml({ scenarioTitle: scenario.title, url, request, appPageUrl: location.href });
    this.activeTrace = trace;
    this.attempt = undefined;
    this.download = { trace, url };
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([page], { type: 'text/html' }));
    link.download = filePageName(scenario.id, this.variant);
    link.click();
    // The URL goes a task after the click, which e2e/file-origin.spec.ts shows is late enough for Chromium's download.
    setTimeout(() => URL.revokeObjectURL(link.href));
  };

  /**
   * Reads the records of the downloaded page's trace, and the replay, into the inspector.
   * The file: page cannot report to this page, so the attempt has no `js`, and the inspector's
   * JavaScript view points to the downloaded page, which shows what its JavaScript saw.
   */
  private readonly handleShowRecords = async (): Promise<void> => {
    const { scenario, download, variant } = this;
    if (scenario === undefined || download === undefined || this.attempt?.state === 'running') return;
    const { trace, url } = download;
    this.attempt = { trace, url, state: 'running' };
    const [records, replay] = await Promise.all([
      readRecords(origins, trace),
      readReplay(origins, scenario.id, variant),
    ]);
    if (trace !== this.activeTrace) return;
    this.attempt = records.ok
      ? { trace, url, state: 'done', records: records.record, replay }
      : { trace, url, state: 'records-failed', recordsError: { url: records.url, error: records.error }, replay };
    void this.markRendered(trace);
  };

  /** Lists the sends before the attempt, with what the sending page's JavaScript got and what the servers recorded. */
  private renderEarlierSends(scenario: Scenario): TemplateResult | typeof nothing {
    const count = scenario.variants[this.variant].expected.earlierSends?.length ?? 0;
    if (count === 0) return nothing;
    return html`
      <p class="muted">
        This scenario sends the request ${count + 1} times to the same URL, trace id included, so that a cache keyed by
        the URL applies between the sends. The inspector below shows the last send.
      </p>
      <ol data-testid="earlier-sends">
        ${this.earlierSends.map(
          (send, index) => html`
            <li data-testid="earlier-send">
              Send ${index + 1} of ${count + 1}, from the page at <code>${send.pageOrigin}</code>: JavaScript got
              <code>${outcomeLine(send.js)}</code>; the servers recorded
              ${send.recordsError === undefined ? listRecorded(send) : `nothing readable (${send.recordsError})`}.
            </li>
          `,
        )}
      </ol>
    `;
  }

  /** Marks the moment the inspector has rendered the finished attempt, for `scripts/bench-inspector.ts`. */
  private async markRendered(trace: string): Promise<void> {
    await this.updateComplete;
    if (trace === this.activeTrace) performance.mark(inspectorRenderedMark, { detail: { trace } });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-scenario-page': CpScenarioPage;
  }
}
