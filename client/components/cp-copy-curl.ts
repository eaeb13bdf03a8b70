import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';

import { assertNever } from '../../scenarios/index.ts';
import { baseStyles, buttonStyles } from './shared-styles.ts';

/** The result of the last press of the button. */
type CopyState = 'idle' | 'copied' | 'selected';

/**
 * A "Copy as curl" button with the command in a disclosure. The clipboard API needs a secure context
 * (https, or http on localhost) and the page's permission, so when it is missing or rejects, the
 * button opens the disclosure and selects the command for the learner to copy by hand.
 */
@customElement('cp-copy-curl')
export class CpCopyCurl extends LitElement {
  static override styles = [
    baseStyles,
    buttonStyles,
    css`
      .row {
        margin-top: 0.75rem;
        align-items: center;
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 0.75rem;
      }

      summary {
        cursor: pointer;
        font-size: 0.85rem;
      }

      pre {
        font-size: 0.8rem;
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }

      .status {
        font-size: 0.85rem;
      }
    `,
  ];

  /** The command to copy. */
  @property() command = '';

  /** The request the command sends, for the button's accessible name, such as "the preflight to api". */
  @property() subject = 'this request';

  @state() private copyState: CopyState = 'idle';

  @query('details') private details?: HTMLDetailsElement;

  @query('pre') private pre?: HTMLPreElement;

  override render(): TemplateResult {
    return html`
      <div class="row">
        <button
          type="button"
          data-testid="copy-curl"
          aria-label="Copy ${this.subject} as curl"
          @click=${this.handleCopy}
        >
          Copy as curl
        </button>
        <span class="status muted" role="status">${statusText(this.copyState)}</span>
      </div>
      <details>
        <summary>Show the curl command</summary>
        <pre data-testid="curl-command">${this.command}</pre>
      </details>
    `;
  }

  private readonly handleCopy = async (): Promise<void> => {
    try {
      // navigator.clipboard is undefined outside a secure context, so the call throws and falls back.
      await navigator.clipboard.writeText(this.command);
      this.copyState = 'copied';
    } catch {
      this.selectCommand();
    }
  };

  private selectCommand(): void {
    const { details, pre } = this;
    if (details === undefined || pre === undefined) return;
    details.open = true;
    const range = document.createRange();
    range.selectNodeContents(pre);
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    this.copyState = 'selected';
  }
}

function statusText(copyState: CopyState): string | typeof nothing {
  switch (copyState) {
    case 'idle':
      return nothing;
    case 'copied':
      return 'Copied to the clipboard.';
    case 'selected':
      return 'The clipboard is not available here, so the command below is selected: press Ctrl+C (⌘C on a Mac) to copy it.';
    default:
      return assertNever(copyState);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-copy-curl': CpCopyCurl;
  }
}
