import { describe, expect, it } from 'vitest';

import {
  blockedUrls,
  chromiumConsoleMessage,
  localNetworkAccessReason,
  chromiumInitiators,
  chromiumReason,
  type BlockedRequest,
  type CorsError,
} from './chromium-messages.ts';

// Expected texts are Chromium 156's console output, written out in full so that a change to the builder
// shows up as a diff against the browser's wording.

const url = 'http://localhost:8001/scenarios/example/broken/data?trace=abcdefgh';
const origin = 'http://localhost:5173';
const blockedPrefix = `Access to fetch at '${url}' from origin '${origin}' has been blocked by CORS policy: `;
const preflightPrefix = "Response to preflight request doesn't pass access control check: ";
const fetchValueSuffix = ' Have the server send the header with a valid value.';
const xhrCredentialsSuffix =
  ' The credentials mode of requests initiated by the XMLHttpRequest is controlled by the withCredentials attribute.';

const missing = "No 'Access-Control-Allow-Origin' header is present on the requested resource.";

const fetchRequest: BlockedRequest = { initiator: 'fetch', url, origin, corsError: 'MissingAllowOriginHeader' };

describe('chromiumConsoleMessage', () => {
  const cases: readonly { name: string; request: Partial<BlockedRequest>; expected: string }[] = [
    {
      name: 'missing Access-Control-Allow-Origin',
      request: {},
      expected: `${blockedPrefix}No 'Access-Control-Allow-Origin' header is present on the requested resource.`,
    },
    {
      name: 'origin mismatch from fetch',
      request: { corsError: 'AllowOriginMismatch', value: `${origin}/` },
      expected:
        `${blockedPrefix}The 'Access-Control-Allow-Origin' header has a value '${origin}/' that is not equal ` +
        'to the supplied origin. Have the server send the header with a valid value.',
    },
    {
      name: 'origin mismatch from XHR',
      request: { initiator: 'xhr', corsError: 'AllowOriginMismatch', value: `${origin}/` },
      expected:
        `Access to XMLHttpRequest at '${url}' from origin '${origin}' has been blocked by CORS policy: ` +
        `The 'Access-Control-Allow-Origin' header has a value '${origin}/' that is not equal to the supplied origin.`,
    },
    {
      name: 'preflight with non-ok status',
      request: { corsError: 'PreflightInvalidStatus' },
      expected: `${blockedPrefix}${preflightPrefix}It does not have HTTP ok status.`,
    },
    {
      name: 'method not in Allow-Methods',
      request: { corsError: 'MethodDisallowedByPreflightResponse', method: 'PUT' },
      expected: `${blockedPrefix}Method PUT is not allowed by Access-Control-Allow-Methods in preflight response.`,
    },
    {
      name: 'header not in Allow-Headers',
      request: { corsError: 'HeaderDisallowedByPreflightResponse', header: 'content-type' },
      expected:
        `${blockedPrefix}Request header field content-type is not allowed by Access-Control-Allow-Headers ` +
        'in preflight response.',
    },
    {
      name: 'wildcard with XHR credentials',
      request: { initiator: 'xhr', corsError: 'WildcardOriginNotAllowed' },
      expected:
        `Access to XMLHttpRequest at '${url}' from origin '${origin}' has been blocked by CORS policy: ` +
        "The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' " +
        "when the request's credentials mode is 'include'. The credentials mode of requests initiated by the " +
        'XMLHttpRequest is controlled by the withCredentials attribute.',
    },
    {
      name: 'wildcard with fetch credentials',
      request: { corsError: 'WildcardOriginNotAllowed' },
      expected:
        `${blockedPrefix}The value of the 'Access-Control-Allow-Origin' header in the response must not be the ` +
        "wildcard '*' when the request's credentials mode is 'include'.",
    },
    {
      name: 'missing Allow-Credentials from fetch',
      request: { corsError: 'InvalidAllowCredentials', value: '' },
      expected:
        `${blockedPrefix}The value of the 'Access-Control-Allow-Credentials' header in the response is '' ` +
        "which must be 'true' when the request's credentials mode is 'include'.",
    },
    {
      name: 'duplicate Allow-Origin from fetch',
      request: { corsError: 'MultipleAllowOriginValues', value: `${origin}, ${origin}` },
      expected:
        `${blockedPrefix}The 'Access-Control-Allow-Origin' header contains multiple values '${origin}, ${origin}', ` +
        'but only one is allowed. Have the server send the header with a valid value.',
    },
    {
      name: 'font names its kind',
      request: { initiator: chromiumInitiators.font },
      expected: `Access to font at '${url}' from origin '${origin}' has been blocked by CORS policy: ${missing}`,
    },
    {
      name: 'stylesheet says CSS stylesheet',
      request: { initiator: chromiumInitiators.stylesheet },
      expected: `Access to CSS stylesheet at '${url}' from origin '${origin}' has been blocked by CORS policy: ${missing}`,
    },
    {
      name: 'audio names its kind',
      request: { initiator: chromiumInitiators.audio },
      expected: `Access to audio at '${url}' from origin '${origin}' has been blocked by CORS policy: ${missing}`,
    },
    {
      name: 'redirect before the block',
      request: { redirectedFrom: 'http://localhost:8001/old?trace=abcdefgh' },
      expected:
        `Access to fetch at '${url}' (redirected from 'http://localhost:8001/old?trace=abcdefgh') from origin ` +
        `'${origin}' has been blocked by CORS policy: ` +
        "No 'Access-Control-Allow-Origin' header is present on the requested resource.",
    },
    {
      name: 'same-origin mode is a Fetch API error',
      request: { corsError: 'DisallowedByMode' },
      expected:
        `Fetch API cannot load ${url}. Request mode is "same-origin" but the URL's origin is not same as the ` +
        `request origin ${origin}.`,
    },
  ];

  it.each(cases.map((row) => [row.name, row] as const))('%s', (_, { request, expected }) => {
    expect(chromiumConsoleMessage({ ...fetchRequest, ...request })).toBe(expected);
  });
});

