/**
 * The case format: one request a page makes and the answers the lab server gives it, hop by hop.
 * This zod schema is the single definition: it gives the TypeScript types, validates untrusted
 * input (case files, links, lab URLs), and generates the committed `case.schema.json`.
 */
import { z } from 'zod';
import { serverNames, type ServerName } from '../origins.ts';
import type { RequestInitiator } from '../types.ts';
import { caseLimits as limits } from './limits.ts';

export { caseLimits } from './limits.ts';

/** A header name is an HTTP token (RFC 9110, section 5.1). */
const tokenPattern = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const tokenCharacters = "letters, digits and !#$%&'*+-.^_`|~";

/**
 * Printable ASCII and tab only: CR, LF and NUL would split or end the header line, and Node
 * rejects characters above U+00FF in a header value.
 */
const headerValuePattern = /^[\t\x20-\x7e]*$/;

const headerName = z
  .string()
  .min(1, { error: `A header name must not be empty: use ${tokenCharacters}.` })
  .max(limits.headerNameLength, { error: `A header name has at most ${limits.headerNameLength} characters.` })
  .regex(tokenPattern, { error: `A header name is a token: only ${tokenCharacters}, with no spaces or colons.` });

const headerValue = z
  .string()
  .max(limits.headerValueLength, {
    error: `A header value has at most ${limits.headerValueLength} characters.`,
  })
  .regex(headerValuePattern, {
    error: 'A header value contains only printable ASCII and tabs: no CR, LF, NUL or other control characters.',
  });

/** A header as a `[name, value]` pair. A list of pairs keeps order and repeated names, as the wire does. */
const headerPair = z.tuple([headerName, headerValue]);

/**
 * The origin of the page that sends the request: one of the playground's origins, or `null`, a
 * sandboxed iframe whose opaque origin makes the browser send `Origin: null`.
 */
export type PageOrigin = 'app' | 'attacker' | ServerName | 'null';
export const pageOriginNames = [
  'app',
  'api',
  'proxy',
  'partner',
  'attacker',
  'null',
] as const satisfies readonly PageOrigin[];

/**
 * A host name that the playground's Chromium resolves to the loopback address: `localhost` or a name
 * under it, which every browser resolves so, or a name under `.test`, which the Chromium flags in
 * `e2e/chromium.ts` map there. Both top-level names are reserved (RFC 6761), so none is a real site.
 */
