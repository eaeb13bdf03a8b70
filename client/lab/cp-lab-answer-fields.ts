import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';

import type { CaseIssue } from '../../scenarios/case/index.ts';
import { baseStyles } from '../components/shared-styles.ts';
import { messagesAt } from './draft-edits.ts';
import type { AnswerDraft } from './draft.ts';
import { AnswerChangeEvent, HeadersChangeEvent } from './events.ts';
import { responseHeaderSuggestions } from './header-suggestions.ts';
import { labFormStyles } from './lab-styles.ts';
import './cp-lab-headers-editor.ts';

let nextId = 0;

/** One answer of the server: its status, headers and body, each field checked as the learner types. */
@customElement('cp-lab-answer-fields')
export class CpLabAnswerFields extends LitElement {
  static override styles = [baseStyles, labFormStyles];

  @property({ attribute: false }) answer?: AnswerDraft;

  /** JSON path of the answer, such as `answers.response`. */
  @property() path = '';

  /** Names the answer in labels, such as "Preflight". */
  @property() label = 'Response';

  @property({ attribute: false }) issues: readonly CaseIssue[] = [];

  private readonly fieldId = `answer-${++nextId}`;

  override render(): TemplateResult | typeof nothing {
    const answer = this.answer;
    if (answer === undefined) return nothing;
    const statusErrors = messagesAt(this.issues, `${this.path}.status`);
    const bodyErrors = messagesAt(this.issues, `${this.path}.body`);
    const otherErrors = [
      ...messagesAt(this.issues, this.path),
      ...messagesAt(this.issues, `${this.path}.bodyEncoding`),
    ];

    return html`
      <div class="field">
        <label for=${`${this.fieldId}-status`}>${this.label} status</label>
        <input
          id=${`${this.fieldId}-status`}
          class="mono"
          inputmode="numeric"
          size="5"
          aria-invalid=${statusErrors.length > 0 ? 'true' : 'false'}
          .value=${answer.status}
          @input=${(event: InputEvent) => this.emit({ ...answer, status: (event.target as HTMLInputElement).value })}
        />
        ${statusErrors.map((message) => html`<p class="field-error">${message}</p>`)}
      </div>
      <div class="field">
        <span class="hint"
          >${this.label} headers. Values may contain {app}, {api}, {proxy}, {partner} and {attacker}, which stand for
          those origins.</span
        >
        <cp-lab-headers-editor
          .headers=${answer.headers}
          .path=${`${this.path}.headers`}
          .label=${`${this.label} header`}
          .suggestions=${responseHeaderSuggestions}
          .issues=${this.issues}
          @cp-headers-change=${(event: HeadersChangeEvent) => this.emit({ ...answer, headers: event.headers })}
        ></cp-lab-headers-editor>
      </div>
      <div class="field">
        <label for=${`${this.fieldId}-body`}>${this.label} body</label>
        <textarea
          id=${`${this.fieldId}-body`}
          rows="2"
          aria-invalid=${bodyErrors.length > 0 ? 'true' : 'false'}
          .value=${answer.body}
          @input=${(event: InputEvent) => this.emit({ ...answer, body: (event.target as HTMLTextAreaElement).value })}
        ></textarea>
        <label class="hint">
          <input
            type="checkbox"
            .checked=${answer.base64}
            @change=${(event: Event) => this.emit({ ...answer, base64: (event.target as HTMLInputElement).checked })}
          />
          The body is base64, for binary data such as a font
        </label>
        ${[...bodyErrors, ...otherErrors].map((message) => html`<p class="field-error">${message}</p>`)}
      </div>
    `;
  }

  private emit(answer: AnswerDraft): void {
    this.answer = answer;
    this.dispatchEvent(new AnswerChangeEvent(answer));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-lab-answer-fields': CpLabAnswerFields;
  }
}
