/** Usage errors and the shared argument parsing of the command line. */

/** Exit codes: 0 success, 1 a check failed (a case, or a request the browser would block), 2 usage or network error. */
export const exitCodes = { ok: 0, failed: 1, usage: 2 } as const;

/** An error in the command line's arguments. Its message names the argument and what is allowed. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * Runs node:util's parseArgs, turning its errors into a UsageError that lists the command's options and
 * points at its --help.
 */
export function parseCommandArgs<T>(command: string, options: Readonly<Record<string, unknown>>, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    const message = (error as Error).message.replace(/\. To specify a positional argument.*$/s, '.');
    const names = Object.keys(options)
      .map((name) => `--${name}`)
      .join(', ');
    throw new UsageError(
      `${message} The options of '${command}' are ${names}. Run 'cors-playground ${command} --help' for examples.`,
    );
  }
}

/** The output of one command: lines for a person, and the exit code. */
export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};
