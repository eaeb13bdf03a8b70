/**
 * Header list helpers, after the Fetch Standard's "header list": names compare
 * case-insensitively, and getting a name combines its values with `, `.
 */
import type { HeaderList } from '../fetch-rules.ts';
import type { HeaderPair } from '../records.ts';

/** Lowercases names and strips leading and trailing HTTP whitespace from values, keeping order. */
export function normalizeHeaders(headers: HeaderList | undefined): HeaderPair[] {
  if (headers === undefined) return [];
  // Array.isArray narrows a readonly array to any[], so the annotation keeps name and value typed.
  const entries: readonly (readonly [string, string])[] = Array.isArray(headers) ? headers : Object.entries(headers);
  return entries.map(([name, value]) => [name.toLowerCase(), trimHttpWhitespace(value)]);
}

/** Returns the combined value of a header, or undefined when no header has that name. */
export function getHeader(headers: readonly HeaderPair[], name: string): string | undefined {
  const lower = name.toLowerCase();
  let combined: string | undefined;
  for (const [headerName, value] of headers) {
    if (headerName !== lower) continue;
    combined = combined === undefined ? value : `${combined}, ${value}`;
  }
  return combined;
}

export function hasHeader(headers: readonly HeaderPair[], name: string): boolean {
  const lower = name.toLowerCase();
  return headers.some(([headerName]) => headerName === lower);
}

/** Counts the header lines with this name, which Firefox distinguishes from one line holding a list. */
export function countHeaderLines(headers: readonly HeaderPair[], name: string): number {
  const lower = name.toLowerCase();
  return headers.filter(([headerName]) => headerName === lower).length;
}

export function removeHeaders(headers: readonly HeaderPair[], names: readonly string[]): HeaderPair[] {
  return headers.filter(([name]) => !names.includes(name));
}

/** Combines repeated names and sorts by name, as iterating a `Headers` object does. */
export function sortAndCombine(headers: readonly HeaderPair[]): HeaderPair[] {
  const names = [...new Set(headers.map(([name]) => name))].sort();
  return names.map((name) => [name, getHeader(headers, name) ?? '']);
}

/** HTTP whitespace bytes are tab, line feed, carriage return and space. */
function trimHttpWhitespace(value: string): string {
  return value.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '');
}
