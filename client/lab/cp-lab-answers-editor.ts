import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';

import { parseAnswers, type CaseAnswers, type CaseIssue } from '../../scenarios/case/index.ts';
import { serverNames, type ServerName } from '../../scenarios/origins.ts';
import { baseStyles } from '../components/shared-styles.ts';
import { childrenUpdated } from '../components/update-complete.ts';
import { issuesUnder, messagesAt, removeAt, replaceAt } from './draft-edits.ts';
import {
  answersDraftFrom,
  answersInput,
  newAnswerDraft,
  newPreflightDraft,
  newRedirectDraft,
  type AnswerDraft,
  type AnswersDraft,
  type RedirectDraft,
} from './draft.ts';
import { AnswerChangeEvent, AnswersChangeEvent } from './events.ts';
import { labFormStyles } from './lab-styles.ts';
import './cp-lab-answer-fields.ts';

/**
 * The server's answers, hop by hop: the preflight, each redirect, and the actual response, with every
 * field checked against the case format as the learner types.
 *
 * Set `value` to load valid answers, or `draft` to load a draft that may be invalid; either replaces
 * what the editor shows. After each edit the editor fires `cp-answers-change` (`AnswersChangeEvent`)
 * with the draft, the validated answers when all fields are valid, and the issues.
 */
@customElement('cp-lab-answers-editor')
export class CpLabAnswersEditor extends LitElement {
  static override styles = [
    baseStyles,
    labFormStyles,
    css`
      .hop {
        background: var(--cp-surface);
      }

      .issues {
        margin: 0.5rem 0;
      }
    `,
  ];

  /** Valid answers to show, such as a scenario's. */
  @property({ attribute: false }) value?: CaseAnswers;

  /** A draft to show, which may hold invalid values. It wins over `value` when both change at once. */
  @property({ attribute: false }) draft?: AnswersDraft;

  @state() private current: AnswersDraft = { redirects: [], response: newAnswerDraft() };

  @state() private issues: readonly CaseIssue[] = [];

