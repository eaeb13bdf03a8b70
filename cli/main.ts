/**
 * The cors-playground command line: `run` sends cases through a real Chromium against the lab,
 * and `check` probes a real API the way a browser would.
 */
import { checkCommand, checkHelp } from './check/check-command.ts';
import { runCommand, runHelp } from './run/run-command.ts';
import { exitCodes, processIo, UsageError, type Io } from './usage.ts';

export const mainHelp = `Usage: cors-playground <command> [options]

Commands:
  run CASE.json…    run cases in headless Chromium against the playground's lab
  check URL         probe a real API with the requests a browser would send

Run 'cors-playground <command> --help' for a command's options and examples.

Examples:
  cors-playground run cases/*.json
  cors-playground check https://api.example.com/orders --origin https://app.example.com --method PUT`;

const commands: Readonly<Record<string, { run: (args: readonly string[], io: Io) => Promise<number>; help: string }>> =
  {
    run: { run: runCommand, help: runHelp },
    check: { run: checkCommand, help: checkHelp },
  };

/** Runs the command line with its arguments, and returns the exit code. */
export async function main(args: readonly string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(mainHelp);
    return name === undefined ? exitCodes.usage : exitCodes.ok;
  }
  const command = commands[name];
  if (command === undefined) {
    io.err(`Unknown command '${name}': use one of ${Object.keys(commands).join(', ')}. Run 'cors-playground --help'.`);
    return exitCodes.usage;
  }
  try {
    return await command.run(rest, io);
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