describe('chromiumReason', () => {
  // Chromium adds the "valid value" sentence only for fetch(), and only to the three reasons that
  // quote an invalid Access-Control-Allow-Origin value.
  const valueErrors: readonly CorsError[] = [
    'MultipleAllowOriginValues',
    'InvalidAllowOriginValue',
    'AllowOriginMismatch',
  ];

  it.each(valueErrors)('%s from fetch adds suffix', (corsError) => {
    const reason = chromiumReason({ initiator: 'fetch', corsError, value: 'null' });

    expect(reason.endsWith(fetchValueSuffix), reason).toBe(true);
    expect(reason.indexOf(fetchValueSuffix)).toBe(reason.lastIndexOf(fetchValueSuffix));
  });

  it.each(valueErrors)('%s from XHR omits suffix', (corsError) => {
    const reason = chromiumReason({ initiator: 'xhr', corsError, value: 'null' });

    expect(reason).not.toContain(fetchValueSuffix);
  });

  it.each(valueErrors)('%s from image omits suffix', (corsError) => {
    const reason = chromiumReason({ initiator: 'image', corsError, value: 'null' });

    expect(reason).not.toContain(fetchValueSuffix);
  });

  it('other errors omit value suffix', () => {
    const reason = chromiumReason({ initiator: 'fetch', corsError: 'WildcardOriginNotAllowed' });

    expect(reason).not.toContain(fetchValueSuffix);
  });

  // The XHR sentence about withCredentials follows the two reasons about credentials mode 'include'.
  const credentialsErrors: readonly CorsError[] = ['WildcardOriginNotAllowed', 'InvalidAllowCredentials'];

  it.each(credentialsErrors)('%s from XHR adds suffix', (corsError) => {
    const reason = chromiumReason({ initiator: 'xhr', corsError, value: '' });

    expect(reason.endsWith(xhrCredentialsSuffix), reason).toBe(true);
  });

  it.each(credentialsErrors)('%s from fetch omits suffix', (corsError) => {
    const reason = chromiumReason({ initiator: 'fetch', corsError, value: '' });

    expect(reason).not.toContain(xhrCredentialsSuffix);
  });

  it('PreflightInvalidStatus has preflight prefix', () => {
    const reason = chromiumReason({ initiator: 'fetch', corsError: 'PreflightInvalidStatus' });

    expect(reason.startsWith(preflightPrefix), reason).toBe(true);
  });

  it('MethodDisallowedByPreflightResponse lacks preflight prefix', () => {
    const reason = chromiumReason({
      initiator: 'fetch',
      corsError: 'MethodDisallowedByPreflightResponse',
      method: 'PUT',
    });

    expect(reason).not.toContain(preflightPrefix);
  });

  it('preflight mismatch keeps fetch suffix', () => {
    const reason = chromiumReason({ initiator: 'fetch', corsError: 'PreflightAllowOriginMismatch', value: 'null' });

    expect(reason).toBe(
      `${preflightPrefix}The 'Access-Control-Allow-Origin' header has a value 'null' that is not equal to the ` +
        'supplied origin. Have the server send the header with a valid value.',
    );
  });
});

describe('blockedUrls', () => {
  it('names the requested URL without a redirect', () => {
    expect(blockedUrls(url)).toEqual({ url });
  });

  it('names the same path on the redirect target', () => {
    expect(blockedUrls(url, 'http://partner.localhost:8003')).toEqual({
      url: 'http://partner.localhost:8003/scenarios/example/broken/data?trace=abcdefgh',
      redirectedFrom: url,
    });
  });
});

// Both texts as Chromium 156 printed them in the e2e runs, backticks included.
describe('localNetworkAccessReason', () => {
  it('words a denied permission', () => {
    expect(localNetworkAccessReason('LocalNetworkAccessPermissionDenied', 'loopback')).toBe(
      'Permission was denied for this request to access the `loopback` address space.',
    );
  });

  it('words an insecure page', () => {
    expect(localNetworkAccessReason('InsecureLocalNetwork', 'loopback')).toBe(
      'The request client is not a secure context and the resource is in more-private address space `loopback`.',
    );
  });
});
