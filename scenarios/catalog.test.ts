import { describe, expect, it } from 'vitest';

import {
  categories,
  chromiumReason,
  originSettings,
  originsFromPorts,
  fillConsoleLine,
  isCorsBlock,
  portsFromEnv,
  scenarios,
  variantNames,
  type CorsError,
  type Expectation,
  type Scenario,
  type Variant,
} from './index.ts';

/** HTTP `token`: one or more `tchar`, the grammar of header names and methods. */
const httpToken = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** A placeholder is an identifier in braces, so JSON such as `{"item":"notebook"}` is not one. */
const placeholder = /\{([A-Za-z_][\w-]*)\}/g;

const originNames = Object.keys(originSettings);

/** A console line of a failure that is not CORS's may also name the attempt's URL, page and origin. */
function isConsoleLinePlaceholder(path: string, name: string): boolean {
  return path.includes('.consoleLines[') && ['url', 'page', 'origin'].includes(name);
}

const consoleLineContext = { url: 'http://localhost/u', page: 'http://localhost/p', origin: 'http://localhost' };
const defaultOrigins = originsFromPorts(portsFromEnv({}));

interface StringAt {
  readonly path: string;
  readonly text: string;
}

/** Lists every string value under `value`, each with its property path. */
function stringsIn(value: unknown, path: string): StringAt[] {
  if (typeof value === 'string') return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((item, index) => stringsIn(item, `${path}[${index}]`));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => stringsIn(item, `${path}.${key}`));
  }
  return [];
}

interface HeaderNameAt {
  readonly where: string;
  readonly name: string;
}

/** Lists the header names that a scenario's request, middleware, proxy, diff and outcome mention. */
function headerNamesIn(scenario: Scenario): HeaderNameAt[] {
  const names: HeaderNameAt[] = Object.keys(scenario.request.headers).map((name) => ({ where: 'request', name }));

  for (const variantName of variantNames) {
    const { server, expected } = scenario.variants[variantName];
    for (const step of server.middleware) {
      const where = `${variantName} ${step.kind} middleware`;
      if (step.kind === 'set-headers') {
        names.push(...Object.keys(step.headers).map((name) => ({ where, name })));
      }
      if (step.kind === 'cors') {
        // A variant that demonstrates an unparseable Access-Control-Allow-Headers lists a non-token on purpose.
        const allowed = demonstrates(expected, 'InvalidAllowHeadersPreflightResponse')
          ? []
          : step.settings.allowHeaders;
        const listed = [...(allowed ?? []), ...(step.settings.exposeHeaders ?? [])];
        names.push(...listed.map((name) => ({ where, name })));
      }
    }
    names.push(...Object.keys(server.proxyAddsHeaders).map((name) => ({ where: `${variantName} proxy`, name })));
    if (isCorsBlock(expected.outcome)) {
      const { fault, detail } = expected.outcome;
      if (fault !== undefined && 'header' in fault) names.push({ where: `${variantName} fault`, name: fault.header });
      if (detail.header !== undefined) names.push({ where: `${variantName} detail`, name: detail.header });
    }
  }

  // `:status` is how a diff line names the status code, so it is the one diff entry that is not a header.
  for (const line of scenario.fix.diff) {
    if (line.header !== ':status') names.push({ where: `${line.exchange} diff`, name: line.header });
  }
  return names;
}

function methodsIn(scenario: Scenario): string[] {
  const methods = [scenario.request.method];
  for (const variantName of variantNames) {
    const { server, expected } = scenario.variants[variantName];
    for (const step of server.middleware) {
      // A variant that demonstrates an unparseable Access-Control-Allow-Methods lists a non-token on purpose.
      if (step.kind === 'cors' && !demonstrates(expected, 'InvalidAllowMethodsPreflightResponse')) {
        methods.push(...(step.settings.allowMethods ?? []));
      }
    }
    methods.push(...expected.exchanges.map((exchange) => exchange.method));
  }
  return methods;
}

function demonstrates(expected: Expectation, corsError: CorsError): boolean {
  return isCorsBlock(expected.outcome) && expected.outcome.corsError === corsError;
}

/** Chromium's `corsError` kinds that come from the preflight: `Preflight…` and `…PreflightResponse`. */
function isPreflightError(corsError: CorsError): boolean {
  return corsError.startsWith('Preflight') || corsError.endsWith('PreflightResponse');
}

const scenarioCases = scenarios.map((scenario) => [scenario.id, scenario] as const);

const variantCases = scenarios.flatMap((scenario) =>
  variantNames.map((variantName) => [`${scenario.id} ${variantName}`, scenario.variants[variantName]] as const),
);

const blockedCases = scenarios.flatMap((scenario) =>
  variantNames.flatMap((variantName) => {
    const { outcome, exchanges } = scenario.variants[variantName].expected;
    return isCorsBlock(outcome) ? [[`${scenario.id} ${variantName}`, outcome, exchanges] as const] : [];
  }),
);

const preflightBlockedCases = blockedCases.filter(([, outcome]) => outcome.stage === 'preflight');