const loopbackHostPattern =
  /^(([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.){0,4}localhost|([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.){1,4}test)$/;

const serverNameList = serverNames as [ServerName, ...ServerName[]];

export const initiators = [
  'fetch',
  'xhr',
  'image',
  'module-script',
  'event-source',
  'beacon',
  'font',
  'stylesheet',
  'audio',
] as const satisfies readonly RequestInitiator[];
export const credentialsModes = ['omit', 'same-origin', 'include'] as const;
export const requestModes = ['cors', 'no-cors', 'same-origin'] as const;
export const redirectModes = ['follow', 'error', 'manual'] as const;

const requestSchema = z
  .object({
    pageOrigin: z.enum(pageOriginNames).meta({
      description:
        "Origin of the page that sends the request: one of the playground's origins, or null for an opaque origin (a sandboxed iframe).",
    }),
    pageHost: z
      .string()
      .max(100, { error: 'A page host has at most 100 characters.' })
      .regex(loopbackHostPattern, {
        error:
          'A page host is localhost, or a lowercase name under .localhost or .test, such as evil.localhost or api.test.',
      })
      .optional()
      .meta({
        description:
          "Host name of the page in place of its origin's own, on the same port: localhost puts the attacker's page on the app's site, and evilpartner.localhost makes a look-alike of the partner.",
      }),
    target: z.enum(serverNameList).meta({ description: 'Server the request goes to.' }),
    initiator: z
      .enum(initiators)
      .default('fetch')
      .meta({ description: 'API that sends the request from the page. Default: fetch.' }),
    method: z
      .string()
      .min(1, { error: 'The method must not be empty: use a token such as GET, POST or PUT.' })
      .max(limits.methodLength, { error: `A method has at most ${limits.methodLength} characters.` })
      .regex(tokenPattern, { error: `A method is a token: only ${tokenCharacters}.` })
      .default('GET'),
    headers: z
      .array(headerPair)
      .max(limits.headerCount, { error: `A request has at most ${limits.headerCount} headers.` })
      .default([])
      .meta({
        description:
          'Request headers the page sets, as [name, value] pairs. The content type is the Content-Type header, as in fetch().',
      }),
    body: z
      .string()
      .max(limits.bodyLength, { error: `A request body has at most ${limits.bodyLength} characters.` })
      .optional()
      .meta({
        description:
          'Text body. Without a Content-Type header, fetch() sends it as text/plain;charset=UTF-8. Ignored for GET and HEAD.',
      }),
    credentials: z.enum(credentialsModes).default('same-origin'),
    mode: z.enum(requestModes).default('cors'),
    redirect: z.enum(redirectModes).default('follow'),
  })
  .strict()
  .superRefine((request, context) => {
    if (request.pageHost !== undefined && request.pageOrigin === 'null') {
      context.addIssue({
        code: 'custom',
        path: ['pageHost'],
        message: 'An opaque origin has no host: remove pageHost, or pick a pageOrigin other than "null".',
      });
    }
  });

/**
 * Response headers a case may not compose. Connection-level and length headers belong to the
 * server. The others act outside CORS: on a page opened at the lab URL they could redirect it
 * elsewhere, or change how the browser treats the playground's origins long after the case ran.
 */
export const reservedResponseHeaders: Readonly<Record<string, string>> = {
  connection: 'the server manages the connection',
  'keep-alive': 'the server manages the connection',
  'transfer-encoding': 'the server frames the body',
  'content-length': 'the server computes it from the body',
  'content-encoding': 'the lab sends bodies unencoded',
  trailer: 'the server frames the body',
  te: 'it is a request header',
  upgrade: 'the server manages the connection',
  location: "compose a redirect with the answer's location field",
  refresh: 'it could send a page opened at the lab URL to any address',
  'content-security-policy': 'the lab sends its own, which keeps a page opened at the lab URL inert',
  'strict-transport-security': "it would change how the browser treats the playground's origins",
  'clear-site-data': "it would clear the browser's data for the playground's origins",
  'alt-svc': "it would change how the browser connects to the playground's origins",
  'service-worker-allowed': 'it changes service worker scopes, which the lab does not use',
};

/** Only these statuses redirect (Fetch Standard: redirect status). */
export const redirectStatuses = [301, 302, 303, 307, 308] as const;

/** Statuses whose response has no body, so the Fetch API rejects a body for them (Fetch Standard: null body status). */
export const nullBodyStatuses: ReadonlySet<number> = new Set([101, 103, 204, 205, 304]);

const locationSchema = z
  .object({
    target: z
      .enum(serverNameList)
      .meta({ description: 'Server the Location header points at: the lab URL of the next hop on that server.' }),
    userinfo: z
      .string()
      .regex(/^[A-Za-z0-9._~-]{1,32}(:[A-Za-z0-9._~-]{0,32})?$/, {
        error: 'userinfo is user or user:password, each at most 32 letters, digits or . _ ~ -, such as user:secret.',
      })
      .optional()
      .meta({ description: 'User name and password to put into the Location URL, as user:password.' }),
  })
  .strict()
  .meta({
    description:
      "Where a redirect points. The lab builds the URL itself, always on one of the playground's origins, so a Location never leads elsewhere.",
  });

const answerFields = {
  status: z
    .number({ error: 'The status is a whole number from 200 to 599.' })
    .int({ error: 'The status is a whole number from 200 to 599.' })
    // 1xx statuses are interim responses in HTTP, so no server can send one as its answer.
    .min(200, { error: 'The status is at least 200: a 1xx status is an interim response, never an answer.' })
    .max(599, { error: 'The status is at most 599.' }),
  headers: z
    .array(headerPair)
    .max(limits.headerCount, { error: `An answer has at most ${limits.headerCount} headers.` })
    .default([])
    .meta({
      description:
        'Response headers as [name, value] pairs, sent in this order. Values may contain {app}, {api}, {proxy} and {partner}, which stand for those origins.',
    }),
  body: z
    .string()
    .max(limits.answerBodyLength, { error: `An answer body has at most ${limits.answerBodyLength} characters.` })
    .optional()
    .meta({ description: 'Response body as text; give its type in a Content-Type header.' }),
  bodyEncoding: z
    .enum(['base64'])
    .optional()
    .meta({ description: 'base64 when body holds binary data, such as a font or a sound, encoded in base64.' }),
};

const answerSchema = z
  .object({ ...answerFields, location: locationSchema.optional() })
  .strict()
  .superRefine(checkAnswer)
  .meta({ description: 'A status and headers, with an optional body and, for a 3xx status, a Location.' });

const redirectSchema = z
  .object({
    ...answerFields,
    location: locationSchema,
    preflight: answerSchema.optional().meta({
      description:
        "Answer to a preflight for this redirect's Location, where the browser sends a new one. Default: the case's preflight.",
    }),
  })
  .strict()
  .superRefine(checkAnswer)
  .superRefine((answer, context) => {
    if (!(redirectStatuses as readonly number[]).includes(answer.status)) {
      context.addIssue({
        code: 'custom',
        path: ['status'],
        message: `A redirect hop needs a redirect status: one of ${redirectStatuses.join(', ')}.`,
      });
    }
  })
  .meta({ description: 'A redirect hop: a 3xx status with a Location.' });

interface AnswerFields {
  status: number;
  headers: readonly (readonly [string, string])[];
  body?: string | undefined;
  bodyEncoding?: 'base64' | undefined;
}

/**
 * Paths a case's cookie may name. Cookies ignore ports, so a cookie for `localhost` with `Path=/` would
 * reach the app and every server's own endpoints, and enough of them would make each of those requests too
 * large for Node (431). Under these paths, the playground's pages and records stay out of reach.
 */
export const cookiePathPrefixes = ['/lab', '/scenarios/'] as const;

/** Says what is wrong with a Set-Cookie value's scope, or returns undefined when it is fine. */
function cookieScopeProblem(value: string): string | undefined {
  for (const attribute of value.split(';').slice(1)) {
    const [rawName = '', ...rest] = attribute.split('=');
    const name = rawName.trim().toLowerCase();
    if (name === 'domain') {
      return 'A case may not set a cookie with a Domain attribute, because the cookie would reach the other servers of that domain.';
    }
    const path = rest.join('=').trim();
    if (name === 'path' && !cookiePathPrefixes.some((prefix) => path.startsWith(prefix))) {
      return (
        `A case's cookie Path must start with ${cookiePathPrefixes.join(' or ')}, not ${JSON.stringify(path)}, ` +
        "so that it never reaches the playground's own pages. Leave Path out to scope it to the lab URL."
      );
    }
  }
  return undefined;
}

function checkAnswer(answer: AnswerFields, context: z.RefinementCtx): void {
  answer.headers.forEach(([name, value], index) => {
    const reason = reservedResponseHeaders[name.toLowerCase()];
    if (reason !== undefined) {
      context.addIssue({
        code: 'custom',
        path: ['headers', index, 0],
        message: `A case may not set the ${name} header, because ${reason}.`,
      });
    }
    const cookieProblem = name.toLowerCase() === 'set-cookie' ? cookieScopeProblem(value) : undefined;
    if (cookieProblem !== undefined) {
      context.addIssue({ code: 'custom', path: ['headers', index, 1], message: cookieProblem });
    }
  });
  if (answer.body !== undefined && answer.body !== '' && nullBodyStatuses.has(answer.status)) {
    context.addIssue({
      code: 'custom',
      path: ['body'],
      message: `A ${answer.status} response has no body: remove the body or use another status, such as 200.`,
    });
  }
  if (answer.bodyEncoding === 'base64' && !isBase64(answer.body ?? '')) {
    context.addIssue({
      code: 'custom',
      path: ['body'],
      message: 'With bodyEncoding base64, the body is base64 text: A-Z, a-z, 0-9, + and /, with = padding at the end.',
    });
  }
}

function isBase64(text: string): boolean {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return false;
  try {
    atob(text);
    return true;
  } catch {
    return false;
  }
}

const answersSchema = z
  .object({
    preflight: answerSchema.optional().meta({
      description:
        'Answer to OPTIONS at the URL the page requests, and at each redirect target without a preflight of its own. When absent, OPTIONS gets 404 with no CORS headers, as from a server with no OPTIONS route.',
    }),
    redirects: z
      .array(redirectSchema)
      .max(limits.redirectCount, { error: `A case has at most ${limits.redirectCount} redirect hops.` })
      .default([])
      .meta({ description: 'Redirect hops, in order, before the response.' }),
    response: answerSchema.meta({ description: 'Answer to the actual request after the last redirect.' }),
  })
  .strict();

export const expectedVerdicts = ['allowed', 'blocked', 'opaque'] as const;
export const expectedStages = ['preflight', 'response', 'redirect', 'construction', 'request'] as const;

/** DevTools `corsErrorStatus.corsError` values a case may expect. */
export const expectedCorsErrors = [
  'MissingAllowOriginHeader',
  'MultipleAllowOriginValues',
  'InvalidAllowOriginValue',
  'AllowOriginMismatch',
  'WildcardOriginNotAllowed',
  'InvalidAllowCredentials',
  'PreflightInvalidStatus',
  'PreflightDisallowedRedirect',
  'PreflightMissingAllowOriginHeader',
  'PreflightMultipleAllowOriginValues',
  'PreflightInvalidAllowOriginValue',
  'PreflightAllowOriginMismatch',
  'PreflightWildcardOriginNotAllowed',
  'PreflightInvalidAllowCredentials',
  'InvalidAllowMethodsPreflightResponse',
  'InvalidAllowHeadersPreflightResponse',
  'MethodDisallowedByPreflightResponse',
  'HeaderDisallowedByPreflightResponse',
  'RedirectContainsCredentials',
  'DisallowedByMode',
  'CorsDisabledScheme',
] as const;

const expectedSchema = z
  .object({
    verdict: z.enum(expectedVerdicts),
    stage: z.enum(expectedStages).optional().meta({ description: 'Only for a blocked verdict.' }),
    corsError: z
      .enum(expectedCorsErrors)
      .optional()
      .meta({ description: "Only for a blocked verdict: the DevTools issue's corsError." }),
  })
  .strict()
  .superRefine((expected, context) => {
    if (expected.verdict === 'blocked') return;
    for (const field of ['stage', 'corsError'] as const) {
      if (expected[field] !== undefined) {
        context.addIssue({
          code: 'custom',
          path: [field],
          message: `Only a blocked verdict has a ${field}; remove it or set verdict to "blocked".`,
        });
      }
    }
  });

export const caseSchema = z
  .object({
    $schema: z.string().max(limits.nameLength).optional().meta({ description: 'Path or URL of this JSON Schema.' }),
    version: z.literal(1, { error: 'Unsupported case version: this release reads version 1.' }),
    name: z
      .string()
      .max(limits.nameLength, { error: `A name has at most ${limits.nameLength} characters.` })
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
        error: 'A name is lowercase words of letters and digits joined by hyphens, such as missing-allow-origin.',
      })
      .optional(),
    title: z
      .string()
      .max(limits.titleLength, { error: `A title has at most ${limits.titleLength} characters.` })
      .optional(),
    request: requestSchema,
    answers: answersSchema,
    expected: expectedSchema.optional().meta({ description: 'Outcome the case expects from Chromium.' }),
  })
  .strict()
  .meta({
    title: 'cors-playground case',
    description: 'A request a page makes, the answers the servers give it hop by hop, and the expected outcome.',
  });

export { answersSchema };

/** A validated case, with every default filled in. */
export type Case = z.output<typeof caseSchema>;
/** A case as written in a file or a link, where fields with defaults may be left out. */
export type CaseInput = z.input<typeof caseSchema>;
export type CaseRequest = Case['request'];
export type CaseAnswers = z.output<typeof answersSchema>;
export type CaseAnswersInput = z.input<typeof answersSchema>;
export type Answer = CaseAnswers['response'];
export type RedirectAnswer = CaseAnswers['redirects'][number];
export type Location = NonNullable<Answer['location']>;
export type CaseExpected = NonNullable<Case['expected']>;
