import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';

import { fillOrigins, type ExchangeRole, type HeaderDiffLine } from '../../scenarios/index.ts';
import { statusWithReason } from '../http-status.ts';
import { origins } from '../origins.ts';
import { baseStyles } from './shared-styles.ts';

const exchangeTitles: Readonly<Record<ExchangeRole, string>> = {
  preflight: 'Preflight response (OPTIONS)',
  actual: 'Response to the actual request',
};

/** The fix as a header diff, one block per exchange: `-` lines from the broken variant, `+` from the fixed one. */
@customElement('cp-header-diff')
export class CpHeaderDiff extends LitElement {
  static override styles = [
    baseStyles,
    css`
      del,
      ins {
        display: block;
        padding: 0 0.5em;
        text-decoration: none;
      }

      del {
        background: var(--cp-removed-bg);
        color: var(--cp-removed-fg);
      }

      ins {
        background: var(--cp-added-bg);
        color: var(--cp-added-fg);
      }

      pre {
        padding: 0.5em 0;
      }
    `,
  ];

  /** The scenario's `fix.diff`. */
  @property({ attribute: false }) lines: readonly HeaderDiffLine[] = [];

  override render(): TemplateResult {
    const roles = [...new Set(this.lines.map((line) => line.exchange))];
    return html`
      <div data-testid="header-diff">
        ${roles.map((role) =>
          this.renderExchange(
            role,
            this.lines.filter((line) => line.exchange === role),
          ),
        )}
      </div>
    `;
  }

  private renderExchange(role: ExchangeRole, lines: readonly HeaderDiffLine[]): TemplateResult {
    // The pre keeps whitespace, so its children are joined without line breaks in the template.
    return html`
      <figure>
        <figcaption>${exchangeTitles[role]}</figcaption>
        <pre>${lines.map((line) => this.renderLine(line))}</pre>
      </figure>
    `;
  }

  private renderLine(line: HeaderDiffLine): TemplateResult {
    const removed = line.broken === undefined ? nothing : html`<del>- ${formatLine(line.header, line.broken)}</del>`;
    const added = line.fixed === undefined ? nothing : html`<ins>+ ${formatLine(line.header, line.fixed)}</ins>`;
    return html`${removed}${added}`;
  }
}

/** Formats one side of a diff line: `:status` as a status line, any other header as `Name: value`. */
function formatLine(header: string, value: string): string {
  if (header === ':status') return `HTTP/1.1 ${statusWithReason(value)}`;
  return `${header}: ${fillOrigins(value, origins)}`;
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-header-diff': CpHeaderDiff;
  }
}
