import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';

import type { RecordedExchange } from '../../scenarios/records.ts';
import { curlCommand } from '../curl.ts';
import { exchangeRole, requestHeaderRows, responseHeaderRows, type HeaderRow } from '../exchanges.ts';
import { statusWithReason } from '../http-status.ts';
import { connectionClosedStatus } from '../../scenarios/closed-connection.ts';
import { origins } from '../origins.ts';
import { baseStyles } from './shared-styles.ts';
import { childrenUpdated } from './update-complete.ts';
import './cp-copy-curl.ts';

/** One recorded exchange: the request line, the status, and both header lists, with the fault marked. */
@customElement('cp-exchange-view')
export class CpExchangeView extends LitElement {
  static override styles = [
    baseStyles,
    css`
      section {
        border: 1px solid var(--cp-border);
        border-radius: var(--cp-radius);
        margin: 0.75rem 0;
        padding: 0 1rem 0.75rem;
      }

      h4 {
        font-size: 1rem;
        margin: 0.75rem 0 0.25rem;
      }

      .role {
        background: var(--cp-surface);
        border: 1px solid var(--cp-border);
        border-radius: 999px;
        font-size: 0.8rem;
        font-weight: 600;
        margin-right: 0.4rem;
        padding: 0 0.5rem;
      }

      .request-line {
        font-family: var(--cp-font-mono);
        font-size: 0.9rem;
        margin: 0.25rem 0 0.75rem;
        overflow-wrap: anywhere;
      }

      .tables {
        display: grid;
        gap: 1rem;
      }

      th[scope='row'] {
        width: 40%;
      }

      caption {
        font-weight: 600;
        padding-bottom: 0.25rem;
        text-align: left;
      }

      td,
      th {
        font-family: var(--cp-font-mono);
        font-size: 0.85rem;
        overflow-wrap: anywhere;
      }

      tr.cors {
        background: var(--cp-cors-bg);
      }

      [data-fault] {
        background: var(--cp-fault-bg);
        outline: 2px solid var(--cp-fault-border);
        outline-offset: -2px;
      }

      span[data-fault] {
        border-radius: 3px;
        padding: 0 0.3rem;
      }

      .tag {
        font-family: var(--cp-font);
        font-size: 0.75rem;
        font-weight: 600;
        margin-left: 0.4rem;
        white-space: nowrap;
      }

      .fault-tag {
        color: var(--cp-fault-border);
      }
    `,
  ];

  @property({ attribute: false }) exchange?: RecordedExchange;

  /** The response header the browser rejected, when the fault is a header of this exchange. */
  @property({ attribute: false }) faultHeader?: string;

  /** Whether the browser rejected this exchange's status. */
  @property({ attribute: false }) faultStatus = false;

  /** The request body, which the records do not store, for the curl command of an actual request. */
  @property({ attribute: false }) body?: string;

  protected override async getUpdateComplete(): Promise<boolean> {
    const result = await super.getUpdateComplete();
    await childrenUpdated(this.renderRoot);
    return result;
  }

  override render(): TemplateResult | typeof nothing {
    const exchange = this.exchange;
    if (exchange === undefined) return nothing;
    const preflight = exchangeRole(exchange) === 'preflight';
    // The server received the request and closed the connection, so no status or header went out.
    const closed = exchange.status === connectionClosedStatus;

    return html`
      <section
        data-testid="exchange"
        data-server=${exchange.server}
        data-method=${exchange.method}
        data-status=${exchange.status}
      >
        <h4>
          ${exchange.sequence}.
          <span class="role">${preflight ? 'Preflight' : 'Actual request'}</span> ${exchange.method} on
          ${exchange.server} <span class="muted">(${origins[exchange.server]})</span>
        </h4>
        <p class="request-line">
          ${exchange.method} ${exchange.url} →
          <span data-fault=${this.faultStatus ? 'status' : nothing}
            >${closed ? 'no response: the server closed the connection' : statusWithReason(exchange.status)}</span
          >
          ${this.faultStatus ? html`<span class="tag fault-tag">← cause of the block</span>` : nothing}
        </p>
        <div class="tables">
          ${this.renderTable('Request headers', requestHeaderRows(exchange))}
          ${closed ? nothing : this.renderTable('Response headers', responseHeaderRows(exchange, this.faultHeader))}
        </div>
        <cp-copy-curl
          .command=${curlCommand(exchange, origins, this.body === undefined ? {} : { body: this.body })}
          .subject=${`the ${preflight ? 'preflight' : exchange.method} to ${exchange.server}`}
        ></cp-copy-curl>
      </section>
    `;
  }

  private renderTable(caption: string, rows: readonly HeaderRow[]): TemplateResult {
    return html`
      <table>
        <caption>
          ${caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Value</th>
          </tr>
        </thead>
        <tbody>
          ${
            rows.length === 0
              ? html`<tr>
                  <td colspan="2" class="muted">none</td>
                </tr>`
              : rows.map((row) => this.renderRow(row))
          }
        </tbody>
      </table>
    `;
  }

  private renderRow(row: HeaderRow): TemplateResult {
    const missing = row.value === undefined;
    return html`
      <tr class=${row.cors ? 'cors' : ''} data-fault=${faultKind(row)}>
        <th scope="row">${row.name}${row.cors ? html`<span class="tag muted">CORS</span>` : nothing}</th>
        <td>
          ${missing ? html`<em>(missing)</em>` : row.value}
          ${row.fault ? html`<span class="tag fault-tag">← cause of the block</span>` : nothing}
        </td>
      </tr>
    `;
  }
}

/** Returns the `data-fault` value of a header row, absent unless the browser rejected the response because of it. */
function faultKind(row: HeaderRow): 'header' | 'missing' | typeof nothing {
  if (!row.fault) return nothing;
  return row.value === undefined ? 'missing' : 'header';
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-exchange-view': CpExchangeView;
  }
}
