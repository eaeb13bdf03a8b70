import { describe, expect, test } from 'vitest';

import { laneLabel, stepResultText, stepStatusText } from './sequence-labels.ts';
import type { Lane, SequenceStep } from './sequence.ts';

const lanes: Lane[] = [
  { id: 'browser', label: 'Browser', origin: 'http://localhost:5173' },
  { id: 'api', label: 'api', origin: 'http://localhost:8001' },
];

function step(row: Partial<SequenceStep>): SequenceStep {
  return {
    from: 'browser',
    to: 'api',
    role: 'actual',
    sender: 'browser',
    method: 'GET',
    path: '/data',
    status: 200,
    result: 'passed',
    ...row,
  };
}

describe('laneLabel', () => {
  test.each([
    ['browser', 'the browser'],
    ['api', 'api (http://localhost:8001)'],
    ['partner', 'partner'],
  ] as const)('names %s as %s', (id, label) => {
    expect(laneLabel(lanes, id)).toBe(label);
  });
});

describe('stepStatusText', () => {
  test('names the status with its reason', () => {
    expect(stepStatusText(step({ status: 401 }))).toBe('answered 401 Unauthorized');
  });

  test('says when nothing was sent', () => {
    expect(stepStatusText(step({ status: undefined, result: 'not-sent' }))).toBe('no response');
  });

  test('says when no response was recorded', () => {
    expect(stepStatusText(step({ status: undefined, result: 'blocked' }))).toBe('no response recorded');
  });
});

describe('stepResultText', () => {
  test.each([
    ['passed step', step({}), 'Passed'],
    [
      'blocked step',
      step({ result: 'blocked', note: 'CORS check failed: Access-Control-Allow-Origin is missing' }),
      'Blocked. CORS check failed: Access-Control-Allow-Origin is missing',
    ],
    ['unsent step', step({ result: 'not-sent', note: 'the preflight failed' }), 'Not sent. The preflight failed'],
    ['server step', step({ sender: 'server', note: 'sent on by the proxy server' }), 'Sent on by the proxy server'],
  ])('describes a %s', (_name, row, text) => {
    expect(stepResultText(row)).toBe(text);
  });
});
