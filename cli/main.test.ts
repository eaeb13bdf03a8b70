import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from './main.ts';
import { captureIo } from './test-io.ts';

// A command loads its modules, the servers and Playwright among them, on first use, which is slow on a busy machine.
describe('command line', { timeout: 60_000 }, () => {
  it.each([
    [['--help'], 'Usage: cors-playground <command>'],
    [['run', '--help'], 'Usage: cors-playground run'],
    [['check', '--help'], 'Usage: cors-playground check URL'],
    [['scenario', '--help'], 'Usage: cors-playground scenario CASE.json'],
  ])('prints help for %j', async (args, words) => {
    const io = captureIo();

    const code = await main(args, io);

    expect(code).toBe(0);
    expect(io.stdout()).toContain(words);
    expect(io.stdout()).toContain('Examples:');
  });

  it.each(['probe', 'toString'])('rejects the unknown command %s', async (name) => {
    const io = captureIo();

    const code = await main([name], io);

    expect(code).toBe(2);
    expect(io.stderr()).toBe(
      `Unknown command '${name}': use one of run, check, scenario. Run 'cors-playground --help'.`,
    );
  });

  it('rejects an unknown option by name', async () => {
    const io = captureIo();

    const code = await main(['run', '--fast', 'a.json'], io);

    expect(code).toBe(2);
    expect(io.stderr()).toContain("Unknown option '--fast'");
    expect(io.stderr()).toContain("The options of 'run' are --json, --help.");
    expect(io.stderr()).toContain('cors-playground run --help');
  });

  it('run lists every invalid field of a case file', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'cors-playground-'));
    const file = join(directory, 'bad.json');
    writeFileSync(file, JSON.stringify({ version: 1, request: { pageOrigin: 'evil', target: 'api' }, answers: {} }));
    const io = captureIo();

    const code = await main(['run', file], io);

    expect(code).toBe(2);
    expect(io.stderr()).toContain(`${file}: invalid case`);
    expect(io.stderr()).toContain('request.pageOrigin: Invalid value "evil": expected one of "app"');
    expect(io.stderr()).toContain('answers.response: Missing required field: expected an object.');
  });

  it('run names a file it cannot read', async () => {
    const io = captureIo();

    const code = await main(['run', 'no-such-case.json'], io);

    expect(code).toBe(2);
    expect(io.stderr()).toContain('no-such-case.json: cannot read the case file');
  });
});
