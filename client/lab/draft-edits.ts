/**
 * Edits of a draft that the editors share: header rows, the content type, and the issues that belong
 * to one field. Each returns a new value and leaves its input unchanged.
 */
import type { CaseIssue } from '../../scenarios/case/index.ts';
import type { HeaderDraft } from './draft.ts';

export function replaceAt<T>(items: readonly T[], index: number, item: T): T[] {
  return items.map((current, position) => (position === index ? item : current));
}

export function removeAt<T>(items: readonly T[], index: number): T[] {
  return items.filter((_, position) => position !== index);
}

/** Returns the value of the first Content-Type header, or an empty string when there is none. */
export function contentTypeOf(headers: readonly HeaderDraft[]): string {
  return headers.find((header) => header.name.toLowerCase() === 'content-type')?.value ?? '';
}

/**
 * Sets the content type: the first Content-Type header gets the value, or a new one is added at the end.
 * An empty value removes every Content-Type header, so the body goes with fetch()'s default type.
 */
export function withContentType(headers: readonly HeaderDraft[], value: string): HeaderDraft[] {
  const isContentType = (header: HeaderDraft) => header.name.toLowerCase() === 'content-type';
  if (value === '') return headers.filter((header) => !isContentType(header));
  const index = headers.findIndex(isContentType);
  if (index === -1) return [...headers, { name: 'Content-Type', value }];
  return replaceAt(headers, index, { ...headers[index]!, value });
}

/** Returns the messages of the issues at exactly this JSON path, such as `answers.response.status`. */
export function messagesAt(issues: readonly CaseIssue[], path: string): string[] {
  return issues.filter((issue) => issue.path === path).map((issue) => issue.message);
}

/** Returns the issues at this path or below it. */
export function issuesUnder(issues: readonly CaseIssue[], path: string): CaseIssue[] {
  return issues.filter(
    (issue) => issue.path === path || issue.path.startsWith(`${path}.`) || issue.path.startsWith(`${path}[`),
  );
}
