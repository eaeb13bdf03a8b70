import { describe, expect, test } from 'vitest';

import { scenarios } from '../scenarios/index.ts';
import { corsCall, jsLiteral, middlewareCode, proxyConfig, serverCodeBlocks } from './server-code.ts';
import { defaultOrigins, scenarioById } from './test-catalog.ts';

const origins = defaultOrigins;

describe('corsCall', () => {
  test('fills origins on one line', () => {
    expect(corsCall({ origin: ['{app}'], credentials: true }, origins)).toBe(
      "cors({ origin: ['http://localhost:5173'], credentials: true })",
    );
  });

  test('keeps the wildcard a string', () => {
    expect(corsCall({ origin: '*' }, origins)).toBe("cors({ origin: '*' })");
  });

  test('long options get a line each', () => {
    const code = corsCall(
      { origin: ['{app}'], allowMethods: ['GET', 'POST', 'PUT'], allowHeaders: ['Authorization'] },
      origins,
    );

    expect(code).toBe(
      [
        'cors({',
        "  origin: ['http://localhost:5173'],",
        "  allowMethods: ['GET', 'POST', 'PUT'],",
        "  allowHeaders: ['Authorization'],",
        '})',
      ].join('\n'),
    );
  });
});

describe('middlewareCode', () => {
  const first = { afterCors: false };

  test('set-headers uses c.header', () => {
    const code = middlewareCode(
      { kind: 'set-headers', headers: { 'Access-Control-Allow-Origin': '{app}/' } },
      origins,
      first,
    );

    expect(code).toContain("c.header('Access-Control-Allow-Origin', 'http://localhost:5173/');");
  });

  test('require-authorization answers 401', () => {
    expect(middlewareCode({ kind: 'require-authorization' }, origins, first)).toContain(
      "return c.json({ error: 'Missing Authorization header' }, 401);",
    );
  });

  test('auth before cors rejects preflights', () => {
    const code = middlewareCode({ kind: 'require-authorization' }, origins, first);

    expect(code).toContain('OPTIONS preflights too');
    expect(code).not.toContain('cors() above');
  });

  test('auth after cors names cors()', () => {
    const code = middlewareCode({ kind: 'require-authorization' }, origins, { afterCors: true });

    expect(code).toContain('// cors() above responds to OPTIONS preflights before this runs.');
    expect(code).not.toContain('preflights too');
  });

  test('redirect to another server passes through there', () => {
    const code = middlewareCode({ kind: 'redirect-to-server', server: 'partner', status: 307 }, origins, first);

    expect(code).toContain("if (url.origin === 'http://partner.localhost:8003') return next();");
    expect(code).toContain('return c.redirect(`http://partner.localhost:8003${url.pathname}${url.search}`, 307);');
  });

  test('redirect userinfo goes into the location', () => {
    const code = middlewareCode(
      { kind: 'redirect-to-server', server: 'partner', status: 302, userinfo: 'reports:s3cret' },
      origins,
      first,
    );

    expect(code).toContain('c.redirect(`http://reports:s3cret@partner.localhost:8003${url.pathname}');
  });

  test('redirect uses the catalog status', () => {
    expect(middlewareCode({ kind: 'redirect-to-trailing-slash', status: 307 }, origins, first)).toContain(
      'return c.redirect(`${url.pathname}/${url.search}`, 307);',
    );
  });

  test('origin check renders the allowlist', () => {
    const code = middlewareCode(
      {
        kind: 'cors-origin-check',
        exact: ['{app}'],
        pattern: { kind: 'ends-with', text: '{partner.host}' },
        settings: { credentials: true },
      },
      origins,
      first,
    );

    expect(code).toContain(
      "origin: (origin) => (['http://localhost:5173'].includes(origin) || origin.endsWith('partner.localhost:8003') ? origin : null)",
    );
    expect(code).toContain('credentials: true');
  });

  test('origin check that reflects any origin', () => {
    const step = { kind: 'cors-origin-check', exact: [], pattern: { kind: 'any' }, settings: {} } as const;

    expect(middlewareCode(step, origins, first)).toBe('app.use(cors({ origin: (origin) => origin }));');
  });

  test('csrf lists the allowed origins', () => {
    expect(middlewareCode({ kind: 'csrf', origin: ['{app}'] }, origins, first)).toContain(
      "app.use(csrf({ origin: ['http://localhost:5173'] }));",
    );
  });
});

