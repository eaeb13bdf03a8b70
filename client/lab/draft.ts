/**
 * The lab's editable form of a case. Text fields keep what the learner typed, valid or not, so typing
 * never loses input and a hand-edited link shows its invalid values beside their errors. `caseInput`
 * and `answersInput` turn a draft back into the JSON of a case file, which the case module validates.
 */
import {
  credentialsModes,
  expectedVerdicts,
  initiators,
  pageOriginNames,
  redirectModes,
  requestModes,
  type Answer,
  type Case,
  type CaseAnswers,
  type CaseExpected,
  type PageOrigin,
  type RedirectAnswer,
} from '../../scenarios/case/index.ts';
import { serverNames, type ServerName } from '../../scenarios/origins.ts';

export interface HeaderDraft {
  readonly name: string;
  readonly value: string;
}

export interface AnswerDraft {
  /** The status as typed, such as `200`. */
  readonly status: string;
  readonly headers: readonly HeaderDraft[];
  /** An empty body is left out of the case. */
  readonly body: string;
  /** Whether `body` is base64 text that stands for binary data, such as a font. */
  readonly base64: boolean;
}

export interface LocationDraft {
  readonly target: ServerName;
  /** `user` or `user:password`, empty for none. */
  readonly userinfo: string;
}

export interface RedirectDraft extends AnswerDraft {
  readonly location: LocationDraft;
  /** The answer to a preflight for this redirect's Location, when it differs from the case's preflight. */
  readonly preflight?: AnswerDraft;
}

export interface AnswersDraft {
  /** Absent when the server has no OPTIONS route, so a preflight gets 404. */
  readonly preflight?: AnswerDraft;
  readonly redirects: readonly RedirectDraft[];
  readonly response: AnswerDraft;
}

export type Initiator = (typeof initiators)[number];
export type CredentialsMode = (typeof credentialsModes)[number];
export type RequestMode = (typeof requestModes)[number];
export type RedirectMode = (typeof redirectModes)[number];

export interface RequestDraft {
  readonly pageOrigin: PageOrigin;
  readonly target: ServerName;
  readonly initiator: Initiator;
  readonly method: string;
  /** Request headers; the content type is the Content-Type header among them, as in `fetch()`. */
  readonly headers: readonly HeaderDraft[];
  /** An empty body is left out of the case. */
  readonly body: string;
  readonly credentials: CredentialsMode;
  readonly mode: RequestMode;
  readonly redirect: RedirectMode;
}

export interface CaseDraft {
  /** Empty for none. */
  readonly name: string;
  /** Empty for none. */
  readonly title: string;
  /** Carried over from an imported case or a scenario; the lab does not edit it. */
  readonly expected?: CaseExpected;
  readonly request: RequestDraft;
  readonly answers: AnswersDraft;
}

/** Creates an answer of 200 with CORS headers for the app. */
export function newAnswerDraft(): AnswerDraft {
  return {
    status: '200',
    headers: [
      { name: 'Access-Control-Allow-Origin', value: '{app}' },
      { name: 'Content-Type', value: 'application/json' },
    ],
    body: '{"ok":true}',
    base64: false,
  };
}

/** Creates a preflight answer of 204 that allows the app. */
export function newPreflightDraft(): AnswerDraft {
  return {
    status: '204',
    headers: [
      { name: 'Access-Control-Allow-Origin', value: '{app}' },
      { name: 'Access-Control-Allow-Methods', value: 'GET, POST, PUT, DELETE' },
      { name: 'Access-Control-Allow-Headers', value: 'Content-Type, Authorization' },
    ],
    body: '',
    base64: false,
  };
}

/** Creates a redirect hop: 307 to the API, with CORS headers so the browser follows it. */
export function newRedirectDraft(target: ServerName = 'api'): RedirectDraft {
  return {
    status: '307',
    headers: [{ name: 'Access-Control-Allow-Origin', value: '{app}' }],
    body: '',
    base64: false,
    location: { target, userinfo: '' },
  };
}

/** Creates the lab's starting case: a GET from the app to the API, which allows it. */
export function newCaseDraft(): CaseDraft {
  return {
    name: '',
    title: '',
    request: {
      pageOrigin: 'app',
      target: 'api',
      initiator: 'fetch',
      method: 'GET',
      headers: [],
      body: '',
      credentials: 'same-origin',
      mode: 'cors',
      redirect: 'follow',
    },
    answers: { redirects: [], response: newAnswerDraft() },
  };
}

export function draftFromCase(value: Case): CaseDraft {
  const { request } = value;
  return {
    name: value.name ?? '',
    title: value.title ?? '',
    ...(value.expected !== undefined && { expected: value.expected }),
    request: {
      pageOrigin: request.pageOrigin,
      target: request.target,
      initiator: request.initiator,
      method: request.method,
      headers: request.headers.map(headerDraft),
      body: request.body ?? '',
      credentials: request.credentials,
      mode: request.mode,
      redirect: request.redirect,
    },
    answers: answersDraftFrom(value.answers),
  };
}

export function answersDraftFrom(answers: CaseAnswers): AnswersDraft {
  return {
    ...(answers.preflight !== undefined && { preflight: answerDraft(answers.preflight) }),
    redirects: answers.redirects.map(redirectDraft),
    response: answerDraft(answers.response),
  };
}

function answerDraft(answer: Answer | RedirectAnswer): AnswerDraft {
  return {
    status: String(answer.status),
    headers: answer.headers.map(headerDraft),
    body: answer.body ?? '',
    base64: answer.bodyEncoding === 'base64',
  };
}

