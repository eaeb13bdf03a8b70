/**
 * The cors-playground command line: `run` sends cases through a real Chromium against the lab,
 * `check` probes a real API the way a browser would, and `scenario` drafts a catalog scenario from a case.
 */
import { checkHelp, mainHelp, runHelp, scenarioHelp } from './help.ts';
import { exitCodes, processIo, UsageError, type Io } from './usage.ts';

type Command = (args: readonly string[], io: Io) => Promise<number>;

/** Each command loads its modules only when it runs, so help never depends on the servers or the browser. */
const commands: Readonly<Record<string, { load: () => Promise<Command>; help: string }>> = {
  run: { load: async () => (await import('./run/run-command.ts')).runCommand, help: runHelp },
  check: { load: async () => (await import('./check/check-command.ts')).checkCommand, help: checkHelp },
  scenario: {
    load: async () => (await import('./scenario/scenario-command.ts')).scenarioCommand,
    help: scenarioHelp,
  },
};

/** Runs the command line with its arguments, and returns the exit code. */
export async function main(args: readonly string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(mainHelp);
    return name === undefined ? exitCodes.usage : exitCodes.ok;
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (command === undefined) {
    io.err(`Unknown command '${name}': use one of ${Object.keys(commands).join(', ')}. Run 'cors-playground --help'.`);
    return exitCodes.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.help);
    return exitCodes.ok;
  }
  try {
    const run = await command.load();
    return await run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(error.message);
      return exitCodes.usage;
    }
    io.err(
      `cors-playground ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    return exitCodes.usage;
  }
}
