import type { Page } from '@playwright/test';
import { connectionClosedStatus } from '../scenarios/closed-connection.ts';
import { isCorsBlock, type Expectation, type Scenario } from '../scenarios/index.ts';
import { expect } from './fixtures.ts';

/**
 * Asserts that the inspector's sequence diagram shows every recorded request in order, plus the request
 * that a failed preflight, or a redirect the browser did not follow, kept back.
 */
export async function expectDiagramMatches(
  page: Page,
  request: Scenario['request'],
  { outcome, exchanges }: Expectation,
): Promise<void> {
  const steps = page.getByTestId('sequence-step');
  const nonCors = outcome.verdict === 'blocked' && !isCorsBlock(outcome);
  // A redirect that redirect: 'error' rejects keeps its target back, as a blocked redirect does.
  const refusedRedirect = outcome.verdict === 'blocked' && !isCorsBlock(outcome) && outcome.cause === 'redirect-mode';
  const unsent = (isCorsBlock(outcome) && outcome.stage !== 'response') || refusedRedirect ? 1 : 0;
  // The diagram shows what the CORS check saw. A request that no server recorded, as when none
  // listens, is a step of its own, and it and a request whose connection was closed got no response.
  const unrecorded = nonCors && exchanges.length === 0 ? 1 : 0;
  const closed = exchanges.some((exchange) => exchange.status === connectionClosedStatus);
  const unanswered = unrecorded === 1 || (nonCors && closed) ? 1 : 0;
  await expect(steps).toHaveCount(exchanges.length + unsent + unrecorded);
  for (const [index, exchange] of exchanges.entries()) {
    const status = exchange.status === connectionClosedStatus ? '' : String(exchange.status);
    await expect(steps.nth(index)).toHaveAttribute('data-to', exchange.server);
    await expect(steps.nth(index)).toHaveAttribute('data-method', exchange.method);
    await expect(steps.nth(index)).toHaveAttribute('data-status', status);
  }
  let blockedSteps = unanswered;
  if (refusedRedirect) blockedSteps = 1;
  // A request its mode forbids is only kept back: no step of it was blocked on the way.
  else if (isCorsBlock(outcome)) blockedSteps = outcome.stage === 'request' ? 0 : 1;
  await expect(page.locator('[data-testid="sequence-step"][data-result="blocked"]')).toHaveCount(blockedSteps);
  if (unsent === 1) await expect(steps.last()).toHaveAttribute('data-result', 'not-sent');
  if (isCorsBlock(outcome) && outcome.stage === 'preflight') {
    await expect(steps.last()).toHaveAttribute('data-method', request.method);
  }
}
