/**
 * Renders a variant's server behaviour as the code a learner would write: a Hono app, and the reverse
 * proxy's configuration when the request goes through the proxy.
 */
import {
  assertNever,
  fillOrigins,
  type CorsSettings,
  type Middleware,
  type OriginMap,
  type OriginPattern,
  type RawBody,
  type RouteResponse,
  type Scenario,
  type VariantName,
} from '../scenarios/index.ts';
import { originPatternCode } from '../scenarios/origin-pattern.ts';

export interface CodeBlock {
  readonly title: string;
  readonly language: 'typescript' | 'nginx';
  readonly code: string;
}

/** Options that fit on one `cors({ ... })` line up to this many characters; longer ones get a line each. */
const maxLineLength = 90;

export function serverCodeBlocks(scenario: Scenario, variantName: VariantName, origins: OriginMap): CodeBlock[] {
  const { request } = scenario;
  const server = scenario.variants[variantName].server;
  const movedTo = server.middleware.find((step) => step.kind === 'redirect-to-server');
  const appTitle =
    request.target === 'proxy'
      ? `Hono app behind the proxy, at ${origins.api}`
      : movedTo === undefined
        ? `Hono app at ${origins[request.target]}`
        : `Hono app at ${origins[request.target]} and at ${origins[movedTo.server]}`;

  const blocks: CodeBlock[] = [
    {
      title: appTitle,
      language: 'typescript',
      code: honoApp(scenario, variantName, origins),
    },
  ];
  if (request.target === 'proxy' || Object.keys(server.proxyAddsHeaders).length > 0) {
    blocks.push({
      title: `Reverse proxy at ${origins.proxy}`,
      language: 'nginx',
      code: proxyConfig(server.proxyAddsHeaders, origins, server.proxyCaches === true),
    });
  }
  return blocks;
}

function honoApp(scenario: Scenario, variantName: VariantName, origins: OriginMap): string {
  const { middleware, response, routeFirst } = scenario.variants[variantName].server;
  const { method, path } = scenario.variants[variantName].request;
  const usesCors = middleware.some(
    (step) => step.kind === 'cors' || step.kind === 'cors-changing-per-preflight' || step.kind === 'cors-origin-check',
  );

  const imports = [`import { Hono } from 'hono';`];
  if (usesCors) imports.push(`import { cors } from 'hono/cors';`);
  if (middleware.some((step) => step.kind === 'csrf')) imports.push(`import { csrf } from 'hono/csrf';`);

  const steps =
    middleware.length === 0
      ? ['// No CORS middleware, so responses carry no Access-Control-* headers.']
      : middleware.map((step, index) =>
          middlewareCode(step, origins, { afterCors: middleware.slice(0, index).some(({ kind }) => kind === 'cors') }),
        );

  const route = [
    `// The playground serves this app below /scenarios/${scenario.id}/${variantName}.`,
    routeCode(method, path, response, origins),
  ].join('\n');
  const body = routeFirst
    ? [`${route}\n\n// Registered after the route, so it never runs for requests the route answers.`, ...steps]
    : [...steps, route];

  return [imports.join('\n'), 'const app = new Hono();', ...body].join('\n\n');
}

/** Renders the route handler, with the headers it sets itself. */
function routeCode(method: string, path: string, response: RouteResponse, origins: OriginMap): string {
  const status = response.status === 200 ? '' : `, ${response.status}`;
  const json =
    response.raw === undefined
      ? `c.json(${jsLiteral(response.body)}${status})`
      : `c.body(${rawBodyCode(response.raw)}, ${response.status}, { 'Content-Type': ${jsString(response.raw.contentType)} })`;
  const headers = Object.entries(response.headers);
  if (headers.length === 0) return `app.${method.toLowerCase()}('${path}', (c) => ${json});`;
  return [
    `app.${method.toLowerCase()}('${path}', (c) => {`,
    ...headers.map(([name, value]) => `  c.header(${jsString(name)}, ${jsString(fillOrigins(value, origins))});`),
    `  return ${json};`,
    '});',
  ].join('\n');
}

/** Renders a raw body: the text itself, or binary data decoded from base64, shortened for reading. */
function rawBodyCode(raw: RawBody): string {
  if (raw.encoding !== 'base64') return jsString(raw.text);
  const bytes = Math.floor((raw.text.length * 3) / 4) - (raw.text.match(/=+$/)?.[0].length ?? 0);
  return `Buffer.from(${jsString(`${raw.text.slice(0, 24)}…`)}, 'base64') /* ${bytes} bytes, shortened here */`;
}

/** The position of a middleware step in its chain. */
export interface ChainPosition {
  /** Whether a `cors()` step comes earlier in the chain, and so responds to OPTIONS preflights before this step runs. */
  readonly afterCors: boolean;
}

