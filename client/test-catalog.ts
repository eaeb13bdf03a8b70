/** Catalog look-ups shared by the client's unit tests. */
import { findScenario, originsFromPorts, portsFromEnv, type Scenario } from '../scenarios/index.ts';

/** The origins at the default ports, as a learner's machine has them without port variables. */
export const defaultOrigins = originsFromPorts(portsFromEnv({}));

export function scenarioById(id: string): Scenario {
  const scenario = findScenario(id);
  if (scenario === undefined) throw new Error(`No scenario '${id}' in the catalog`);
  return scenario;
}
