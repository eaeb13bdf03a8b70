import { describe, expect, it } from 'vitest';
import { compare } from './run-case.ts';

const message = "Access to fetch at 'http://localhost:8001/data' from origin 'http://localhost:5173' has been blocked";

describe('compare', () => {
  it('finds nothing when both block with the same kind and line', () => {
    const verdict = { verdict: 'blocked', corsError: 'MissingAllowOriginHeader', consoleMessage: message } as const;

    expect(compare(verdict, { ...verdict, explanation: '' })).toEqual([]);
  });

  it('names a verdict the evaluator got wrong', () => {
    expect(compare({ verdict: 'blocked' }, { verdict: 'allowed', explanation: '' })).toEqual([
      'verdict: the browser says blocked, the evaluator allowed',
    ]);
  });

  it('names a different error kind and console line', () => {
    const differences = compare(
      { verdict: 'blocked', corsError: 'AllowOriginMismatch', consoleMessage: message },
      { verdict: 'blocked', corsError: 'MissingAllowOriginHeader', consoleMessage: `${message}.`, explanation: '' },
    );

    expect(differences).toEqual([
      'corsError: the browser reports AllowOriginMismatch, the evaluator MissingAllowOriginHeader',
      `console message: the browser printed ${JSON.stringify(message)}, the evaluator expects ${JSON.stringify(`${message}.`)}`,
    ]);
  });
});
