/** Catalog look-ups shared by the client's unit tests. */
import { findScenario, originsFromPorts, portsFromEnv, type Scenario } from '../scenarios/index.ts';
import type { RecordedExchange } from '../scenarios/records.ts';

/** The origins at the default ports, as a learner's machine has them without port variables. */
export const defaultOrigins = originsFromPorts(portsFromEnv({}));

export function scenarioById(id: string): Scenario {
  const scenario = findScenario(id);
  if (scenario === undefined) throw new Error(`No scenario '${id}' in the catalog`);
  return scenario;
}

/** Builds a recorded exchange for tests: a 200 to a GET on the api server, changed by `row`. */
export function recordedExchange(row: Partial<RecordedExchange> = {}): RecordedExchange {
  return {
    server: 'api',
    sequence: 1,
    receivedAt: '2025-01-01T00:00:00.000Z',
    method: 'GET',
    url: '/scenarios/x/broken/data?trace=abcdefgh',
    requestHeaders: [],
    status: 200,
    responseHeaders: [],
    ...row,
  };
}