function redirectDraft(answer: RedirectAnswer): RedirectDraft {
  return {
    ...answerDraft(answer),
    location: { target: answer.location.target, userinfo: answer.location.userinfo ?? '' },
    ...(answer.preflight !== undefined && { preflight: answerDraft(answer.preflight) }),
  };
}

function headerDraft([name, value]: readonly [string, string]): HeaderDraft {
  return { name, value };
}

/** Builds the case JSON that a draft stands for, with its invalid values as typed, for `parseCase`. */
export function caseInput(draft: CaseDraft): Record<string, unknown> {
  const { request } = draft;
  return {
    version: 1,
    ...(draft.name !== '' && { name: draft.name }),
    ...(draft.title !== '' && { title: draft.title }),
    request: {
      pageOrigin: request.pageOrigin,
      target: request.target,
      initiator: request.initiator,
      method: request.method,
      headers: request.headers.map(headerPair),
      ...(request.body !== '' && { body: request.body }),
      credentials: request.credentials,
      mode: request.mode,
      redirect: request.redirect,
    },
    answers: answersInput(draft.answers),
    ...(draft.expected !== undefined && { expected: draft.expected }),
  };
}

/** Builds the answers JSON that a draft stands for, for `parseAnswers`. */
export function answersInput(draft: AnswersDraft): Record<string, unknown> {
  return {
    ...(draft.preflight !== undefined && { preflight: answerInput(draft.preflight) }),
    redirects: draft.redirects.map((redirect) => ({
      ...answerInput(redirect),
      location: {
        target: redirect.location.target,
        ...(redirect.location.userinfo !== '' && { userinfo: redirect.location.userinfo }),
      },
      ...(redirect.preflight !== undefined && { preflight: answerInput(redirect.preflight) }),
    })),
    response: answerInput(draft.response),
  };
}

function answerInput(answer: AnswerDraft): Record<string, unknown> {
  return {
    status: statusInput(answer.status),
    headers: answer.headers.map(headerPair),
    ...(answer.body !== '' && { body: answer.body }),
    ...(answer.base64 && { bodyEncoding: 'base64' }),
  };
}

/**
 * Converts a status typed as digits to a number. Other text stays text, so the case module reports it
 * as invalid.
 */
function statusInput(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : text;
}

function headerPair({ name, value }: HeaderDraft): [string, string] {
  return [name, value];
}

/**
 * Reads a draft from case JSON that failed validation, such as a hand-edited link. It keeps every value
 * it can show, valid or not, so the editor marks each invalid one. A value it cannot show, such as a page
 * origin outside the list or a field of the wrong type, falls back to the new case's value.
 */
export function draftFromJson(data: unknown): CaseDraft {
  const fallback = newCaseDraft();
  const root = asRecord(data);
  const request = asRecord(root.request);
  const answers = asRecord(root.answers);
  return {
    name: text(root.name, ''),
    title: text(root.title, ''),
    ...(isExpected(root.expected) && { expected: root.expected }),
    request: {
      pageOrigin: oneOf(request.pageOrigin, pageOriginNames, fallback.request.pageOrigin),
      target: oneOf(request.target, serverNames, fallback.request.target),
      initiator: oneOf(request.initiator, initiators, fallback.request.initiator),
      method: text(request.method, fallback.request.method),
      headers: headersFrom(request.headers),
      body: text(request.body, ''),
      credentials: oneOf(request.credentials, credentialsModes, fallback.request.credentials),
      mode: oneOf(request.mode, requestModes, fallback.request.mode),
      redirect: oneOf(request.redirect, redirectModes, fallback.request.redirect),
    },
    answers: answersDraftFromJson(answers),
  };
}

/** Reads an answers draft from answers JSON that may be invalid, as `draftFromJson` reads a case. */
export function answersDraftFromJson(data: unknown): AnswersDraft {
  const answers = asRecord(data);
  const redirects = Array.isArray(answers.redirects) ? answers.redirects : [];
  return {
    ...(isRecord(answers.preflight) && { preflight: answerFromJson(answers.preflight, newPreflightDraft()) }),
    redirects: redirects.map((item) => {
      const redirect = asRecord(item);
      const location = asRecord(redirect.location);
      return {
        ...answerFromJson(item, newRedirectDraft()),
        location: {
          target: oneOf(location.target, serverNames, 'api'),
          userinfo: text(location.userinfo, ''),
        },
        ...(isRecord(redirect.preflight) && { preflight: answerFromJson(redirect.preflight, newPreflightDraft()) }),
      };
    }),
    response: answerFromJson(answers.response, newAnswerDraft()),
  };
}

function answerFromJson(data: unknown, fallback: AnswerDraft): AnswerDraft {
  if (!isRecord(data)) return fallback;
  return {
    status: text(data.status, ''),
    headers: headersFrom(data.headers),
    body: text(data.body, ''),
    base64: data.bodyEncoding === 'base64',
  };
}

function headersFrom(data: unknown): HeaderDraft[] {
  if (!Array.isArray(data)) return [];
  return data.map((pair) => {
    const [name, value] = Array.isArray(pair) ? (pair as unknown[]) : [];
    return { name: text(name, ''), value: text(value, '') };
  });
}

/** Keeps an expected outcome with a known verdict; `parseCase` checks the rest of it. */
function isExpected(value: unknown): value is CaseExpected {
  return isRecord(value) && (expectedVerdicts as readonly unknown[]).includes(value.verdict);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asRecord(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}

function text(value: unknown, fallback: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return fallback;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}