describe('serverCodeBlocks', () => {
  test('middleware in catalog order', () => {
    const [app] = serverCodeBlocks(scenarioById('auth-before-cors'), 'broken', origins);
    const code = app?.code ?? '';

    expect(code.indexOf("c.req.header('Authorization') === undefined")).toBeLessThan(code.indexOf('app.use(cors('));
  });

  test.each([
    ['auth-before-cors', 'broken', 'OPTIONS preflights too'],
    ['auth-before-cors', 'fixed', 'cors() above responds to OPTIONS preflights'],
    ['preflight-unauthorized', 'broken', 'OPTIONS preflights too'],
    ['preflight-unauthorized', 'fixed', 'cors() above responds to OPTIONS preflights'],
  ] as const)('%s %s auth comment', (id, variant, comment) => {
    const [app] = serverCodeBlocks(scenarioById(id), variant, origins);

    expect(app?.code).toContain(comment);
  });

  test('no middleware says so', () => {
    const [app] = serverCodeBlocks(scenarioById('missing-allow-origin'), 'broken', origins);

    expect(app?.code).toContain('// No CORS middleware');
    expect(app?.code).not.toContain("from 'hono/cors'");
  });

  test('route with status and body', () => {
    const [app] = serverCodeBlocks(scenarioById('header-not-allowed'), 'fixed', origins);

    expect(app?.code).toContain("app.post('/orders', (c) => c.json({ id: 43, item: 'notebook', quantity: 2 }, 201));");
  });

  test('proxy target adds proxy config', () => {
    const blocks = serverCodeBlocks(scenarioById('duplicate-allow-origin'), 'broken', origins);

    expect(blocks.map((block) => block.language)).toEqual(['typescript', 'nginx']);
    expect(blocks[1]?.code).toContain('add_header Access-Control-Allow-Origin "http://localhost:5173";');
  });

  test('route first comes before middleware', () => {
    const code = serverCodeBlocks(scenarioById('route-before-cors'), 'broken', origins)[0]?.code ?? '';

    expect(code.indexOf("app.get('/data'")).toBeGreaterThan(-1);
    expect(code.indexOf("app.get('/data'")).toBeLessThan(code.indexOf('app.use(cors('));
    expect(code).toContain('Registered after the route');
  });

  test('route headers are set in the handler', () => {
    const code = serverCodeBlocks(scenarioById('preflight-without-allow-origin'), 'broken', origins)[0]?.code ?? '';

    expect(code).toContain(
      ["app.put('/orders/42', (c) => {", "  c.header('Access-Control-Allow-Origin', 'http://localhost:5173');"].join(
        '\n',
      ),
    );
  });

  test('answer-options returns 204 for OPTIONS', () => {
    const code = serverCodeBlocks(scenarioById('actual-without-allow-origin'), 'broken', origins)[0]?.code ?? '';

    expect(code).toContain("if (c.req.method === 'OPTIONS') {");
    expect(code).toContain("    c.header('Access-Control-Allow-Methods', 'PUT');");
    expect(code).toContain('    return c.body(null, 204);');
  });

  test('direct target has no proxy config', () => {
    expect(serverCodeBlocks(scenarioById('method-not-allowed'), 'fixed', origins)).toHaveLength(1);
  });

  test('every variant renders without placeholders', () => {
    for (const row of scenarios) {
      for (const variant of ['broken', 'fixed'] as const) {
        for (const block of serverCodeBlocks(row, variant, origins)) {
          expect(block.code, `${row.id} ${variant}`).not.toMatch(/\{(app|api|proxy|partner)\}/);
        }
      }
    }
  });
});

describe('proxyConfig', () => {
  test('without headers says the app owns them', () => {
    expect(proxyConfig({}, origins)).toContain('# No add_header lines');
  });
});

describe('jsLiteral', () => {
  test.each([
    [{ message: 'Hello' }, "{ message: 'Hello' }"],
    [{ 'content-type': "it's" }, "{ 'content-type': 'it\\'s' }"],
    [[1, null, true], '[1, null, true]'],
    [{}, '{}'],
  ])('%j', (value, expected) => {
    expect(jsLiteral(value)).toBe(expected);
  });
});

describe('route with a raw body', () => {
  test('sends the text with its content type', () => {
    const code = serverCodeBlocks(scenarioById('module-script-missing-allow-origin'), 'broken', origins)
      .map((block) => block.code)
      .join('\n');

    expect(code).toContain(
      "c.body('export const greeting = \\'Hello from the API\\';\\n', 200, { 'Content-Type': 'text/javascript' })",
    );
  });
});

describe('policy that changes per preflight', () => {
  test('lists each policy and the switch', () => {
    const code = middlewareCode(
      {
        kind: 'cors-changing-per-preflight',
        policies: [
          { origin: ['{app}'], allowMethods: ['DELETE'], maxAge: 7200 },
          { origin: ['{app}'], allowMethods: ['GET'] },
        ],
      },
      origins,
      { afterCors: false },
    );

    expect(code).toContain("    allowMethods: ['DELETE'],\n    maxAge: 7200,\n  }),");
    expect(code).toContain("  cors({ origin: ['http://localhost:5173'], allowMethods: ['GET'] }),");
    expect(code).toContain('return policies[Math.min(seen, policies.length - 1)](c, next);');
  });

  test('imports cors for the app', () => {
    const [app] = serverCodeBlocks(scenarioById('max-age-keeps-revoked-permission'), 'broken', origins);

    expect(app?.code).toContain("import { cors } from 'hono/cors';");
  });
});