/** Renders one middleware step as a Hono `app.use(...)` statement. */
export function middlewareCode(step: Middleware, origins: OriginMap, { afterCors }: ChainPosition): string {
  switch (step.kind) {
    case 'cors':
      return `app.use(${corsCall(step.settings, origins)});`;
    case 'set-headers': {
      const lines = Object.entries(step.headers).map(
        ([name, value]) => `  c.header(${jsString(name)}, ${jsString(fillOrigins(value, origins))});`,
      );
      return ['app.use(async (c, next) => {', '  await next();', ...lines, '});'].join('\n');
    }
    case 'require-authorization':
      return [
        ...(afterCors
          ? [
              '// Rejects every request without an Authorization header.',
              '// cors() above responds to OPTIONS preflights before this runs.',
            ]
          : [
              '// Rejects every request without an Authorization header, OPTIONS preflights too,',
              '// because a preflight never carries one.',
            ]),
        'app.use(async (c, next) => {',
        "  if (c.req.header('Authorization') === undefined) {",
        "    c.header('WWW-Authenticate', 'Bearer');",
        "    return c.json({ error: 'Missing Authorization header' }, 401);",
        '  }',
        '  await next();',
        '});',
      ].join('\n');
    case 'redirect-to-trailing-slash':
      return [
        '// Redirects every path without a trailing slash to the same path with one, keeping the query.',
        'app.use(async (c, next) => {',
        '  const url = new URL(c.req.url);',
        "  if (!url.pathname.endsWith('/')) {",
        `    return c.redirect(\`\${url.pathname}/\${url.search}\`, ${step.status});`,
        '  }',
        '  await next();',
        '});',
      ].join('\n');
    case 'answer-options': {
      const lines = Object.entries(step.headers).map(
        ([name, value]) => `    c.header(${jsString(name)}, ${jsString(fillOrigins(value, origins))});`,
      );
      return [
        '// Answers preflights by hand; other responses get no CORS headers.',
        'app.use(async (c, next) => {',
        "  if (c.req.method === 'OPTIONS') {",
        ...lines,
        '    return c.body(null, 204);',
        '  }',
        '  await next();',
        '});',
      ].join('\n');
    }
    case 'cors-changing-per-preflight':
      return [
        "// The playground's stand-in for an administrator who changes the policy between two sends:",
        '// each preflight of an attempt moves it to the next policy. In a real app it is a config reload.',
        'const policies = [',
        ...step.policies.map((settings) => `  ${corsCall(settings, origins).replace(/\n/g, '\n  ')},`),
        '];',
        'const preflights = new Map<string, number>();',
        'app.use(async (c, next) => {',
        "  const attempt = c.req.query('trace') ?? '';",
        '  const seen = preflights.get(attempt) ?? 0;',
        "  if (c.req.method === 'OPTIONS') preflights.set(attempt, seen + 1);",
        '  return policies[Math.min(seen, policies.length - 1)](c, next);',
        '});',
      ].join('\n');
    case 'echo-allowed-origin': {
      const allowed = jsArray(step.allowed, (template) => jsString(fillOrigins(template, origins)));
      return [
        '// Hand-written CORS: echoes the Origin when the list allows it.',
        `const allowed = ${allowed};`,
        'app.use(async (c, next) => {',
        '  await next();',
        "  const origin = c.req.header('Origin');",
        "  if (origin !== undefined && allowed.includes(origin)) c.header('Access-Control-Allow-Origin', origin);",
        ...(step.varyOrigin
          ? [
              '  // Every response depends on Origin, so a cache must keep one copy per Origin.',
              "  c.header('Vary', 'Origin', { append: true });",
            ]
          : ['  // No Vary: Origin, so a shared cache keeps one copy for every Origin.']),
        '});',
      ].join('\n');
    }
    case 'close-connection':
      return [
        '// Closes the connection without a response, as a crash mid-request does: no status, no headers.',
        'app.use(async (c) => {',
        '  c.env.incoming.socket.destroy();',
        '  return c.body(null);',
        '});',
      ].join('\n');
    case 'redirect-to-server': {
      const target = origins[step.server];
      const location = step.userinfo === undefined ? target : target.replace('://', `://${step.userinfo}@`);
      return [
        `// Sends every request on to the same path at ${target}, which runs this same app.`,
        'app.use(async (c, next) => {',
        '  const url = new URL(c.req.url);',
        `  if (url.origin === ${jsString(target)}) return next();`,
        `  return c.redirect(\`${location}\${url.pathname}\${url.search}\`, ${step.status});`,
        '});',
      ].join('\n');
    }
    case 'cors-origin-check':
      return `app.use(${originCheckCorsCall(step.exact, step.pattern, step.settings, origins)});`;
    case 'websocket-origin-check':
      return [
        "// The WebSocket server beside the app, from the 'ws' package. Browsers send Origin with the",
        '// handshake but never check the answer, so the server must refuse other origins itself.',
        `const allowed = ${jsArray(step.origin, (template) => jsString(fillOrigins(template, origins)))};`,
        'const sockets = new WebSocketServer({',
        '  server,',
        "  verifyClient: ({ origin }, done) => done(allowed.includes(origin), 403, 'Origin not allowed'),",
        '});',
      ].join('\n');
    case 'csrf':
      return [
        '// Rejects with 403 a POST, PUT, PATCH or DELETE with a form or text/plain body from any other origin.',
        `app.use(csrf({ origin: ${jsArray(step.origin, (template) => jsString(fillOrigins(template, origins)))} }));`,
      ].join('\n');
    default:
      return assertNever(step);
  }
}

