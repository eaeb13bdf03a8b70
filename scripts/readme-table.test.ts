import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';

import { scenarios } from '../scenarios/index.ts';
import {
  coverageMapMarkers,
  describeReach,
  describeSilentSymptom,
  endMarker,
  escapeText,
  readReadme,
  readmePath,
  renderCoverageMap,
  renderScenarioTable,
  replaceTable,
  startMarker,
} from './readme-table.ts';

describe('README.md', () => {
  it('scenario table matches catalog', () => {
    const readme = readReadme();

    expect(readme, 'README.md is out of date with the catalog: run `npm run readme`').toBe(
      replaceTable(readme, renderScenarioTable()),
    );
  });

  it('coverage map matches catalog', () => {
    const readme = readReadme();

    expect(readme, 'README.md is out of date with the catalog: run `npm run readme`').toBe(
      replaceTable(readme, renderCoverageMap(), coverageMapMarkers),
    );
  });
});

describe('renderCoverageMap', () => {
  const lines = renderCoverageMap().split('\n');

  it('names the scenarios that reproduce an error kind', () => {
    const row = lines.find((line) => line.includes('| `PreflightDisallowedRedirect` '));

    expect(row).toContain('`preflight-redirect`');
  });

  it('gives the reason for a kind no scenario reproduces', () => {
    const row = lines.find((line) => line.includes('| `InvalidResponse` '));

    expect(row).toContain('| not reproducible: ');
  });
});

describe('describeSilentSymptom', () => {
  it('says what reads wrong when the browser says nothing', () => {
    expect(describeSilentSymptom([{ kind: 'response-header', name: 'X-Total-Count', value: null }])).toBe(
      ', but `X-Total-Count` reads `null`',
    );
    expect(describeSilentSymptom([{ kind: 'request-header', name: 'Cookie', value: null }])).toBe(
      ', but the server gets no `Cookie`',
    );
    expect(describeSilentSymptom(undefined)).toBe('');
  });
});

describe('renderScenarioTable', () => {
  const table = renderScenarioTable();
  const lines = table.split('\n');

  it('has one row per scenario', () => {
    expect(lines).toHaveLength(scenarios.length + 2);
  });

  it('lists ids in catalog order', () => {
    const ids = lines.slice(2).map((line) => /^\| `([^`]+)`/.exec(line)?.[1]);

    expect(ids).toEqual(scenarios.map((scenario) => scenario.id));
  });

  it('describes a preflight block', () => {
    const row = lines.find((line) => line.startsWith('| `preflight-unauthorized`'));

    expect(row).toContain('| blocked at preflight: `PreflightInvalidStatus` ');
    expect(row).toContain('| preflight only ');
    expect(row).toContain('| Preflight ');
  });

  it('describes a response block', () => {
    const row = lines.find((line) => line.startsWith('| `missing-allow-origin`'));

    expect(row).toContain('| blocked at the response: `MissingAllowOriginHeader` ');
    expect(row).toContain('| actual request ');
    expect(row).toContain('| Access-Control-Allow-Origin ');
  });

  it('rows share one width', () => {
    const widths = new Set(lines.map((line) => line.length));

    expect([...widths]).toHaveLength(1);
  });

  // `prettier --check .` covers README.md, so a table that Prettier would realign fails the lint.
  it('is stable under Prettier', async () => {
    const markdown = `# Scenarios\n\n${startMarker}\n\n${table}\n\n${endMarker}\n`;
    const config = await resolveConfig(readmePath);

    const formatted = await format(markdown, { ...config, filepath: readmePath });

    expect(formatted).toBe(markdown);
  });
});

describe('describeReach', () => {
  const cases = [
    ['nothing', [], 'nothing'],
    ['preflight alone', [{ server: 'api', method: 'OPTIONS', status: 401 }], 'preflight only'],
    ['simple request', [{ server: 'api', method: 'GET', status: 200 }], 'actual request'],
    [
      'preflight then request',
      [
        { server: 'api', method: 'OPTIONS', status: 204 },
        { server: 'api', method: 'PUT', status: 200 },
      ],
      'preflight and actual request',
    ],
    [
      'request through proxy',
      [
        { server: 'proxy', method: 'GET', status: 200 },
        { server: 'api', method: 'GET', status: 200 },
      ],
      'actual request',
    ],
  ] as const;

  it.each(cases)('%s', (_, exchanges, expected) => {
    expect(describeReach(exchanges)).toBe(expected);
  });
});

describe('escapeText', () => {
  const cases = [
    ['wildcard (or is *)', 'wildcard (or is \\*)'],
    ['a | b', 'a \\| b'],
    ['<b>x</b>', '\\<b\\>x\\</b\\>'],
    ['snake_case and `code`', 'snake\\_case and \\`code\\`'],
    ['two\nlines', 'two lines'],
    ['plain text', 'plain text'],
  ] as const;

  it.each(cases)('escapes %j', (text, expected) => {
    expect(escapeText(text)).toBe(expected);
  });
});

describe('replaceTable', () => {
  const table = '| a |\n| --- |\n| 1 |';

  it('fills empty markers', () => {
    const readme = `# Title\n\n${startMarker}\n${endMarker}\n\nAfter.\n`;

    expect(replaceTable(readme, table)).toBe(`# Title\n\n${startMarker}\n\n${table}\n\n${endMarker}\n\nAfter.\n`);
  });

  it('replaces an old table', () => {
    const readme = `Before.\n\n${startMarker}\n\n| old |\n| --- |\n\n${endMarker}\n`;

    expect(replaceTable(readme, table)).toBe(`Before.\n\n${startMarker}\n\n${table}\n\n${endMarker}\n`);
  });

  it('is idempotent', () => {
    const once = replaceTable(`${startMarker}\n${endMarker}\n`, table);

    expect(replaceTable(once, table)).toBe(once);
  });

  it('drops trailing newlines of table', () => {
    const readme = `${startMarker}\n${endMarker}\n`;

    expect(replaceTable(readme, `${table}\n\n`)).toBe(`${startMarker}\n\n${table}\n\n${endMarker}\n`);
  });

  it('rejects missing start marker', () => {
    expect(() => replaceTable(`text\n${endMarker}\n`, table)).toThrow('README.md has no scenario table markers');
  });

  it('rejects missing end marker', () => {
    expect(() => replaceTable(`${startMarker}\ntext\n`, table)).toThrow('README.md has no scenario table markers');
  });

  it('rejects end before start', () => {
    expect(() => replaceTable(`${endMarker}\n${startMarker}\n`, table)).toThrow('before');
  });

  it('rejects two tables', () => {
    const readme = `${startMarker}\n${endMarker}\n${startMarker}\n${endMarker}\n`;

    expect(() => replaceTable(readme, table)).toThrow('more than one scenario table');
  });
});

describe('readReadme', () => {
  it('reports missing file as no markers', () => {
    expect(() => readReadme('/nonexistent/README.md')).toThrow('README.md has no scenario table markers');
  });
});
