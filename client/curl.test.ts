import { execFileSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';

import { curlCommand, shellQuote, shellWord } from './curl.ts';
import { defaultOrigins as origins, recordedExchange } from './test-catalog.ts';

/** Runs `printf` on the words in a real shell, and returns the arguments the shell passed to it. */
function shellWords(shell: string, words: string): string[] {
  const output = execFileSync(shell, ['-c', `printf '%s\\0' ${words}`], { encoding: 'utf8' });
  return output.split('\0').slice(0, -1);
}

const hostileValues = [
  "it's",
  "''",
  "'; rm -rf / #",
  '$(touch /tmp/cors-playground-pwned)',
  '`id`',
  '${HOME}',
  '$HOME',
  '"double" \\ backslash',
  '!! history !$',
  'line one\nline two',
  'tab\there',
  '*.ts ? [a-z]',
  '~root',
  'a & b | c ; d > e < f',
  '',
  ' leading and trailing ',
  'üñíçødé ✓',
];

describe('shellQuote', () => {
  test.each(['sh', 'bash'])('round-trips hostile values through %s', (shell) => {
    const words = hostileValues.map(shellQuote).join(' ');

    expect(shellWords(shell, words)).toEqual(hostileValues);
  });

  test('wraps in single quotes', () => {
    expect(shellQuote('plain')).toBe("'plain'");
    expect(shellQuote("it's")).toBe("'it'\\''s'");
  });

  test('rejects a NUL character', () => {
    expect(() => shellQuote('a\0b')).toThrow('NUL');
  });
});

describe('shellWord', () => {
  test.each([
    ['OPTIONS', 'OPTIONS'],
    ['x-api-key', 'x-api-key'],
    ['M$(id)', "'M$(id)'"],
    ['A|B', "'A|B'"],
    ["it's", "'it'\\''s'"],
  ])('writes %s as %s', (value, word) => {
    expect(shellWord(value)).toBe(word);
  });
});

describe('curlCommand', () => {
  const preflight = recordedExchange({
    method: 'OPTIONS',
    url: '/scenarios/method-not-allowed/broken/orders/42?trace=abcdefgh',
    requestHeaders: [
      ['host', 'localhost:8001'],
      ['connection', 'keep-alive'],
      ['accept', '*/*'],
      ['access-control-request-method', 'PUT'],
      ['origin', 'http://localhost:5173'],
      ['user-agent', 'Mozilla/5.0 (X11; Linux x86_64)'],
      ['sec-fetch-mode', 'cors'],
    ],
  });

  test('writes a preflight with its CORS headers', () => {
    expect(curlCommand(preflight, origins)).toBe(
      [
        "curl 'http://localhost:8001/scenarios/method-not-allowed/broken/orders/42?trace=abcdefgh' \\",
        '  -X OPTIONS \\',
        "  -H 'accept: */*' \\",
        "  -H 'access-control-request-method: PUT' \\",
        "  -H 'origin: http://localhost:5173' \\",
        "  -H 'user-agent: Mozilla/5.0 (X11; Linux x86_64)' \\",
        "  -H 'sec-fetch-mode: cors'",
      ].join('\n'),
    );
  });

  test('omits headers curl sets itself', () => {
    const command = curlCommand(
      recordedExchange({
        method: 'PUT',
        requestHeaders: [
          ['Host', 'localhost:8001'],
          ['Content-Length', '14'],
          ['Connection', 'keep-alive'],
          ['content-type', 'text/plain;charset=UTF-8'],
        ],
      }),
      origins,
      { body: 'status=shipped' },
    );

    expect(command).not.toMatch(/-H '(host|content-length|connection):/i);
    expect(command).toContain("-H 'content-type: text/plain;charset=UTF-8'");
    expect(command).toContain("--data-raw 'status=shipped'");
  });

  test('leaves out -X for GET', () => {
    expect(curlCommand(recordedExchange({ method: 'GET' }), origins)).not.toContain('-X');
  });

  test('uses --head for HEAD', () => {
    const command = curlCommand(recordedExchange({ method: 'HEAD' }), origins);

    expect(command).toContain('--head');
    expect(command).not.toContain('-X');
  });

  test('sends an empty header with a semicolon', () => {
    const command = curlCommand(recordedExchange({ requestHeaders: [['x-empty', '']] }), origins);

    expect(command).toContain("-H 'x-empty;'");
  });

  test('uses the server origin of the exchange', () => {
    const command = curlCommand(
      recordedExchange({ server: 'partner', url: '/scenarios/x/fixed/recommendations' }),
      origins,
    );

    expect(command).toContain("'http://partner.localhost:8003/scenarios/x/fixed/recommendations'");
  });

  test('keeps a path that looks like another host', () => {
    const command = curlCommand(recordedExchange({ url: '//evil.example/x' }), origins);

    expect(command).toContain("'http://localhost:8001//evil.example/x'");
  });

  test('quotes a method with shell characters', () => {
    const command = curlCommand(recordedExchange({ method: 'PATCH$(id)' }), origins);

    expect(shellWords('sh', command.replace(/^curl /, '')).slice(1)).toEqual(['-X', 'PATCH$(id)']);
  });

  test('shell reads hostile values as single words', () => {
    const header = "x-note: it's $(touch /tmp/cors-playground-pwned) `id`";
    const body = '{"name":"O\'Brien"}\n$HOME';
    const command = curlCommand(
      recordedExchange({
        method: 'POST',
        url: "/scenarios/x/broken/data?q='$(id)'",
        requestHeaders: [['x-note', header.slice(8)]],
      }),
      origins,
      { body },
    );

    // The shell joins the backslash-newline continuations and passes each quoted value as one argument.
    const words = shellWords('sh', command.replace(/^curl /, ''));
    expect(words).toEqual([
      "http://localhost:8001/scenarios/x/broken/data?q='$(id)'",
      '-X',
      'POST',
      '-H',
      header,
      '--data-raw',
      body,
    ]);
  });
});
