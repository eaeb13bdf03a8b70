import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';

import { assertNever, type CredentialsMode, type Scenario, type VariantName } from '../../scenarios/index.ts';
import { traceParameter } from '../../scenarios/records.ts';
import { initiatorCode } from '../initiators.ts';
import { origins } from '../origins.ts';
import { baseStyles } from './shared-styles.ts';

/** The request the page sends: initiator, method, URL, headers, body and credentials mode. */
@customElement('cp-request-summary')
export class CpRequestSummary extends LitElement {
  static override styles = [
    baseStyles,
    css`
      dl {
        display: grid;
        gap: 0.35rem 1rem;
        grid-template-columns: max-content 1fr;
        margin: 0.5rem 0;
      }

      dt {
        color: var(--cp-muted);
        font-weight: 600;
      }

      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }

      .no-cookie {
        margin: 0.25rem 0 0;
      }

      ul {
        margin: 0;
        padding: 0;
        list-style: none;
      }
    `,
  ];

  @property({ attribute: false }) scenario?: Scenario;

  @property() variant: VariantName = 'broken';

  override render(): TemplateResult | typeof nothing {
    if (this.scenario === undefined) return nothing;
    const { request, id } = this.scenario;
    const url = `${origins[request.target]}/scenarios/${id}/${this.variant}${request.path}`;
    const headers = Object.entries(request.headers);

    return html`
      <dl>
        <dt>Sent with</dt>
        <dd><code data-testid="initiator">${initiatorCode(request)}</code></dd>
        <dt>Method</dt>
        <dd><code>${request.method}</code></dd>
        <dt>URL</dt>
        <dd><code>${url}</code></dd>
        <dt>Headers</dt>
        <dd>
          ${
            headers.length === 0
              ? html`<span class="muted">none set by the page</span>`
              : html`<ul>
                  ${headers.map(([name, value]) => html`<li><code>${name}: ${value}</code></li>`)}
                </ul>`
          }
        </dd>
        <dt>Body</dt>
        <dd>
          ${request.body === undefined ? html`<span class="muted">none</span>` : html`<code>${request.body}</code>`}
        </dd>
        <dt>Credentials</dt>
        <dd>
          <code>${request.credentials}</code>: ${describeCredentials(request.credentials)}
          ${
            request.credentials === 'include'
              ? html`<p class="no-cookie muted">
                  The playground sets no cookie. The browser applies the credentials rules because the request includes
                  credentials, whether or not a cookie exists.
                </p>`
              : nothing
          }
        </dd>
      </dl>
      <p class="muted">
        Each attempt adds <code>?${traceParameter}=…</code> to the URL, so that the servers can record it. A custom
        header would itself make the browser send a preflight.
      </p>
    `;
  }
}

function describeCredentials(mode: CredentialsMode): string {
  switch (mode) {
    case 'omit':
      return 'no cookies or HTTP authentication, to any origin';
    case 'same-origin':
      return "the default: cookies go only to this page's own origin, so this cross-origin request carries none";
    case 'include':
      return 'cookies and HTTP authentication go with the request, even cross-origin';
    default:
      return assertNever(mode);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-request-summary': CpRequestSummary;
  }
}
