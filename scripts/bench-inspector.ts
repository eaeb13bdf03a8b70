/**
 * Measures how long the inspector takes to render an attempt after its fetch() settles, in Chromium,
 * for every scenario and variant. It prints min, median, p95 and max per variant and overall, with the
 * Node version, CPU model and Chromium version.
 *
 * It starts no server: start the playground with `npm start` first (the port variables apply to both),
 * then run `npx tsx scripts/bench-inspector.ts`, or add `--runs N` for N attempts per variant (default 5).
 * The time is the page's own measure between two performance marks: `fetch()` settled, and the
 * inspector rendered the servers' records and the replay (Lit's `updateComplete`, before paint).
 */
import { chromium, type Page } from '@playwright/test';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { attemptSettledMark, inspectorRenderedMark } from '../client/attempt.ts';
import { chromiumArgs, chromiumExecutable } from '../e2e/chromium.ts';
import { scenarios, variantNames } from '../scenarios/index.ts';
import { originsFromPorts, portsFromEnv } from '../scenarios/origins.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`Invalid --runs '${values.runs}': expected a whole number of attempts per variant, 1 or more.`);
  process.exit(1);
}

const origins = originsFromPorts(portsFromEnv(process.env));

/** Sends one attempt from the open scenario page and returns the page's measure between the two marks, in ms. */
async function measureAttempt(page: Page): Promise<number> {
  await page.evaluate(() => performance.clearMarks());
  await page.getByRole('button', { name: 'Send request' }).click();
  await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, inspectorRenderedMark);

  // The callback runs in the page, so it declares no named functions: tsx would wrap them in a helper
  // that exists only in Node.
  const { duration, traces } = await page.evaluate(
    ({ settled, rendered }) => ({
      duration: performance.measure('inspector', settled, rendered).duration,
      traces: [settled, rendered].map(
        (name) => ((performance.getEntriesByName(name)[0] as PerformanceMark).detail as { trace: string }).trace,
      ),
    }),
    { settled: attemptSettledMark, rendered: inspectorRenderedMark },
  );
  if (traces[0] !== traces[1]) throw new Error(`The marks belong to different attempts: ${traces.join(' and ')}.`);
  return duration;
}

/** Checks that the attempt drew the diagram, so that a page that failed to inspect cannot post a fast number. */
async function assertDiagramShown(page: Page, label: string): Promise<void> {
  const steps = await page.getByTestId('sequence-step').count();
  if (steps === 0) throw new Error(`The attempt on ${label} rendered no sequence diagram.`);
}

function percentile(sorted: readonly number[], fraction: number): number {
  // Nearest rank: the smallest value with at least `fraction` of the values at or below it.
  return sorted[Math.max(0, Math.ceil(fraction * sorted.length) - 1)]!;
}

function statsRow(label: string, durations: readonly number[], width: number): string {
  const sorted = [...durations].sort((a, b) => a - b);
  const cells = [sorted[0]!, percentile(sorted, 0.5), percentile(sorted, 0.95), sorted.at(-1)!];
  return `${label.padEnd(width)}  ${cells.map((value) => value.toFixed(1).padStart(7)).join('  ')}`;
}

const executablePath = chromiumExecutable();
const browser = await chromium.launch({
  args: chromiumArgs(),
  ...(executablePath !== undefined && { executablePath }),
});
try {
  const page = await browser.newPage();
  try {
    await page.goto(`${origins.app}/`);
  } catch (error) {
    throw new Error(`Failed to open ${origins.app}/. Is the playground running (npm start)? ${String(error)}`);
  }

  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log(`Node ${process.version}, ${cpu} (${cpus().length} logical CPUs), Chromium ${browser.version()}`);
  console.log(
    `${runs} attempts per variant against ${origins.app}, after one warm-up attempt per variant; times in ms\n`,
  );

  const labels = scenarios.flatMap((scenario) => variantNames.map((variant) => `${scenario.id} ${variant}`));
  const width = Math.max(...labels.map((label) => label.length), 'overall'.length);
  console.log(`${'variant'.padEnd(width)}  ${['min', 'median', 'p95', 'max'].map((h) => h.padStart(7)).join('  ')}`);

  const all: number[] = [];
  for (const scenario of scenarios) {
    for (const variant of variantNames) {
      const label = `${scenario.id} ${variant}`;
      await page.goto(`${origins.app}/#/scenarios/${scenario.id}/${variant}`);
      await page.getByRole('heading', { level: 1, name: scenario.title }).waitFor();

      await measureAttempt(page);
      const durations: number[] = [];
      for (let run = 0; run < runs; run += 1) {
        durations.push(await measureAttempt(page));
        await assertDiagramShown(page, label);
      }
      all.push(...durations);
      console.log(statsRow(label, durations, width));
    }
  }
  console.log(statsRow('overall', all, width));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
} finally {
  await browser.close();
}
