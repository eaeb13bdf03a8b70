import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';

import type { CaseIssue } from '../../scenarios/case/index.ts';
import { baseStyles } from '../components/shared-styles.ts';
import { messagesAt, removeAt, replaceAt } from './draft-edits.ts';
import type { HeaderDraft } from './draft.ts';
import { HeadersChangeEvent } from './events.ts';
import { labFormStyles } from './lab-styles.ts';

let nextListId = 0;

/**
 * A list of header rows, each a name and a value, with the case module's message under any invalid
 * one. Rows keep their order and repeated names, as the wire does.
 */
@customElement('cp-lab-headers-editor')
export class CpLabHeadersEditor extends LitElement {
  static override styles = [
    baseStyles,
    labFormStyles,
    css`
      .rows {
        list-style: none;
        margin: 0.25rem 0;
        padding: 0;
      }

      .row {
        display: grid;
        gap: 0.25rem 0.5rem;
        grid-template-columns: minmax(8rem, 2fr) minmax(8rem, 3fr) auto;
        margin: 0.25rem 0;
      }

      .row .field-error {
        grid-column: 1 / -1;
      }

      .row input {
        width: 100%;
      }
    `,
  ];

  @property({ attribute: false }) headers: readonly HeaderDraft[] = [];

  /** JSON path of the list, such as `answers.response.headers`, to find each row's issues. */
  @property() path = '';

  /** Names the list in labels, such as "Response header". */
  @property() label = 'Header';

  /** Header names the name fields suggest. */
  @property({ attribute: false }) suggestions: readonly string[] = [];

  @property({ attribute: false }) issues: readonly CaseIssue[] = [];

  /** The name typed for the next row. */
  @state() private newName = '';

  private readonly listId = `header-names-${++nextListId}`;

  override render(): TemplateResult {
    const listIssues = messagesAt(this.issues, this.path);
    return html`
      <datalist id=${this.listId}>${this.suggestions.map((name) => html`<option value=${name}></option>`)}</datalist>
      <ul class="rows" aria-label=${`${this.label}s`}>
        ${this.headers.map((header, index) => this.renderRow(header, index))}
      </ul>
      ${this.headers.length === 0 ? html`<p class="hint">No headers.</p>` : nothing}
      ${listIssues.map((message) => html`<p class="field-error" role="alert">${message}</p>`)}
      <div class="inline">
        <input
          class="mono"
          list=${this.listId}
          aria-label=${`New ${this.label.toLowerCase()} name`}
          placeholder="Header name"
          .value=${this.newName}
          @input=${(event: InputEvent) => (this.newName = (event.target as HTMLInputElement).value)}
          @keydown=${(event: KeyboardEvent) => {
            if (event.key === 'Enter') this.addRow();
          }}
        />
        <button type="button" @click=${this.addRow}>Add ${this.label.toLowerCase()}</button>
      </div>
    `;
  }

  private renderRow(header: HeaderDraft, index: number): TemplateResult {
    const position = index + 1;
    const nameErrors = messagesAt(this.issues, `${this.path}[${index}][0]`);
    const valueErrors = [
      ...messagesAt(this.issues, `${this.path}[${index}][1]`),
      ...messagesAt(this.issues, `${this.path}[${index}]`),
    ];
    return html`
      <li class="row" data-testid="header-row">
        <input
          class="mono"
          list=${this.listId}
          aria-label=${`${this.label} ${position} name`}
          aria-invalid=${nameErrors.length > 0 ? 'true' : 'false'}
          .value=${header.name}
          @input=${(event: InputEvent) => this.updateRow(index, { ...header, name: inputValue(event) })}
        />
        <input
          class="mono"
          aria-label=${`${this.label} ${position} value`}
          aria-invalid=${valueErrors.length > 0 ? 'true' : 'false'}
          .value=${header.value}
          @input=${(event: InputEvent) => this.updateRow(index, { ...header, value: inputValue(event) })}
        />
        <button
          type="button"
          aria-label=${`Remove ${this.label.toLowerCase()} ${position} (${header.name})`}
          @click=${() => this.emit(removeAt(this.headers, index))}
        >
          Remove
        </button>
        ${[...nameErrors, ...valueErrors].map((message) => html`<p class="field-error">${message}</p>`)}
      </li>
    `;
  }

  private updateRow(index: number, header: HeaderDraft): void {
    this.emit(replaceAt(this.headers, index, header));
  }

  private readonly addRow = (): void => {
    this.emit([...this.headers, { name: this.newName.trim(), value: '' }]);
    this.newName = '';
  };

  private emit(headers: readonly HeaderDraft[]): void {
    this.headers = headers;
    this.dispatchEvent(new HeadersChangeEvent(headers));
  }
}

function inputValue(event: Event): string {
  return (event.target as HTMLInputElement).value;
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-lab-headers-editor': CpLabHeadersEditor;
  }
}
