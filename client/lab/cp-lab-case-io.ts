import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';

import { parseCaseJson, type Case, type CaseIssue } from '../../scenarios/case/index.ts';
import { baseStyles } from '../components/shared-styles.ts';
import { CaseImportEvent } from './events.ts';
import { labFormStyles } from './lab-styles.ts';

/** Characters of a case file the import reads; a valid case is far smaller. */
const maxImportCharacters = 256 * 1024;

/**
 * Export and import of a case as JSON: a download, a text to copy, and a text or file to load. An
 * invalid import lists each issue by its JSON path and changes nothing.
 */
@customElement('cp-lab-case-io')
export class CpLabCaseIo extends LitElement {
  static override styles = [
    baseStyles,
    labFormStyles,
    css`
      .columns {
        display: grid;
        gap: 0.75rem;
        grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr));
      }

      textarea {
        font-size: 0.8rem;
      }
    `,
  ];

  /** The case to export, undefined while the lab's fields are invalid. */
  @property({ attribute: false }) value?: Case;

  @state() private importText = '';

  @state() private importIssues: readonly CaseIssue[] = [];

  @state() private copyStatus = '';

  override render(): TemplateResult {
    const json = this.value === undefined ? '' : caseJson(this.value);
    return html`
      <div class="columns">
        <section aria-labelledby="export-heading">
          <h3 id="export-heading">Export</h3>
          ${
            this.value === undefined
              ? html`<p class="hint">Fix the fields marked above to export the case.</p>`
              : html`
                  <p class="inline">
                    <button type="button" @click=${this.download}>Download ${fileName(this.value)}</button>
                    <button type="button" @click=${() => void this.copy(json)}>Copy JSON</button>
                    <span class="hint" role="status">${this.copyStatus}</span>
                  </p>
                  <label for="export-json" class="hint">The case as JSON</label>
                  <textarea id="export-json" rows="8" readonly data-testid="export-json" .value=${json}></textarea>
                `
          }
        </section>
        <section aria-labelledby="import-heading">
          <h3 id="import-heading">Import</h3>
          <label for="import-json" class="hint">Paste a case's JSON, or choose a file</label>
          <textarea
            id="import-json"
            rows="8"
            data-testid="import-json"
            .value=${this.importText}
            @input=${(event: InputEvent) => (this.importText = (event.target as HTMLTextAreaElement).value)}
          ></textarea>
          <p class="inline">
            <button type="button" @click=${() => this.load(this.importText)}>Import</button>
            <input type="file" accept=".json,application/json" aria-label="Case file" @change=${this.readFile} />
          </p>
          ${
            this.importIssues.length === 0
              ? nothing
              : html`<div class="note error" role="alert" data-testid="import-issues">
                  <p>The case was not imported, because it is not valid:</p>
                  <ul>
                    ${this.importIssues.map((issue) => html`<li><code>${issue.path}</code>: ${issue.message}</li>`)}
                  </ul>
                </div>`
          }
        </section>
      </div>
    `;
  }

  private load(text: string): void {
    if (text.length > maxImportCharacters) {
      this.importIssues = [
        {
          path: '(root)',
          message: `The text is ${text.length} characters long; a case file has at most ${maxImportCharacters}.`,
        },
      ];
      return;
    }
    const parsed = parseCaseJson(text);
    if (!parsed.ok) {
      this.importIssues = parsed.issues;
      return;
    }
    this.importIssues = [];
    this.importText = '';
    this.dispatchEvent(new CaseImportEvent(parsed.value));
  }

  private readonly readFile = async (event: Event): Promise<void> => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (file === undefined) return;
    const text = await file.text();
    this.importText = text;
    this.load(text);
    input.value = '';
  };

  private readonly download = (): void => {
    if (this.value === undefined) return;
    const url = URL.createObjectURL(new Blob([caseJson(this.value)], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName(this.value);
    link.click();
    // The download has started once click() returns, so the object URL can go.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };

  private async copy(text: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      this.copyStatus = 'Copied.';
    } catch {
      // The clipboard API needs the page's permission; selecting the text lets the learner copy it by hand.
      this.renderRoot.querySelector<HTMLTextAreaElement>('#export-json')?.select();
      this.copyStatus = 'The browser did not allow copying; the text is selected, so press Ctrl+C or ⌘C.';
    }
  }
}

/** Writes a case as a case file: the schema's path first, so editors can check the file as it is typed. */
export function caseJson(value: Case): string {
  return `${JSON.stringify({ $schema: 'scenarios/case/case.schema.json', ...value }, null, 2)}\n`;
}

function fileName(value: Case): string {
  return `${value.name ?? 'lab-case'}.json`;
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-lab-case-io': CpLabCaseIo;
  }
}
