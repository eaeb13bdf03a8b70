/**
 * `cors-playground run CASE.json…`: runs each case in headless Chromium against the lab, on servers
 * it starts in-process on free loopback ports, and compares the browser with the evaluator.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { formatIssues, parseCaseJson, type Case } from '../../scenarios/case/index.ts';
import { runHelp } from '../help.ts';
import { exitCodes, parseCommandArgs, UsageError, type Io } from '../usage.ts';
import { CaseBrowser } from './browser.ts';
import { startLabServers } from './lab-servers.ts';
import { runCase, type CaseRun } from './run-case.ts';
import { formatCaseRun, formatSummary } from './run-report.ts';

export async function runCommand(args: readonly string[], io: Io): Promise<number> {
  const options = { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } as const;
  const { values, positionals } = parseCommandArgs('run', options, () =>
    parseArgs({ args: [...args], options, allowPositionals: true }),
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
