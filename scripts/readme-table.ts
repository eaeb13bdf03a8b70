/**
 * Generates the README's scenario table from the catalog, so the README cannot drift from it.
 *
 *   tsx scripts/readme-table.ts           prints the table
 *   tsx scripts/readme-table.ts --write   rewrites the table in README.md (`npm run readme`)
 *   tsx scripts/readme-table.ts --check   exits 1 when README.md is out of date
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

import {
  assertNever,
  categories,
  fillOrigins,
  isCorsBlock,
  originsFromPorts,
  portsFromEnv,
  scenarios,
  type CorsBlockedOutcome,
  type ExpectedExchange,
  type NonCorsBlockedOutcome,
  type OriginMap,
  type Outcome,
  type Scenario,
} from '../scenarios/index.ts';

export const startMarker = '<!-- scenario-table:start -->';
export const endMarker = '<!-- scenario-table:end -->';
export const readmePath = fileURLToPath(new URL('../README.md', import.meta.url));

const columns = ['Scenario', 'Title', 'Category', 'Broken variant', 'Reached the server', 'Rule'] as const;

/**
 * Renders the catalog as a Markdown table, padded the way Prettier aligns tables so that
 * `prettier --check` accepts the README as written. Origins use the default ports.
 */
export function renderScenarioTable(catalog: readonly Scenario[] = scenarios): string {
  const origins = originsFromPorts(portsFromEnv({}));
  const rows = catalog.map((scenario) => scenarioCells(scenario, origins));
  return alignTable([[...columns], ...rows]);
}

function scenarioCells(scenario: Scenario, origins: OriginMap): string[] {
  const broken = scenario.variants.broken.expected;
  return [
    codeSpan(scenario.id),
    escapeText(fillOrigins(scenario.title, origins)),
    escapeText(categories[scenario.category].title),
    describeOutcome(broken.outcome),
    describeReach(broken.exchanges),
    escapeText(fillOrigins(scenario.rule, origins)),
  ];
}

/** Describes the outcome as a Markdown table cell. */
export function describeOutcome(outcome: Outcome): string {
  switch (outcome.verdict) {
    case 'allowed':
      return 'allowed';
    case 'blocked':
      if (!isCorsBlock(outcome)) return `not CORS, ${outcome.cause}: ${codeSpan(failureSign(outcome))}`;
      return `blocked ${describeStage(outcome.stage)}: ${codeSpan(outcome.corsError)}`;
    default:
      return assertNever(outcome);
  }
}

/** Names what identifies a failure that is not CORS's: its DevTools issue, or else its `net::` error. */
function failureSign(outcome: NonCorsBlockedOutcome): string {
  if (outcome.issue !== undefined) return outcome.issue.reason;
  const netError = outcome.consoleLines.map((line) => /net::ERR_[A-Z_.]+/i.exec(line)?.[0]).find(Boolean);
  return netError ?? outcome.cause;
}

function describeStage(stage: CorsBlockedOutcome['stage']): string {
  switch (stage) {
    case 'request':
      return 'before sending';
    case 'preflight':
      return 'at preflight';
    case 'response':
      return 'at the response';
    case 'redirect':
      return 'at the redirect';
    default:
      return assertNever(stage);
  }
}

/**
 * Describes which requests reached a server, from the expected exchanges.
 * NOTE: an OPTIONS exchange counts as the preflight, so a scenario whose actual request is itself
 * OPTIONS would be described as "preflight only".
 */
export function describeReach(exchanges: readonly ExpectedExchange[]): string {
  const preflight = exchanges.some((exchange) => exchange.method === 'OPTIONS');
  const actual = exchanges.some((exchange) => exchange.method !== 'OPTIONS');
  if (preflight && actual) return 'preflight and actual request';
  if (preflight) return 'preflight only';
  if (actual) return 'actual request';
  return 'nothing';
}

/**
 * Turns catalog prose into one line of Markdown that renders as the same text. Catalog strings are
 * plain text, so a `*` or `<` in a rule must not become emphasis or HTML, and a `|` must not end the cell.
 */
export function escapeText(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/[\\`*_[\]<>|]/g, '\\$&');
}

function codeSpan(text: string): string {
  return `\`${text}\``;
}

function alignTable(rows: readonly (readonly string[])[]): string {
  // Prettier pads every column to its widest cell, with delimiter dashes at least 3 wide.
  const widths = columns.map((_, column) => Math.max(3, ...rows.map((row) => cellWidth(row[column] ?? ''))));
  const line = (cells: readonly string[]) =>
    `| ${widths.map((width, column) => pad(cells[column] ?? '', width)).join(' | ')} |`;
  const [header = [], ...body] = rows;
  const delimiter = `| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`;
  return [line(header), delimiter, ...body.map(line)].join('\n');
}

// NOTE: counts code points, which matches Prettier's width for the catalog's text. Prettier counts
// East Asian wide characters and emoji as two columns, so such text would misalign the padding.
function cellWidth(text: string): number {
  return [...text].length;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(width - cellWidth(text));
}

/** Replaces everything between the scenario table markers with `table`, keeping the markers. */
export function replaceTable(readme: string, table: string): string {
  const start = readme.indexOf(startMarker);
  const end = readme.indexOf(endMarker);
  if (start === -1 || end === -1) {
    throw new Error(
      `README.md has no scenario table markers. Add a line ${startMarker} and, below it, a line ` +
        `${endMarker} where the table belongs, then run \`npm run readme\`.`,
    );
  }
  if (end < start) {
    throw new Error(`README.md has ${endMarker} before ${startMarker}. Put the start marker first.`);
  }
  if (readme.indexOf(startMarker, start + 1) !== -1 || readme.indexOf(endMarker, end + 1) !== -1) {
    throw new Error(`README.md has more than one scenario table. Keep one pair of ${startMarker} markers.`);
  }

  // Blank lines around the table keep it a separate Markdown block from the HTML comments.
  const body = table.replace(/\n+$/, '');
  return `${readme.slice(0, start + startMarker.length)}\n\n${body}\n\n${readme.slice(end)}`;
}

/** Reads README.md, reporting a missing file the same way as a file without markers. */
export function readReadme(path: string = readmePath): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') {
      throw new Error(`README.md has no scenario table markers, because ${path} does not exist.`, { cause: error });
    }
    throw error;
  }
}

const usage = 'Usage: tsx scripts/readme-table.ts [--write | --check]';

function main(args: readonly string[]): number {
  const [mode, ...extra] = args;
  if (extra.length > 0 || (mode !== undefined && mode !== '--write' && mode !== '--check')) {
    console.error(usage);
    return 2;
  }

  const table = renderScenarioTable();
  if (mode === undefined) {
    console.log(table);
    return 0;
  }

  const readme = readReadme();
  const updated = replaceTable(readme, table);
  if (updated === readme) {
    console.log('README.md scenario table is up to date.');
    return 0;
  }
  if (mode === '--check') {
    console.error('README.md scenario table is out of date with the catalog. Run `npm run readme` to update it.');
    return 1;
  }
  writeFileSync(readmePath, updated);
  console.log('Updated the scenario table in README.md.');
  return 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