/** Renders a `cors({ ... })` call, with the options in the order `CorsSettings` declares them. */
export function corsCall(settings: CorsSettings, origins: OriginMap): string {
  const fill = (template: string) => jsString(fillOrigins(template, origins));
  const origin = typeof settings.origin === 'string' ? fill(settings.origin) : jsArray(settings.origin, fill);
  return corsCallWithOrigin(origin, settings);
}

/**
 * Renders a `cors({ ... })` call whose origin option is a function: it echoes the request's Origin when the
 * exact list or the pattern passes it, as a hand-written allowlist does.
 */
export function originCheckCorsCall(
  exact: readonly string[],
  pattern: OriginPattern | undefined,
  settings: Omit<CorsSettings, 'origin'>,
  origins: OriginMap,
): string {
  if (pattern?.kind === 'any') return corsCallWithOrigin('(origin) => origin', settings);
  const fill = (template: string) => jsString(fillOrigins(template, origins));
  const conditions = [
    ...(exact.length === 0 ? [] : [`${jsArray(exact, fill)}.includes(origin)`]),
    ...(pattern === undefined ? [] : [originPatternCode(pattern, origins)]),
  ];
  const test = conditions.length === 0 ? 'false' : conditions.join(' || ');
  return corsCallWithOrigin(`(origin) => (${test} ? origin : null)`, settings);
}

function corsCallWithOrigin(origin: string, settings: Omit<CorsSettings, 'origin'>): string {
  const options: string[] = [`origin: ${origin}`];
  if (settings.allowMethods !== undefined) options.push(`allowMethods: ${jsArray(settings.allowMethods, jsString)}`);
  if (settings.allowHeaders !== undefined) options.push(`allowHeaders: ${jsArray(settings.allowHeaders, jsString)}`);
  if (settings.exposeHeaders !== undefined) options.push(`exposeHeaders: ${jsArray(settings.exposeHeaders, jsString)}`);
  if (settings.credentials !== undefined) options.push(`credentials: ${settings.credentials}`);
  if (settings.maxAge !== undefined) options.push(`maxAge: ${settings.maxAge}`);

  const oneLine = `cors({ ${options.join(', ')} })`;
  if (oneLine.length + 'app.use();'.length <= maxLineLength) return oneLine;
  return `cors({\n${options.map((option) => `  ${option},`).join('\n')}\n})`;
}

/**
 * Renders the proxy as an nginx `location` block, with one `add_header` line per header the proxy adds.
 * The lines have no `always`, so nginx adds the headers to 2xx and 3xx responses only, as the playground's proxy does.
 */
export function proxyConfig(headers: Readonly<Record<string, string>>, origins: OriginMap, caches = false): string {
  const addHeaders = Object.entries(headers).map(
    ([name, value]) => `    add_header ${name} "${fillOrigins(value, origins)}";`,
  );
  const body =
    addHeaders.length === 0 ? ['    # No add_header lines: the app alone sends the CORS headers.'] : addHeaders;
  if (!caches) return ['location / {', `    proxy_pass ${origins.api};`, ...body, '}'].join('\n');
  return [
    'proxy_cache_path /var/cache/nginx keys_zone=api:10m;',
    '',
    'location / {',
    `    proxy_pass ${origins.api};`,
    '    # A shared cache keyed by URL, as a CDN is. It stores what Cache-Control lets a shared cache',
    '    # store, and keeps one copy per value of each request header that the response names in Vary.',
    '    proxy_cache api;',
    '    add_header X-Cache $upstream_cache_status;',
    ...body,
    '}',
  ].join('\n');
}

/** Renders a JSON value as a JavaScript literal in the project's style: single quotes, bare keys. */
export function jsLiteral(value: unknown): string {
  if (typeof value === 'string') return jsString(value);
  if (Array.isArray(value)) return jsArray(value, jsLiteral);
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).map(([key, item]) => `${jsKey(key)}: ${jsLiteral(item)}`);
    return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

function jsArray<T>(items: readonly T[], render: (item: T) => string): string {
  return `[${items.map(render).join(', ')}]`;
}

function jsString(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
}

function jsKey(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : jsString(key);
}
