import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';

import type { Evaluation } from '../../scenarios/evaluator/index.ts';
import type { ExpectedExchange, NonCorsBlockedOutcome } from '../../scenarios/index.ts';
import { expectedBrowser } from '../expectation.ts';
import { baseStyles } from './shared-styles.ts';

/**
 * The clues that tell a failure with another cause from a CORS block, which JavaScript cannot: the
 * console lines, the DevTools issue, whether a server saw the request, and what the CORS check finds.
 */
@customElement('cp-look-alike-clues')
export class CpLookAlikeClues extends LitElement {
  static override styles = [baseStyles];

  @property({ attribute: false }) outcome?: NonCorsBlockedOutcome;

  /** The exchanges the catalog expects the servers to record. */
  @property({ attribute: false }) exchanges: readonly ExpectedExchange[] = [];

  /** The CORS evaluator's reading of the servers' records, once they are read. */
  @property({ attribute: false }) evaluation?: Evaluation;

  override render(): TemplateResult | typeof nothing {
    const outcome = this.outcome;
    if (outcome === undefined) return nothing;
    const corsWorded = outcome.consoleLines.some((line) => line.includes('has been blocked by CORS policy'));

    return html`
      <ul data-testid="look-alike-clues">
        <li>
          <strong>Console:</strong>
          ${
            corsWorded
              ? html`${expectedBrowser} words it as a CORS error, but the reason names no CORS header, and no header of
                the server's response can change it.`
              : html`no line says "has been blocked by CORS policy", and no
                  <code>Failed to load resource: net::ERR_FAILED</code> follows a CORS message.`
          }
        </li>
        <li>
          <strong>DevTools Issues panel:</strong>
          ${
            outcome.issue === undefined
              ? html`no issue at all. A CORS block always adds a <code>CorsIssue</code>; a network error adds none.`
              : html`a <code>${outcome.issue.code}</code> (<code>${outcome.issue.reason}</code>)${
                    outcome.issue.code === 'CorsIssue' ? nothing : html`, not a <code>CorsIssue</code>`
                  }.`
          }
        </li>
        <li data-testid="clue-servers">
          <strong>Servers:</strong>
          ${
            this.exchanges.length === 0
              ? 'no server recorded the request, so the browser stopped it before it left, or nothing listened.'
              : 'the server recorded the request, so it reached the server and ran there.'
          }
        </li>
        <li data-testid="clue-evaluator"><strong>The CORS check alone:</strong> ${this.describeEvaluation()}</li>
      </ul>
    `;
  }

  private describeEvaluation(): string {
    const evaluation = this.evaluation;
    if (evaluation === undefined) return 'the playground evaluator runs once the server records are read.';
    const { outcome } = evaluation;
    if (outcome.verdict !== 'blocked') {
      return 'the playground evaluator, run on what the servers recorded, would let the response through. CORS is not what failed.';
    }
    if (outcome.kind === 'network-error' && outcome.reason === 'no-response') {
      return 'the playground evaluator, run on what the servers recorded, finds no response to check. CORS never had a say.';
    }
    return `the playground evaluator finds a problem of its own: ${evaluation.explanation}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cp-look-alike-clues': CpLookAlikeClues;
  }
}
