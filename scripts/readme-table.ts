/**
 * Generates the README's scenario table and coverage map from the catalog, so the README cannot drift from it.
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
  type Symptom,
} from '../scenarios/index.ts';
import { coverageGroupTitles, coverageMap } from '../scenarios/coverage.ts';

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
    describeOutcome(broken.outcome) + describeSilentSymptom(broken.symptoms),
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

/**
 * Adds the first symptom of a request that the browser lets through without a word, such as a header that
 * reads null, so the table does not make a silent failure look like a success.
 */
export function describeSilentSymptom(symptoms: readonly Symptom[] | undefined): string {
  const symptom = symptoms?.[0];
  if (symptom === undefined) return '';
  switch (symptom.kind) {
    case 'response-header':
      return `, but ${codeSpan(symptom.name)} reads ${codeSpan(String(symptom.value))}`;
    case 'request-header':
      return symptom.value === null
        ? `, but the server gets no ${codeSpan(symptom.name)}`
        : `, but the server gets ${codeSpan(`${symptom.name}: ${symptom.value}`)}`;
    case 'response-type':
      return `, but the response is ${codeSpan(symptom.value)}`;
    case 'json':
      return `, but ${codeSpan('json()')} gives ${codeSpan(symptom.value)}`;
    default:
      return assertNever(symptom);
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
  const widths = (rows[0] ?? []).map((_, column) => Math.max(3, ...rows.map((row) => cellWidth(row[column] ?? ''))));
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

/** The comments that enclose a generated table in README.md, and what the table is, for messages. */
export interface TableMarkers {
  readonly start: string;
  readonly end: string;
  readonly name: string;
}

const scenarioTableMarkers: TableMarkers = { start: startMarker, end: endMarker, name: 'scenario table' };

export const coverageMapMarkers: TableMarkers = {
  start: '<!-- coverage-map:start -->',
  end: '<!-- coverage-map:end -->',
  name: 'coverage map',
};

const coverageColumns = ['Group', 'Item', 'Reproduced by'] as const;

/**
 * Renders the coverage map (see `scenarios/coverage.ts`) as a Markdown table: every CORS error kind,
 * initiator and topic, with the scenarios that reproduce it or the reason none can.
 */
export function renderCoverageMap(catalog: readonly Scenario[] = scenarios): string {
  const rows = coverageMap(catalog).map((entry) => [
    escapeText(coverageGroupTitles[entry.group]),
    entry.group === 'cors-error' || entry.group === 'initiator' ? codeSpan(entry.id) : escapeText(entry.title),
    entry.scenarios.length > 0
      ? entry.scenarios.map(codeSpan).join(', ')
      : `not reproducible: ${escapeText(entry.notReproducible ?? 'no reason given')}`,
  ]);
  return alignTable([[...coverageColumns], ...rows]);
}

/** Replaces everything between the scenario table markers with `table`, keeping the markers. */
export function replaceTable(readme: string, table: string, markers: TableMarkers = scenarioTableMarkers): string {
  const { start: startMarker, end: endMarker, name } = markers;
  const start = readme.indexOf(startMarker);
  const end = readme.indexOf(endMarker);
  if (start === -1 || end === -1) {
    throw new Error(
      `README.md has no ${name} markers. Add a line ${startMarker} and, below it, a line ` +
        `${endMarker} where the table belongs, then run \`npm run readme\`.`,
    );
  }
  if (end < start) {
    throw new Error(`README.md has ${endMarker} before ${startMarker}. Put the start marker first.`);
  }
  if (readme.indexOf(startMarker, start + 1) !== -1 || readme.indexOf(endMarker, end + 1) !== -1) {
    throw new Error(`README.md has more than one ${name}. Keep one pair of ${startMarker} markers.`);
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
  const map = renderCoverageMap();
  if (mode === undefined) {
    console.log(`${table}\n\n${map}`);
    return 0;
  }

  const readme = readReadme();
  const updated = replaceTable(replaceTable(readme, table), map, coverageMapMarkers);
  if (updated === readme) {
    console.log('README.md scenario table and coverage map are up to date.');
    return 0;
  }
  if (mode === '--check') {
    console.error(
      'README.md scenario table or coverage map is out of date with the catalog. Run `npm run readme` to update them.',
    );
    return 1;
  }
  writeFileSync(readmePath, updated);
  console.log('Updated the scenario table and the coverage map in README.md.');
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
