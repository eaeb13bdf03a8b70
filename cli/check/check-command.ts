import type { Io } from '../usage.ts';
export const checkHelp = 'TODO';
export function checkCommand(_args: readonly string[], io: Io): Promise<number> {
  io.out('TODO');
  return Promise.resolve(2);
}
