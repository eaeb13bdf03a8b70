/**
 * Measures how many verdicts per second the CORS evaluator returns, for a mix of cases, and prints
 * the rate per case and overall with the Node version and CPU model.
 * Run `npm run bench:evaluator`, or `npm run bench:evaluator -- --seconds 5` for longer runs.
 */
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { evaluate } from '../scenarios/evaluator/index.ts';
import type { CorsRequest, HopResponse, Responder, Verdict } from '../scenarios/evaluator/index.ts';

const page = 'http://app.example';
const api = 'http://api.example';

interface BenchCase {
  readonly name: string;
  readonly request: CorsRequest;
  readonly responses: Readonly<Record<string, HopResponse>>;
  readonly expected: Verdict;
}

const acao = { 'Access-Control-Allow-Origin': page };

/** Each case states the verdict it must reach, so a broken evaluator cannot post a fast number. */
const cases: readonly BenchCase[] = [
  {
    name: 'simple GET, allowed',
    request: { origin: page, url: `${api}/data`, method: 'GET' },
    responses: { [`GET ${api}/data`]: { status: 200, headers: { ...acao, 'Content-Type': 'application/json' } } },
    expected: 'allowed',
  },
  {
    name: 'preflighted PUT, allowed',
    request: { origin: page, url: `${api}/orders/42`, method: 'PUT', headers: { 'X-Api-Key': 'k' }, body: '{}' },
    responses: {
      [`OPTIONS ${api}/orders/42`]: {
        status: 204,
        headers: { ...acao, 'Access-Control-Allow-Methods': 'GET, PUT', 'Access-Control-Allow-Headers': 'x-api-key' },
      },
      [`PUT ${api}/orders/42`]: { status: 200, headers: acao },
    },
    expected: 'allowed',
  },
  {
    name: 'PUT blocked at preflight',
    request: { origin: page, url: `${api}/orders/42`, method: 'PUT' },
    responses: {
      [`OPTIONS ${api}/orders/42`]: { status: 204, headers: { ...acao, 'Access-Control-Allow-Methods': 'GET, POST' } },
    },
    expected: 'blocked',
  },
  {
    name: 'three-redirect chain',
    request: { origin: page, url: `${api}/start`, method: 'GET' },
    responses: {
      [`GET ${api}/start`]: { status: 302, headers: { ...acao, Location: `${api}/step` } },
      [`GET ${api}/step`]: { status: 307, headers: { ...acao, Location: 'http://cdn.example/step' } },
      // The second redirect leaves api's origin for another, so the last two hops send Origin: null.
      'GET http://cdn.example/step': {
        status: 301,
        headers: { 'Access-Control-Allow-Origin': '*', Location: '/final' },
      },
      'GET http://cdn.example/final': { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } },
    },
    expected: 'allowed',
  },
];

function responderFor(responses: BenchCase['responses']): Responder {
  return (request) => responses[`${request.method} ${request.url}`];
}

interface Measurement {
  readonly name: string;
  readonly verdicts: number;
  readonly milliseconds: number;
}

/** Evaluates the case in a loop for `seconds`, reading the clock every 256 evaluations. */
function measure(benchCase: BenchCase, seconds: number): Measurement {
  const responder = responderFor(benchCase.responses);
  const options = { now: 0 };
  const verdict = evaluate(benchCase.request, responder, options).verdict;
  if (verdict !== benchCase.expected) {
    throw new Error(`Case '${benchCase.name}' returned '${verdict}', expected '${benchCase.expected}'.`);
  }

  const start = performance.now();
  const end = start + seconds * 1000;
  let verdicts = 0;
  let now = start;
  while (now < end) {
    for (let i = 0; i < 256; i += 1) evaluate(benchCase.request, responder, options);
    verdicts += 256;
    now = performance.now();
  }
  return { name: benchCase.name, verdicts, milliseconds: now - start };
}

function perSecond(measurement: Pick<Measurement, 'verdicts' | 'milliseconds'>): string {
  return Math.round((measurement.verdicts / measurement.milliseconds) * 1000).toLocaleString('en-US');
}

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '2' } } });
const seconds = Number(values.seconds);
if (!Number.isFinite(seconds) || seconds <= 0) {
  console.error(`Invalid --seconds '${values.seconds}': expected a positive number of seconds per case.`);
  process.exit(1);
}

console.log(`Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} logical CPUs)`);
console.log(`${seconds} s per case, after a ${seconds / 4} s warm-up per case\n`);

for (const benchCase of cases) measure(benchCase, seconds / 4);
const measurements = cases.map((benchCase) => measure(benchCase, seconds));

const overallLabel = 'overall (equal time per case)';
const width = Math.max(overallLabel.length, ...cases.map((benchCase) => benchCase.name.length));
for (const measurement of measurements) {
  console.log(`${measurement.name.padEnd(width)}  ${perSecond(measurement).padStart(10)} verdicts/s`);
}
const total = measurements.reduce(
  (sum, measurement) => ({
    verdicts: sum.verdicts + measurement.verdicts,
    milliseconds: sum.milliseconds + measurement.milliseconds,
  }),
  { verdicts: 0, milliseconds: 0 },
);
console.log(`${overallLabel.padEnd(width)}  ${perSecond(total).padStart(10)} verdicts/s`);
