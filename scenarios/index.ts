/**
 * The scenario catalog: the single source of truth for the servers, the client, the e2e suite
 * and the README table. Add a scenario by adding a file under `catalog/` and listing it here.
 */
import allowOriginMismatch from './catalog/allow-origin-mismatch.ts';
import authBeforeCors from './catalog/auth-before-cors.ts';
import credentialsWithoutAllowCredentials from './catalog/credentials-without-allow-credentials.ts';
import duplicateAllowOrigin from './catalog/duplicate-allow-origin.ts';
import headerNotAllowed from './catalog/header-not-allowed.ts';
import methodNotAllowed from './catalog/method-not-allowed.ts';
import missingAllowOrigin from './catalog/missing-allow-origin.ts';
import preflightRedirect from './catalog/preflight-redirect.ts';
import preflightUnauthorized from './catalog/preflight-unauthorized.ts';
import wildcardWithCredentials from './catalog/wildcard-with-credentials.ts';
import type { Scenario } from './types.ts';

/** Every scenario, in teaching order within each category. */
export const scenarios: readonly Scenario[] = [
  missingAllowOrigin,
  allowOriginMismatch,
  wildcardWithCredentials,
  credentialsWithoutAllowCredentials,
  methodNotAllowed,
  headerNotAllowed,
  preflightUnauthorized,
  authBeforeCors,
  preflightRedirect,
  duplicateAllowOrigin,
];

export function findScenario(id: string): Scenario | undefined {
  return scenarios.find((scenario) => scenario.id === id);
}

export * from './categories.ts';
export * from './chromium-messages.ts';
export * from './origins.ts';
export * from './types.ts';
export { failedToFetch } from './define.ts';
export * from './fetch-rules.ts';
