import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';

import {
  assertNever,
  requestOrigin,
  requestPageOrigin,
  signInPath,
  signInSetCookie,
  type CredentialsMode,
  type RequestPage,
  type Scenario,
  type ServerName,
  type SignIn,
  type VariantName,
} from '../../scenarios/index.ts';
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
    const { id } = this.scenario;
    const { request } = this.scenario.variants[this.variant];
    const url = `${requestOrigin(request, origins)}/scenarios/${id}/${this.variant}${request.path}`;
    const headers = Object.entries(request.headers);

    return html`
      <dl>
        ${this.renderPage(request.page)}
        <dt>Sent with</dt>
        <dd><code data-testid="initiator">${initiatorCode(request)}</code></dd>
        ${
          request.mode === undefined
            ? nothing
            : html`<dt>Mode</dt>
                <dd><code>${request.mode}</code>${request.mode === 'no-cors' ? html`: ${noCorsNote}` : nothing}</dd>`
        }
        ${request.signIn === undefined ? nothing : this.renderSignIn(request.signIn, request.target)}
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
            request.credentials === 'include' && request.signIn === undefined
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

  /** Names the page that sends the request, when it is not this app page. */
  private renderPage(page: RequestPage | undefined): TemplateResult | typeof nothing {
    if (page === undefined || page.kind === 'app') return nothing;
    const origin = requestPageOrigin({ page }, origins);
    const where =
      page.kind === 'frame'
        ? html`the page at <code>${origin}</code>, loaded in a hidden iframe inside this page`
        : html`a page in <code>&lt;iframe sandbox="allow-scripts"&gt;</code> inside this page, whose origin is
            <code>null</code>`;
    return html`
      <dt>Sent from</dt>
      <dd data-testid="page-origin" data-origin=${origin}>
        ${where}. Its own JavaScript sends the request and reads what comes back.
      </dd>
    `;
  }

  private renderSignIn(signIn: SignIn, target: ServerName): TemplateResult {
    const id = this.scenario?.id ?? '';
    const url = `${origins[target]}/scenarios/${id}/${this.variant}${signInPath}`;
    const how =
      signIn.via === 'fetch'
        ? html`the page sends <code>POST ${url}</code> with <code>credentials: 'include'</code>`
        : html`the page opens <code>${url}</code> in a window, as the user would sign in on that site`;
    return html`
      <dt>Before it</dt>
      <dd data-testid="sign-in">
        ${how}, which answers <code>Set-Cookie: ${signInSetCookie(id, this.variant, signIn)}</code>.
      </dd>
    `;
  }
}

const noCorsNote =
  'the browser sends the request without CORS, drops every header that is not safelisted, and gives the page an ' +
  'opaque response';

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