describe('catalog', () => {
  it('has at least one scenario', () => {
    expect(scenarios.length).toBeGreaterThan(0);
  });

  it('ids are unique', () => {
    const ids = scenarios.map((scenario) => scenario.id);
    const repeated = ids.filter((id, index) => ids.indexOf(id) !== index);

    expect(repeated).toEqual([]);
  });

  it('has a blocked variant to test', () => {
    expect(blockedCases.length).toBeGreaterThan(0);
  });

  it('has a preflight block to test', () => {
    expect(preflightBlockedCases.length).toBeGreaterThan(0);
  });
});

describe.each(scenarioCases)('scenario %s', (_, scenario) => {
  it('id is kebab-case', () => {
    expect(scenario.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('category is defined', () => {
    expect(Object.keys(categories)).toContain(scenario.category);
  });

  it('has broken and fixed variants', () => {
    expect(Object.keys(scenario.variants).sort()).toEqual([...variantNames].sort());
    expect(scenario.variants.broken, 'broken variant').toBeDefined();
    expect(scenario.variants.fixed, 'fixed variant').toBeDefined();
  });

  // A security fix blocks the attacker's page, which sends the request; the app it serves stays allowed.
  it(scenario.category === 'security' ? "fixed variant blocks the attacker's page" : 'fixed variant is allowed', () => {
    const expected = scenario.category === 'security' ? 'blocked' : 'allowed';
    expect(scenario.variants.fixed.expected.outcome.verdict).toBe(expected);
  });

  it('placeholders name known origins', () => {
    const unknown = stringsIn(scenario, scenario.id).flatMap(({ path, text }) =>
      [...text.matchAll(placeholder)]
        .filter((match) => !originNames.includes(match[1] ?? '') && !isConsoleLinePlaceholder(path, match[1] ?? ''))
        .map((match) => `${path}: ${match[0]}`),
    );

    expect(unknown).toEqual([]);
  });

  it('fillOrigins leaves no placeholder', () => {
    const leftOver = stringsIn(scenario, scenario.id)
      .map(({ path, text }) => ({ path, filled: fillConsoleLine(text, consoleLineContext, defaultOrigins) }))
      .filter(({ filled }) => new RegExp(placeholder.source).test(filled))
      .map(({ path, filled }) => `${path}: ${filled}`);

    expect(leftOver).toEqual([]);
  });

  it('header names are HTTP tokens', () => {
    const invalid = headerNamesIn(scenario).filter(({ name }) => !httpToken.test(name));

    expect(invalid).toEqual([]);
  });

  it('methods are HTTP tokens', () => {
    const invalid = methodsIn(scenario).filter((method) => !httpToken.test(method));

    expect(invalid).toEqual([]);
  });

  it('request path is absolute', () => {
    expect(scenario.request.path.startsWith('/'), scenario.request.path).toBe(true);
  });

  it('request path has no query', () => {
    expect(scenario.request.path).not.toContain('?');
  });

  it('request path has no fragment', () => {
    expect(scenario.request.path).not.toContain('#');
  });

  it('has at least one reference', () => {
    expect(scenario.references.length).toBeGreaterThan(0);
  });

  it.each(scenario.references.map((reference) => [reference.url]))('reference %s is https', (url) => {
    expect(new URL(url).protocol).toBe('https:');
  });
});

describe.each(variantCases)('variant %s', (_, variant: Variant) => {
  it('expects at least one exchange', () => {
    // Only a failure that is not CORS's, or a request mode the page may not use, stops a request before it
    // reaches any server.
    const { outcome } = variant.expected;
    if (outcome.verdict === 'blocked' && (!isCorsBlock(outcome) || outcome.stage === 'request')) return;
    expect(variant.expected.exchanges.length).toBeGreaterThan(0);
  });
});

describe.each(blockedCases)('blocked variant %s', (_, outcome) => {
  it('has a stage', () => {
    expect(['request', 'preflight', 'response', 'redirect']).toContain(outcome.stage);
  });

  it('has a corsError', () => {
    expect(outcome.corsError).toBeTruthy();
  });

  it('corsError has a console message', () => {
    expect(() => chromiumReason({ initiator: 'fetch', corsError: outcome.corsError, ...outcome.detail })).not.toThrow();
  });

  // In this catalog a redirected preflight is still stage `preflight`, so `preflight` is the only
  // stage whose cause sits on the OPTIONS exchange. `redirect` is for a redirect of the actual request.
  it('fault on preflight iff stage preflight', () => {
    expect(outcome.fault?.exchange === 'preflight').toBe(outcome.stage === 'preflight');
  });

  it('preflight corsError iff stage preflight', () => {
    expect(isPreflightError(outcome.corsError), outcome.corsError).toBe(outcome.stage === 'preflight');
  });
});

describe.each(preflightBlockedCases)('blocked at preflight %s', (_, _outcome, exchanges) => {
  // A redirect may come before the preflight that fails, but nothing goes out after it.
  it('ends with an OPTIONS', () => {
    expect(exchanges.at(-1)?.method).toBe('OPTIONS');
  });
});
