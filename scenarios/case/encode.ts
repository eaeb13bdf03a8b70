/**
 * The compact, URL-safe form of a case and of its answers: UTF-8 JSON in base64url, without
 * padding. Fields left at their defaults are dropped first, so typical answers stay a few hundred
 * characters. Decoding validates as strictly as a case file.
 */
import { caseLimits } from './limits.ts';
import type { Answer, Case, CaseAnswers, RedirectAnswer } from './schema.ts';
import { parseAnswers, parseCase, type ParseResult } from './validate.ts';

/** Encodes a case for a link. */
export function encodeCase(value: Case): string {
  const { request, answers, ...rest } = value;
  const compactRequest: Record<string, unknown> = { ...request };
  for (const [field, fallback] of Object.entries(requestDefaults)) {
    if (compactRequest[field] === fallback) delete compactRequest[field];
  }
  if (request.headers.length === 0) delete compactRequest.headers;
  return toBase64Url(JSON.stringify({ ...rest, request: compactRequest, answers: compactAnswers(answers) }));
}

/** Decodes and validates a case from a link. */
export function decodeCase(text: string): ParseResult<Case> {
  const data = decodeJson(text, caseLimits.encodedCaseLength, '(root)');
  return data.ok ? parseCase(data.value) : data;
}

/** Encodes a case's answers for the lab URL. */
export function encodeAnswers(answers: CaseAnswers): string {
  return toBase64Url(JSON.stringify(compactAnswers(answers)));
}

/** Decodes and validates the answers from a lab URL. */
export function decodeAnswers(text: string): ParseResult<CaseAnswers> {
  const data = decodeJson(text, caseLimits.encodedAnswersLength, 'answers');
  return data.ok ? parseAnswers(data.value) : data;
}

const requestDefaults: Readonly<Record<string, string>> = {
  initiator: 'fetch',
  method: 'GET',
  credentials: 'same-origin',
  mode: 'cors',
  redirect: 'follow',
};

function compactAnswers(answers: CaseAnswers): Record<string, unknown> {
  return {
    ...(answers.preflight !== undefined && { preflight: compactAnswer(answers.preflight) }),
    ...(answers.redirects.length > 0 && { redirects: answers.redirects.map(compactAnswer) }),
    response: compactAnswer(answers.response),
  };
}

function compactAnswer(answer: Answer | RedirectAnswer): Record<string, unknown> {
  const { location, headers, ...rest } = answer;
  return {
    ...rest,
    ...(headers.length > 0 && { headers }),
    ...(location !== undefined && { location: location.userinfo ? location : { target: location.target } }),
  };
}

function decodeJson(text: string, maxLength: number, path: string): ParseResult<unknown> {
  if (text.length > maxLength) {
    return fail(path, `The encoded form is ${text.length} characters long; the limit is ${maxLength}.`);
  }
  if (!/^[A-Za-z0-9_-]*$/.test(text)) {
    return fail(path, 'The encoded form is not base64url: only A-Z, a-z, 0-9, - and _ are allowed, with no padding.');
  }
  let json: string;
  try {
    json = fromBase64Url(text);
  } catch {
    return fail(path, 'The encoded form is not valid base64url-encoded UTF-8. Copy the whole link again.');
  }
  try {
    return { ok: true, value: JSON.parse(json) as unknown };
  } catch (error) {
    return fail(path, `The encoded form does not hold valid JSON: ${(error as Error).message}.`);
  }
}

function fail(path: string, message: string): ParseResult<never> {
  return { ok: false, issues: [{ path, message }] };
}

function toBase64Url(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Throws on input that is not base64url or not UTF-8. */
function fromBase64Url(text: string): string {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}
