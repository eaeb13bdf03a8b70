import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../main.ts';
import { captureIo } from '../test-io.ts';

const caseFile = join(import.meta.dirname, '..', '..', 'cases', 'null-origin-allowed.json');

async function scenario(...args: string[]) {
  const io = captureIo();
  const code = await main(['scenario', ...args], io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

describe('cors-playground scenario', { timeout: 60_000 }, () => {
  it('prints a draft catalog file', async () => {
    const result = await scenario(caseFile, '--id', 'null-origin-draft', '--title', 'A null origin');

    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('defineScenario(');
    expect(result.stdout).toContain("id: 'null-origin-draft',");
    expect(result.stdout).toContain("title: 'A null origin',");
    expect(result.stdout).toContain("page: { kind: 'sandboxed-frame' }");
  });

  it.each(['Null_Origin', 'null origin', 'null-', 'null--origin'])('rejects the id %j', async (id) => {
    const result = await scenario(caseFile, '--id', id);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`Invalid --id '${id}'`);
    expect(result.stdout).toBe('');
  });

  it('rejects an id the catalog has', async () => {
    const result = await scenario(caseFile, '--id', 'missing-allow-origin');

    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Invalid --id 'missing-allow-origin': the catalog already has a scenario");
  });

  it('requires --id', async () => {
    const result = await scenario(caseFile);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Missing --id');
  });

  it('names a file it cannot read', async () => {
    const result = await scenario('no-such-case.json', '--id', 'new-draft');

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no-such-case.json: cannot read the case file');
  });

  it('lists the invalid fields of a case', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cors-playground-')), 'bad.json');
    writeFileSync(file, JSON.stringify({ version: 1, request: { pageOrigin: 'evil', target: 'api' }, answers: {} }));

    const result = await scenario(file, '--id', 'new-draft');

    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${file}: invalid case`);
    expect(result.stderr).toContain('request.pageOrigin: Invalid value "evil"');
  });

  it('rejects an unknown option by name', async () => {
    const result = await scenario(caseFile, '--id', 'new-draft', '--out', 'x.ts');

    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Unknown option '--out'");
    expect(result.stderr).toContain("The options of 'scenario' are --id, --title, --help.");
  });
});