  /** The answers as validated, undefined while any field is invalid. */
  get answers(): CaseAnswers | undefined {
    const parsed = parseAnswers(answersInput(this.current));
    return parsed.ok ? parsed.value : undefined;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('draft') && this.draft !== undefined && this.draft !== this.current) {
      this.setCurrent(this.draft);
    } else if (changed.has('value') && this.value !== undefined) {
      this.setCurrent(answersDraftFrom(this.value));
    }
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    const result = await super.getUpdateComplete();
    await childrenUpdated(this.renderRoot);
    return result;
  }

  override render(): TemplateResult {
    const { current } = this;
    return html`
      <fieldset class="hop" data-testid="preflight-answer">
        <legend>Preflight (OPTIONS)</legend>
        <label class="hint">
          <input
            type="checkbox"
            .checked=${current.preflight !== undefined}
            @change=${(event: Event) => this.togglePreflight((event.target as HTMLInputElement).checked)}
          />
          The server answers preflights
        </label>
        ${
          current.preflight === undefined
            ? html`<p class="hint">
                A preflight gets 404 with no CORS headers, as from a server with no OPTIONS route.
              </p>`
            : this.renderAnswer(current.preflight, 'Preflight', 'answers.preflight', (preflight) =>
                this.edit({ ...current, preflight }),
              )
        }
      </fieldset>

      <fieldset data-testid="redirects">
        <legend>Redirects</legend>
        ${current.redirects.length === 0 ? html`<p class="hint">None: the request is answered directly.</p>` : nothing}
        ${current.redirects.map((redirect, index) => this.renderRedirect(redirect, index))}
        ${messagesAt(this.issues, 'answers.redirects').map((message) => html`<p class="field-error">${message}</p>`)}
        <button type="button" @click=${this.addRedirect}>Add a redirect</button>
      </fieldset>

      <fieldset class="hop" data-testid="response-answer">
        <legend>Response</legend>
        ${this.renderAnswer(current.response, 'Response', 'answers.response', (response) =>
          this.edit({ ...current, response }),
        )}
      </fieldset>
      ${this.renderOtherIssues()}
    `;
  }

  private renderAnswer(
    answer: AnswerDraft,
    label: string,
    path: string,
    onChange: (answer: AnswerDraft) => void,
  ): TemplateResult {
    return html`
      <cp-lab-answer-fields
        .answer=${answer}
        .label=${label}
        .path=${path}
        .issues=${issuesUnder(this.issues, path)}
        @cp-answer-change=${(event: AnswerChangeEvent) => onChange(event.answer)}
      ></cp-lab-answer-fields>
    `;
  }

  private renderRedirect(redirect: RedirectDraft, index: number): TemplateResult {
    const position = index + 1;
    const path = `answers.redirects[${index}]`;
    const editRedirect = (next: RedirectDraft) =>
      this.edit({ ...this.current, redirects: replaceAt(this.current.redirects, index, next) });
    const locationErrors = [
      ...messagesAt(this.issues, `${path}.location.target`),
      ...messagesAt(this.issues, `${path}.location.userinfo`),
      ...messagesAt(this.issues, `${path}.location`),
    ];
    const { preflight, ...hop } = redirect;

    return html`
      <fieldset class="hop" data-testid="redirect-answer">
        <legend>Redirect ${position}</legend>
        ${this.renderAnswer(hop, `Redirect ${position}`, path, (answer) =>
          editRedirect({ ...answer, location: redirect.location, ...(preflight !== undefined && { preflight }) }),
        )}
        <div class="inline field">
          <label>
            Location: the lab URL on
            <select
              aria-label=${`Redirect ${position} Location server`}
              @change=${(event: Event) =>
                editRedirect({
                  ...redirect,
                  location: { ...redirect.location, target: (event.target as HTMLSelectElement).value as ServerName },
                })}
            >
              ${serverNames.map(
                (name) => html`<option value=${name} ?selected=${name === redirect.location.target}>${name}</option>`,
              )}
            </select>
          </label>
          <label>
            User info in the Location (optional)
            <input
              aria-label=${`Redirect ${position} Location user info`}
              class="mono"
              placeholder="user:password"
              aria-invalid=${locationErrors.length > 0 ? 'true' : 'false'}
              .value=${redirect.location.userinfo}
              @input=${(event: InputEvent) =>
                editRedirect({
                  ...redirect,
                  location: { ...redirect.location, userinfo: (event.target as HTMLInputElement).value },
                })}
            />
          </label>
        </div>
        ${locationErrors.map((message) => html`<p class="field-error">${message}</p>`)}
        <p class="hint">The lab writes the Location itself, so a redirect always stays on the playground's origins.</p>
        <label class="hint">
          <input
            type="checkbox"
            .checked=${preflight !== undefined}
            @change=${(event: Event) => {
              editRedirect(
                (event.target as HTMLInputElement).checked ? { ...hop, preflight: newPreflightDraft() } : hop,
              );
            }}
          />
          The Location answers its own preflight, rather than the case's preflight
        </label>
        ${
          preflight === undefined
            ? nothing
            : this.renderAnswer(preflight, `Redirect ${position} preflight`, `${path}.preflight`, (answer) =>
                editRedirect({ ...redirect, preflight: answer }),
              )
        }
        <p>
          <button
            type="button"
            @click=${() => this.edit({ ...this.current, redirects: removeAt(this.current.redirects, index) })}
          >
            Remove redirect ${position}
          </button>
        </p>
      </fieldset>
    `;
  }

  /** Lists issues that no field shows, such as an unknown field in imported answers. */
  private renderOtherIssues(): TemplateResult | typeof nothing {
    const shown = /^answers(\.preflight|\.response|\.redirects(\[\d+\])?)(\.|\[|$)/;
    const others = this.issues.filter((issue) => !shown.test(issue.path) && issue.path !== 'answers.redirects');
    if (others.length === 0) return nothing;
    return html`<ul class="issues field-error">
      ${others.map((issue) => html`<li><code>${issue.path}</code>: ${issue.message}</li>`)}
    </ul>`;
  }

  private togglePreflight(on: boolean): void {
    const { redirects, response } = this.current;
    this.edit(on ? { preflight: newPreflightDraft(), redirects, response } : { redirects, response });
  }

  private readonly addRedirect = (): void => {
    const last = this.current.redirects.at(-1);
    this.edit({ ...this.current, redirects: [...this.current.redirects, newRedirectDraft(last?.location.target)] });
  };

  private edit(next: AnswersDraft): void {
    const parsed = this.setCurrent(next);
    this.dispatchEvent(new AnswersChangeEvent(next, parsed.ok ? parsed.value : undefined, this.issues));
  }

  private setCurrent(next: AnswersDraft): ReturnType<typeof parseAnswers> {
    this.current = next;
    const parsed = parseAnswers(answersInput(next));
    this.issues = parsed.ok ? [] : parsed.issues;
    return parsed;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-lab-answers-editor': CpLabAnswersEditor;
  }
}
