/**
 * Validation of untrusted case input, with one message per invalid field that names the field by
 * its JSON path, says what is wrong, and says what is allowed.
 */
import { z } from 'zod';
import { answersSchema, caseSchema, type Case, type CaseAnswers } from './schema.ts';

/** One invalid field. */
export interface CaseIssue {
  /** JSON path of the field, such as `request.headers[2][0]`, or `(root)` for the whole document. */
  readonly path: string;
  readonly message: string;
}

export type ParseResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: CaseIssue[] };

/** Validates a case read from JSON and fills in its defaults. */
export function parseCase(input: unknown): ParseResult<Case> {
  return toResult(caseSchema, input, caseSchema.safeParse(input), '');
}

/** Validates the answers part of a case, as the lab server receives it; paths start at `answers`. */
export function parseAnswers(input: unknown): ParseResult<CaseAnswers> {
  return toResult(answersSchema, input, answersSchema.safeParse(input), 'answers');
}

/** Parses JSON text and validates it as a case. */
export function parseCaseJson(text: string): ParseResult<Case> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, issues: [{ path: '(root)', message: `Invalid JSON: ${(error as Error).message}.` }] };
  }
  return parseCase(data);
}

/** Formats issues one per line, as `path: message`. */
export function formatIssues(issues: readonly CaseIssue[]): string {
  return issues.map((issue) => `${issue.path}: ${issue.message}`).join('\n');
}

function toResult<T>(
  schema: z.ZodType,
  input: unknown,
  result: z.ZodSafeParseResult<T>,
  prefix: string,
): ParseResult<T> {
  if (result.success) return { ok: true, value: result.data };
  const issues: CaseIssue[] = [];
  for (const issue of result.error.issues) {
    const path = formatPath(prefix, issue.path);
    // One message per field: an empty method, say, fails both its length and its pattern.
    if (issues.some((earlier) => earlier.path === path)) continue;
    issues.push({ path, message: describeIssue(schema, issue, valueAt(input, issue.path)) });
  }
  return { ok: false, issues };
}

/** The value at a path of the input, or `absent` where the path leads nowhere. */
const absent = Symbol('absent');

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const key of path) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) return absent;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** Writes a path as JavaScript would access it: `request.headers[2][0]`. */
export function formatPath(prefix: string, path: readonly PropertyKey[]): string {
  let text = prefix;
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) text += text === '' ? key : `.${key}`;
    else text += `[${JSON.stringify(String(key))}]`;
  }
  return text === '' ? '(root)' : text;
}

function describeIssue(schema: z.ZodType, issue: z.core.$ZodIssue, value: unknown): string {
  // The schema words most messages itself, naming the limit or the allowed values; zod's own
  // messages start with "Invalid input" or "Invalid option".
  const worded = !/^(Invalid input|Invalid option|Unrecognized key)/.test(issue.message);
  switch (issue.code) {
    case 'invalid_type': {
      if (value === absent) return `Missing required field: expected ${article(issue.expected)}.`;
      if (worded) return withValue(issue.message, value);
      return `Invalid value: expected ${article(issue.expected)}, got ${describeType(value)}.`;
    }
    case 'unrecognized_keys': {
      const allowed = allowedKeys(schema, issue.path);
      const keys = issue.keys.map((key) => JSON.stringify(key)).join(', ');
      const suffix = allowed === undefined ? '' : ` Allowed fields: ${allowed.join(', ')}.`;
      return `Unknown field${issue.keys.length > 1 ? 's' : ''} ${keys}.${suffix}`;
    }
    case 'invalid_value':
      if (worded) return `${issue.message} Got ${shown(value)}.`;
      return `Invalid value ${shown(value)}: expected one of ${issue.values.map((item) => JSON.stringify(item)).join(', ')}.`;
    default:
      return withValue(issue.message, value);
  }
}

function withValue(message: string, input: unknown): string {
  return typeof input === 'string' && input.length <= 200 ? `${message} Got ${JSON.stringify(input)}.` : message;
}

function shown(input: unknown): string {
  const text = JSON.stringify(input) ?? 'nothing';
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

function article(type: string): string {
  if (type === 'array' || type === 'object' || type === 'int') return type === 'int' ? 'an integer' : `an ${type}`;
  return `a ${type}`;
}

function describeType(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'an array';
  return article(typeof input);
}

/** Finds the object schema at a path, to list its fields; undefined where the walk cannot follow. */
function allowedKeys(schema: z.ZodType, path: readonly PropertyKey[]): string[] | undefined {
  let current: z.core.$ZodType | undefined = schema;
  for (const key of path) {
    current = unwrap(current);
    if (current instanceof z.ZodObject && typeof key === 'string') current = current.shape[key] as z.core.$ZodType;
    else if (current instanceof z.ZodArray && typeof key === 'number') current = current.element;
    else if (current instanceof z.ZodTuple && typeof key === 'number') current = current.def.items[key];
    else return undefined;
  }
  current = unwrap(current);
  return current instanceof z.ZodObject ? Object.keys(current.shape) : undefined;
}

function unwrap(schema: z.core.$ZodType | undefined): z.core.$ZodType | undefined {
  let current = schema;
  while (current instanceof z.ZodOptional || current instanceof z.ZodDefault || current instanceof z.ZodPipe) {
    current = current instanceof z.ZodPipe ? current.def.in : current.def.innerType;
  }
  return current;
}
