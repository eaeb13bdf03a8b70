/** Catalog look-ups shared by the client's unit tests. */
import { findScenario, originsFromPorts, portsFromEnv, type Scenario } from '../scenarios/index.ts';
import type { RecordedExchange, ReplayResponse } from '../scenarios/records.ts';

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

/** The replay endpoint's response for `missing-allow-origin`, broken variant, at the default ports. */
export const replayed: ReplayResponse = {
  trace: 'replay-trace',
  request: { method: 'GET', url: 'http://localhost:8001/scenarios/missing-allow-origin/broken/data', headers: [] },
  status: 200,
  statusText: 'OK',
  headers: [['content-type', 'application/json']],
  body: '{"message":"Hello from the API"}',
};
