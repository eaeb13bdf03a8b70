import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';

import {
  credentialsModes,
  initiators,
  pageOriginNames,
  redirectModes,
  requestModes,
  type CaseIssue,
  type PageOrigin,
} from '../../scenarios/case/index.ts';
import { serverNames, type OriginMap } from '../../scenarios/origins.ts';
import { baseStyles } from '../components/shared-styles.ts';
import { contentTypeOf, issuesUnder, messagesAt, withContentType } from './draft-edits.ts';
import type { RequestDraft } from './draft.ts';
import { HeadersChangeEvent, RequestChangeEvent } from './events.ts';
import { contentTypeSuggestions, methodSuggestions, requestHeaderSuggestions } from './header-suggestions.ts';
import { initiatorLabel, pageDescription } from './lab-attempt.ts';
import { labFormStyles } from './lab-styles.ts';
import './cp-lab-headers-editor.ts';

/** The request a page makes: where it runs, what it sends, and the options of `fetch()`. */
@customElement('cp-lab-request-editor')
export class CpLabRequestEditor extends LitElement {
  static override styles = [baseStyles, labFormStyles];

  @property({ attribute: false }) request?: RequestDraft;

  /** The case's issues; those under `request` show beside their fields. */
  @property({ attribute: false }) issues: readonly CaseIssue[] = [];

  @property({ attribute: false }) origins?: OriginMap;

  override render(): TemplateResult | typeof nothing {
    const { request, origins } = this;
    if (request === undefined || origins === undefined) return nothing;
    const error = (path: string) =>
      messagesAt(this.issues, `request.${path}`).map((message) => html`<p class="field-error">${message}</p>`);
    const invalid = (path: string) => (messagesAt(this.issues, `request.${path}`).length > 0 ? 'true' : 'false');

    return html`
      <div class="inline">
        <div>
          <label for="page-origin">Page origin</label>
          <select
            id="page-origin"
            aria-invalid=${invalid('pageOrigin')}
            @change=${(event: Event) => this.emit({ ...request, pageOrigin: selectValue(event) as PageOrigin })}
          >
            ${pageOriginNames.map(
              (name) =>
                html`<option value=${name} ?selected=${name === request.pageOrigin}>
                  ${pageOriginLabel(name, origins)}
                </option>`,
            )}
          </select>
        </div>
        <div>
          <label for="target">Server</label>
          <select
            id="target"
            @change=${(event: Event) => this.emit({ ...request, target: selectValue(event) as RequestDraft['target'] })}
          >
            ${serverNames.map(
              (name) =>
                html`<option value=${name} ?selected=${name === request.target}>${name} (${origins[name]})</option>`,
            )}
          </select>
        </div>
        <div>
          <label for="initiator">Sent with</label>
          <select
            id="initiator"
            @change=${(event: Event) =>
              this.emit({ ...request, initiator: selectValue(event) as RequestDraft['initiator'] })}
          >
            ${initiators.map(
              (name) =>
                html`<option value=${name} ?selected=${name === request.initiator}>${initiatorLabel(name)}</option>`,
            )}
          </select>
        </div>
      </div>
      ${error('pageOrigin')}

      <div class="inline field">
        <div>
          <label for="method">Method</label>
          <input
            id="method"
            class="mono"
            size="10"
            list="methods"
            aria-invalid=${invalid('method')}
            .value=${request.method}
            @input=${(event: InputEvent) => this.emit({ ...request, method: inputValue(event) })}
          />
          <datalist id="methods">${methodSuggestions.map((name) => html`<option value=${name}></option>`)}</datalist>
        </div>
        ${this.renderSelect('credentials', 'Credentials', credentialsModes, request.credentials)}
        ${this.renderSelect('mode', 'Mode', requestModes, request.mode)}
        ${this.renderSelect('redirect', 'Redirect', redirectModes, request.redirect)}
      </div>
      ${error('method')}
      <p class="hint">
        Only fetch() takes the mode and redirect options, except that no-cors turns an image into a plain &lt;img&gt;
        without crossorigin. The other APIs choose their own.
      </p>

      <div class="field">
        <span class="hint">Request headers the page sets.</span>
        <cp-lab-headers-editor
          .headers=${request.headers}
          path="request.headers"
          label="Request header"
          .suggestions=${requestHeaderSuggestions}
          .issues=${issuesUnder(this.issues, 'request.headers')}
          @cp-headers-change=${(event: HeadersChangeEvent) => this.emit({ ...request, headers: event.headers })}
        ></cp-lab-headers-editor>
      </div>

      <div class="inline field">
        <div>
          <label for="content-type">Content type</label>
          <input
            id="content-type"
            class="mono"
            list="content-types"
            placeholder="none"
            .value=${contentTypeOf(request.headers)}
            @input=${(event: InputEvent) =>
              this.emit({ ...request, headers: withContentType(request.headers, inputValue(event)) })}
          />
          <datalist id="content-types">
            ${contentTypeSuggestions.map((name) => html`<option value=${name}></option>`)}
          </datalist>
        </div>
        <span class="hint">The Content-Type header above; without one, fetch() sends a text body as text/plain.</span>
      </div>
      <div class="field">
        <label for="body">Body</label>
        <textarea
          id="body"
          rows="2"
          aria-invalid=${invalid('body')}
          .value=${request.body}
          @input=${(event: InputEvent) => this.emit({ ...request, body: inputValue(event) })}
        ></textarea>
        ${error('body')}
      </div>
      ${this.renderOtherIssues()}
    `;
  }

  private renderSelect<T extends string>(
    field: 'credentials' | 'mode' | 'redirect',
    label: string,
    options: readonly T[],
    value: T,
  ): TemplateResult {
    return html`
      <div>
        <label for=${field}>${label}</label>
        <select
          id=${field}
          @change=${(event: Event) => this.request && this.emit({ ...this.request, [field]: selectValue(event) })}
        >
          ${options.map((option) => html`<option value=${option} ?selected=${option === value}>${option}</option>`)}
        </select>
      </div>
    `;
  }

  /** Lists request issues that no field above shows. */
  private renderOtherIssues(): TemplateResult | typeof nothing {
    const shown = /^request\.(pageOrigin|method|body|headers)(\.|\[|$)/;
    const others = issuesUnder(this.issues, 'request').filter((issue) => !shown.test(issue.path));
    if (others.length === 0) return nothing;
    return html`<ul class="field-error">
      ${others.map((issue) => html`<li><code>${issue.path}</code>: ${issue.message}</li>`)}
    </ul>`;
  }

  private emit(request: RequestDraft): void {
    this.request = request;
    this.dispatchEvent(new RequestChangeEvent(request));
  }
}

function pageOriginLabel(name: PageOrigin, origins: OriginMap): string {
  return `${name}: ${pageDescription(name, origins)}`;
}

function selectValue(event: Event): string {
  return (event.target as HTMLSelectElement).value;
}

function inputValue(event: Event): string {
  return (event.target as HTMLInputElement | HTMLTextAreaElement).value;
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-lab-request-editor': CpLabRequestEditor;
  }
}
