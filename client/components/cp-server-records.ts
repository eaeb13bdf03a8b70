import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';

import {
  assertNever,
  isCorsBlock,
  type RequestSpec,
  type Scenario,
  type ServerName,
  type VariantName,
} from '../../scenarios/index.ts';
import type { RecordedExchange } from '../../scenarios/records.ts';
import type { Attempt } from '../attempt.ts';
import { exchangeRole, findFaultExchange, summarizeServers, type ServerReach } from '../exchanges.ts';
import type { Inspection } from '../inspection.ts';
import { origins } from '../origins.ts';
import { findOriginMismatch } from '../page-origin.ts';
import { baseStyles } from './shared-styles.ts';
import { childrenUpdated } from './update-complete.ts';
import './cp-exchange-view.ts';
import './cp-fault-explanation.ts';

/**
 * The servers' records of an attempt: how far it got on each server, and each exchange in order, with
 * the evaluator's explanation beside the exchange whose response the browser blocked.
 */
@customElement('cp-server-records')
export class CpServerRecords extends LitElement {
  static override styles = [
    baseStyles,
    css`
      .summary {
        margin: 0.5rem 0;
        padding-left: 1.25rem;
      }

      .with-explanation {
        align-items: start;
        display: grid;
        gap: 0 1rem;
      }

      .with-explanation cp-fault-explanation {
        margin: 0.75rem 0;
      }

      @media (min-width: 60rem) {
        .with-explanation {
          grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
        }
      }
    `,
  ];

  @property({ attribute: false }) scenario?: Scenario;

  @property() variant: VariantName = 'broken';

  @property({ attribute: false }) attempt?: Attempt;

  /** The evaluator's reading of the records, once they are read. */
  @property({ attribute: false }) inspection?: Inspection;

  protected override async getUpdateComplete(): Promise<boolean> {
    const result = await super.getUpdateComplete();
    await childrenUpdated(this.renderRoot);
    return result;
  }

  override render(): TemplateResult | typeof nothing {
    const { scenario, attempt } = this;
    if (scenario === undefined || attempt === undefined) return nothing;

    switch (attempt.state) {
      case 'running':
        return html`<p class="muted">The records are read once the request's result is in.</p>`;
      case 'records-failed':
        return this.renderRecordsError(attempt);
      case 'done':
        return this.renderRecords(scenario, attempt.records?.exchanges ?? []);
      default:
        return assertNever(attempt.state);
    }
  }

  private renderRecordsError(attempt: Attempt): TemplateResult {
    const mismatch = findOriginMismatch(location, origins.app);
    const cause =
      mismatch === undefined
        ? html`The servers may not be running. <code>npm start</code> starts them together with this app.`
        : html`The records endpoint allows only <code>${mismatch.expected}</code>, and this page is open at
            <code>${mismatch.actual}</code>.`;
    return html`
      <div class="note error" data-testid="records-error" role="alert">
        Reading the server records from <code>${attempt.recordsError?.url}</code> failed:
        ${attempt.recordsError?.error}. ${cause} What JavaScript got, above, is unaffected.
      </div>
    `;
  }

  private renderRecords(scenario: Scenario, exchanges: readonly RecordedExchange[]): TemplateResult {
    const expected = scenario.variants[this.variant].expected;
    // Servers in the order the request reached them, then any the catalog expected that it did not reach.
    const servers = new Set<ServerName>([
      ...exchanges.map((exchange) => exchange.server),
      scenario.variants[this.variant].request.target,
      ...expected.exchanges.map((exchange) => exchange.server),
    ]);
    const outcome = expected.outcome;
    const fault = outcome.verdict === 'blocked' ? outcome.fault : undefined;
    // After a redirect to another server, the fault is in that server's response.
    const faultServer =
      (isCorsBlock(outcome) ? outcome.redirectedTo : undefined) ?? scenario.variants[this.variant].request.target;
    const faultExchange = fault === undefined ? undefined : findFaultExchange(exchanges, fault, faultServer);

    return html`
      <ul class="summary">
        ${summarizeServers(exchanges, [...servers]).map(
          ({ server, reach }) =>
            html`<li><strong>${server}</strong> (${origins[server]}): ${describeReach(reach)}</li>`,
        )}
      </ul>
      ${exchanges.length === 0 ? html`<p data-testid="nothing-reached">Nothing reached any server.</p>` : nothing}
      ${exchanges.map((exchange) => {
        const view = html`
          <cp-exchange-view
            .exchange=${exchange}
            .faultHeader=${exchange === faultExchange && fault !== undefined && 'header' in fault ? fault.header : undefined}
            .faultStatus=${exchange === faultExchange && fault !== undefined && 'status' in fault}
            .body=${requestBody(scenario.variants[this.variant].request, exchange)}
          ></cp-exchange-view>
        `;
        if (this.inspection === undefined || exchange !== this.inspection.faultRecord) return view;
        return html`<div class="with-explanation">${view}${this.renderExplanation()}</div>`;
      })}
      ${this.inspection !== undefined && this.inspection.faultRecord === undefined ? this.renderExplanation() : nothing}
    `;
  }

  private renderExplanation(): TemplateResult {
    return html`<cp-fault-explanation .evaluation=${this.inspection?.evaluation}></cp-fault-explanation>`;
  }
}

/**
 * Returns the body an exchange carried, which the records do not store: the catalog's body, on an actual
 * request with the catalog's method. A redirect that turns the method into GET drops the body.
 */
function requestBody({ method, body }: RequestSpec, exchange: RecordedExchange): string | undefined {
  return exchangeRole(exchange) === 'actual' && exchange.method === method ? body : undefined;
}

function describeReach(reach: ServerReach): string {
  switch (reach) {
    case 'nothing':
      return 'nothing reached it';
    case 'preflight-only':
      return 'the preflight only, so the actual request was never sent';
    case 'actual-only':
      return 'the actual request, with no preflight';
    case 'preflight-and-actual':
      return 'the preflight, and the actual request too';
    default:
      return assertNever(reach);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-server-records': CpServerRecords;
  }
}
