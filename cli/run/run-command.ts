/**
 * `cors-playground run CASE.json…`: runs each case in headless Chromium against the lab, on servers
 * it starts in-process on free loopback ports, and compares the browser with the evaluator.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { formatIssues, parseCaseJson, type Case } from '../../scenarios/case/index.ts';
import { exitCodes, parseCommandArgs, UsageError, type Io } from '../usage.ts';
import { CaseBrowser } from './browser.ts';
import { startLabServers } from './lab-servers.ts';
import { runCase, type CaseRun } from './run-case.ts';
import { formatCaseRun, formatSummary } from './run-report.ts';

export const runHelp = `Usage: cors-playground run [--json] CASE.json…

Runs each case in headless Chromium. The command starts the playground's servers on free
loopback ports, opens a page at the case's page origin (a sandboxed frame for "null"), and
sends the case's request to the lab, which answers as the case composes. For each case it
prints the browser's verdict, console message and DevTools corsError, what the servers
received, and the evaluator's verdict for the same exchanges.

Options:
  --json      print one JSON document with every case's result
  -h, --help  show this help

Exit code: 0 when every case meets its expected outcome and the evaluator agrees with the
browser, 1 when a case does not, 2 for a usage error or an invalid case file.

Examples:
  cors-playground run cases/*.json
  cors-playground run --json cases/null-origin.json > result.json

The case format is described by scenarios/case/case.schema.json.`;

export async function runCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('run', () =>
    parseArgs({
      args: [...args],
      options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
    }),
  );
  if (values.help === true) {
    io.out(runHelp);
    return exitCodes.ok;
  }
  if (positionals.length === 0) {
    throw new UsageError("Missing CASE.json: give one or more case files, such as 'cors-playground run cases/*.json'.");
  }

  const cases = await loadCases(positionals, io);
  if (cases === undefined) return exitCodes.usage;

  const servers = await startLabServers(() => {});
  const runs: CaseRun[] = [];
  try {
    const browser = await CaseBrowser.launch();
    try {
      for (const { file, value } of cases) {
        const run = await runCase(file, value, servers, browser);
        runs.push(run);
        if (values.json !== true) io.out(`${formatCaseRun(run)}\n`);
      }
    } finally {
      await browser.close();
    }
  } finally {
    await servers.close();
  }

  if (values.json === true)
    io.out(JSON.stringify({ cases: runs, passed: runs.filter((run) => run.ok).length }, null, 2));
  else io.out(formatSummary(runs));
  return runs.every((run) => run.ok) ? exitCodes.ok : exitCodes.failed;
}

async function loadCases(files: readonly string[], io: Io): Promise<{ file: string; value: Case }[] | undefined> {
  const cases: { file: string; value: Case }[] = [];
  let valid = true;
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      io.err(`${file}: cannot read the case file: ${(error as Error).message}`);
      valid = false;
      continue;
    }
    const parsed = parseCaseJson(text);
    if (!parsed.ok) {
      io.err(`${file}: invalid case\n${indent(formatIssues(parsed.issues))}`);
      valid = false;
      continue;
    }
    cases.push({ file, value: parsed.value });
  }
  return valid ? cases : undefined;
}

function indent(text: string): string {
  return text.replace(/^/gm, '  ');
}
