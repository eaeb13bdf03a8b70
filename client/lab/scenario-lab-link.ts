/** The "Open in lab" link of a scenario variant: its request and its server's answers as a lab case. */
import { caseFromScenario } from '../../scenarios/case/index.ts';
import type { Scenario, VariantName } from '../../scenarios/index.ts';
import { caseLabHref } from './lab-state.ts';

/**
 * Returns the lab link of a variant, or undefined when the variant has no case, such as one whose
 * server redirects more often than a case allows.
 * NOTE: a case has no sign-in step, so a variant that needs a cookie opens without it.
 */
export function scenarioLabHref(scenario: Scenario, variant: VariantName): string | undefined {
  try {
    return caseLabHref(caseFromScenario(scenario, variant));
  } catch {
    return undefined;
  }
}
