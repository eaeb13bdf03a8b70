/**
 * The lab's state in the URL: `#/lab?case=<encoded case>`, so a link reproduces what the learner
 * composed. A valid case is written with `encodeCase`. A draft that does not validate yet is written
 * as its JSON in the same encoding, so a link taken mid-edit still opens with every typed value.
 */
import {
  caseLimits,
  decodeCase,
  encodeAnswers,
  encodeCase,
  parseCase,
  type Case,
  type CaseIssue,
  type ParseResult,
} from '../../scenarios/case/index.ts';
import { fromBase64Url, toBase64Url } from './base64url.ts';
import { caseInput, draftFromCase, draftFromJson, newCaseDraft, type CaseDraft } from './draft.ts';

export const caseParameter = 'case';

export interface LabState {
  readonly draft: CaseDraft;
  /** Issues of the link, empty when it contained a valid case or none. */
  readonly linkIssues: readonly CaseIssue[];
}

/** Builds the lab link of a case or a draft, relative to the app's root. */
export function caseLabHref(value: Case | CaseDraft): string {
  return `/#/lab?${labQuery('version' in value ? draftFromCase(value) : value)}`;
}

/** Builds the query after `#/lab?` that stores a draft. */
export function labQuery(draft: CaseDraft): string {
  const parsed = parseCase(caseInput(draft));
  const encoded = parsed.ok ? encodeCase(parsed.value) : toBase64Url(JSON.stringify(caseInput(draft)));
  return `${caseParameter}=${encoded}`;
}

/**
 * Reads the lab's state from the query after `#/lab?`. A link with an invalid case keeps every part
 * it can show and lists its issues. A link that cannot be decoded at all opens the new case.
 */
export function readLabQuery(query: string): LabState {
  const encoded = new URLSearchParams(query).get(caseParameter);
  if (encoded === null || encoded === '') return { draft: newCaseDraft(), linkIssues: [] };

  const decoded = decodeCase(encoded);
  if (decoded.ok) return { draft: draftFromCase(decoded.value), linkIssues: [] };

  const json = encoded.length <= caseLimits.encodedCaseLength ? fromBase64Url(encoded) : undefined;
  const data = json === undefined ? undefined : parseJson(json);
  if (data === undefined) return { draft: newCaseDraft(), linkIssues: decoded.issues };
  return { draft: draftFromJson(data), linkIssues: decoded.issues };
}

/**
 * Validates a draft as a case the lab can send and link to. Beyond the case format, the encoded
 * answers must fit the lab URL, and the encoded case must fit a link, or the server and the link
 * would reject them.
 */
export function validateDraft(draft: CaseDraft): ParseResult<Case> {
  const parsed = parseCase(caseInput(draft));
  if (!parsed.ok) return parsed;

  const issues: CaseIssue[] = [];
  const answersLength = encodeAnswers(parsed.value.answers).length;
  if (answersLength > caseLimits.encodedAnswersLength) {
    issues.push({
      path: 'answers',
      message: `The encoded answers are ${answersLength} characters long, and a lab URL has room for ${caseLimits.encodedAnswersLength}. Shorten the bodies or the headers.`,
    });
  }
  const caseLength = encodeCase(parsed.value).length;
  if (caseLength > caseLimits.encodedCaseLength) {
    issues.push({
      path: '(root)',
      message: `The encoded case is ${caseLength} characters long, and a link has room for ${caseLimits.encodedCaseLength}. Shorten the request body or the answers.`,
    });
  }
  return issues.length === 0 ? parsed : { ok: false, issues };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
