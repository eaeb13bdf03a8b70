/**
 * `cors-playground scenario CASE.json --id ID [--title TITLE]`: prints a draft catalog file for a case,
 * `scenarios/catalog/<id>.ts`, for an engineer to redirect into place and finish. It writes no file itself.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { formatIssues, parseCaseJson } from '../../scenarios/case/index.ts';
import { scenarioSourceFromCase } from '../../scenarios/case/to-scenario.ts';
import { scenarios } from '../../scenarios/index.ts';
import { scenarioHelp } from '../help.ts';
import { exitCodes, parseCommandArgs, UsageError, type Io } from '../usage.ts';

/** A catalog id: lowercase words of letters and digits joined by hyphens, as URLs and file names use it. */
const idPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const maxIdLength = 100;
const maxTitleLength = 200;

export async function scenarioCommand(args: readonly string[], io: Io): Promise<number> {
  const options = {
    id: { type: 'string' },
    title: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  } as const;
  const { values, positionals } = parseCommandArgs('scenario', options, () =>
    parseArgs({ args: [...args], options, allowPositionals: true }),
  );
  if (values.help === true) {
    io.out(scenarioHelp);
    return exitCodes.ok;
  }

  const file = parseCaseFile(positionals);
  const id = parseId(values.id);
  const title = parseTitle(values.title);

  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    io.err(`${file}: cannot read the case file: ${(error as Error).message}`);
    return exitCodes.usage;
  }
  const parsed = parseCaseJson(text);
  if (!parsed.ok) {
    io.err(`${file}: invalid case\n${formatIssues(parsed.issues).replace(/^/gm, '  ')}`);
    return exitCodes.usage;
  }
  io.out(
    (
      await scenarioSourceFromCase(parsed.value, id, title ?? parsed.value.title ?? `TODO: a title for ${id}`)
    ).trimEnd(),
  );
  return exitCodes.ok;
}

function parseCaseFile(positionals: readonly string[]): string {
  if (positionals.length === 0) {
    throw new UsageError(
      "Missing CASE.json: give one case file, such as 'cors-playground scenario case.json --id my-case'.",
    );
  }
  if (positionals.length > 1) {
    throw new UsageError(
      `Too many arguments: scenario takes one case file, got ${positionals.length}: ${positionals.join(' ')}.`,
    );
  }
  return positionals[0]!;
}

function parseId(value: string | undefined): string {
  if (value === undefined) {
    throw new UsageError(
      "Missing --id: give the new scenario's id in kebab-case, such as --id preflight-missing-vary.",
    );
  }
  if (!idPattern.test(value) || value.length > maxIdLength) {
    throw new UsageError(
      `Invalid --id '${value}': an id is at most ${maxIdLength} lowercase letters and digits in words joined by single hyphens, such as missing-allow-origin.`,
    );
  }
  if (scenarios.some((scenario) => scenario.id === value)) {
    throw new UsageError(`Invalid --id '${value}': the catalog already has a scenario with this id; choose another.`);
  }
  return value;
}

function parseTitle(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (value.trim() === '' || value.length > maxTitleLength) {
    throw new UsageError(`Invalid --title: give a title of 1 to ${maxTitleLength} characters.`);
  }
  return value;
}
