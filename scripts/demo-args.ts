/** The command line of `npm run demo`, parsed and checked before anything starts. */
import { findScenario, scenarios, type Scenario } from '../scenarios/index.ts';

export interface DemoOptions {
  readonly scenarios: readonly Scenario[];
  readonly headless: boolean;
  /** Pause between steps, in milliseconds. */
  readonly paceMs: number;
  /** Added to each default port when the demo starts its own servers. */
  readonly portOffset: number;
}

export const demoUsage = `Usage: npm run demo -- [--headless] [--pace <seconds>] [--port-offset <n>] <scenario-id>...

Plays each scenario in a browser: the broken variant, Send, a pause on the inspector, the fixed
variant, Send again. It uses the playground that npm start runs, or starts its own servers on the
default ports plus --port-offset (20000 unless set), or 100 more while those ports are taken.

  --headless         run without a window, as on a machine without a display
  --pace <seconds>   pause between steps (default 2, or 0 with --headless)
  --port-offset <n>  first offset for the ports of servers the demo starts itself (default 20000)`;

const defaultPortOffset = 20000;
const defaultHeadedPaceMs = 2000;

/** Parses the arguments, or returns the message to print when they are invalid. */
export function parseDemoArgs(args: readonly string[]): DemoOptions | { readonly error: string } {
  let headless = false;
  let pace: number | undefined;
  let portOffset = defaultPortOffset;
  const ids: string[] = [];

  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (arg === '--headless') {
      headless = true;
    } else if (arg === '--pace' || arg === '--port-offset') {
      const raw = args[++index];
      const value = Number(raw);
      if (raw === undefined || raw === '' || !Number.isFinite(value) || value < 0) {
        return { error: `Invalid ${arg} '${raw ?? ''}': expected a number of at least 0.` };
      }
      if (arg === '--pace') pace = value;
      else if (!Number.isInteger(value) || value > 50000) {
        return { error: `Invalid --port-offset '${raw}': expected a whole number from 0 to 50000.` };
      } else portOffset = value;
    } else if (arg.startsWith('--')) {
      return { error: `Unknown option '${arg}'.` };
    } else {
      ids.push(arg);
    }
  }

  if (ids.length === 0) return { error: 'Name at least one scenario to play.' };
  const unknown = ids.filter((id) => findScenario(id) === undefined);
  if (unknown.length > 0) {
    return {
      error: `Unknown scenario ${unknown.map((id) => `'${id}'`).join(', ')}. Valid ids: ${scenarios.map((scenario) => scenario.id).join(', ')}.`,
    };
  }

  let paceMs = headless ? 0 : defaultHeadedPaceMs;
  if (pace !== undefined) paceMs = pace * 1000;
  return { scenarios: ids.map((id) => findScenario(id)!), headless, paceMs, portOffset };
}

/**
 * Returns why a visible browser cannot open, or undefined when it can. On Linux a headed Chromium needs
 * an X11 or Wayland display.
 */
export function missingDisplay(
  env: Readonly<Record<string, string | undefined>>,
  platform: string,
): string | undefined {
  if (platform !== 'linux') return undefined;
  if ((env.DISPLAY ?? '') !== '' || (env.WAYLAND_DISPLAY ?? '') !== '') return undefined;
  return (
    'No display: $DISPLAY is not set, so a visible browser cannot open here. ' +
    'Run `npm run demo -- --headless <scenario-id>...` to play the scenarios without a window, or set DISPLAY.'
  );
}
