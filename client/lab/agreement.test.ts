import { describe, expect, test } from 'vitest';

import { caseUrl, parseCase, type Case } from '../../scenarios/case/index.ts';
import { allowedGet } from '../../scenarios/case/test-cases.ts';
import { originsFromPorts, portsFromEnv } from '../../scenarios/origins.ts';
import { recordedExchange } from '../test-catalog.ts';
import { compareWithPrediction, predictCase } from './agreement.ts';
import { labRequestSpec } from './lab-attempt.ts';

const origins = originsFromPorts(portsFromEnv({}));
const trace = 'agreement-trace';

function parsed(input: unknown): Case {
  const result = parseCase(input);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

const allowed = parsed(allowedGet);
const url = new URL(caseUrl(allowed, origins, trace));
const getRecord = recordedExchange({
  url: `${url.pathname}${url.search}`,
  requestHeaders: [['origin', origins.app]],
});

describe('compareWithPrediction', () => {
  test('same response and requests agree', () => {
    const prediction = predictCase(allowed, origins, trace);
    const js = { kind: 'response', status: 200, statusText: 'OK', headers: [], body: '' } as const;

    expect(compareWithPrediction(prediction, js, [getRecord], origins)).toEqual([]);
  });

  test('failure where a response was predicted differs', () => {
    const prediction = predictCase(allowed, origins, trace);
    const js = { kind: 'rejected', name: 'TypeError', message: 'Failed to fetch' } as const;

    expect(compareWithPrediction(prediction, js, [getRecord], origins)).toEqual([
      {
        subject: 'javascript',
        predicted: 'a readable 200 response',
        actual: 'a failure (TypeError: Failed to fetch)',
      },
    ]);
  });

  test('unexpected preflight differs', () => {
    const prediction = predictCase(allowed, origins, trace);
    const js = { kind: 'response', status: 200, statusText: 'OK', headers: [], body: '' } as const;
    const preflight = { ...getRecord, method: 'OPTIONS', sequence: 1 };

    const differences = compareWithPrediction(prediction, js, [preflight, { ...getRecord, sequence: 2 }], origins);

    expect(differences.map((difference) => difference.subject)).toEqual(['requests']);
    expect(differences[0]?.actual).toMatch(/^preflight OPTIONS /);
  });

  test("proxy's own request is left out", () => {
    const prediction = predictCase(allowed, origins, trace);
    const js = { kind: 'response', status: 200, statusText: 'OK', headers: [], body: '' } as const;
    const forwarded = { ...getRecord, sequence: 2, requestHeaders: [['x-forwarded-host', 'localhost:8002']] as const };

    expect(compareWithPrediction(prediction, js, [getRecord, forwarded], origins)).toEqual([]);
  });

  test('beacon compares the requests only', () => {
    const prediction = predictCase(allowed, origins, trace);

    expect(compareWithPrediction(prediction, { kind: 'beacon', queued: true }, [getRecord], origins)).toEqual([]);
  });
});

describe('labRequestSpec', () => {
  test('joins repeated header names', () => {
    const value = parsed({
      ...allowedGet,
      request: {
        pageOrigin: 'app',
        target: 'api',
        headers: [
          ['X-Tag', 'a'],
          ['x-tag', 'b'],
        ],
      },
    });

    expect(labRequestSpec(value).headers).toEqual({ 'X-Tag': 'a, b' });
  });

  test('carries the fetch options', () => {
    const value = parsed({
      ...allowedGet,
      request: { pageOrigin: 'null', target: 'partner', credentials: 'include', mode: 'no-cors', redirect: 'manual' },
    });

    expect(labRequestSpec(value)).toMatchObject({
      target: 'partner',
      credentials: 'include',
      mode: 'no-cors',
      redirect: 'manual',
    });
  });
});
