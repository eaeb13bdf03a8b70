import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { defineScenario } from '../define.ts';
import { scenarios } from '../index.ts';
import { variantNames } from '../types.ts';
import { caseFromScenario, isCaseScenario } from './from-scenario.ts';
import { caseSchema } from './schema.ts';
import { allowedGet } from './test-cases.ts';
import { scenarioDraftFromCase, scenarioSource, scenarioSourceFromCase } from './to-scenario.ts';

const caseVariants = scenarios.flatMap((scenario) =>
  variantNames.filter((variant) => isCaseScenario(scenario, variant)).map((variant) => ({ scenario, variant })),
);

/**
 * Catalog variants whose answers the draft's server cannot give exactly, with the reason its TODO line
 * states: a preflight that gets 401 with CORS headers has no middleware of its own, and a redirect whose
 * headers differ from the response's needs middleware that runs only on the redirecting server.
 */
const inexact: Readonly<Record<string, string>> = {
  'preflight-unauthorized broken': 'answer-options always answers 204',
  'redirect-userinfo broken': 'dropped the headers of the redirects',
};

describe('scenarioDraftFromCase', () => {
  it('round-trips the answers of catalog variants', () => {
    const exact: string[] = [];

    for (const { scenario, variant } of caseVariants) {
      const name = `${scenario.id} ${variant}`;
      const original = caseFromScenario(scenario, variant);
      const draft = scenarioDraftFromCase(original, `draft-${scenario.id}`, scenario.title);
      const roundTrip = caseFromScenario(defineScenario(draft.row), 'broken');

      const todos = draft.todos.join(' | ');
      if (JSON.stringify(roundTrip.answers) === JSON.stringify(original.answers)) {
        exact.push(name);
        expect(inexact[name], `${name} round-trips now: remove it from the inexact list`).toBeUndefined();
        expect(todos, name).not.toContain("the draft's server answers");
        continue;
      }
      const reason = inexact[name];
      expect(reason, `${name} does not round-trip: ${todos}`).toBeDefined();
      expect(todos, name).toContain(reason);
      expect(todos, name).toContain("the draft's server answers");
    }

    // 141 of the 143 catalog variants with a case when this test was written.
    expect(exact.length).toBe(caseVariants.length - Object.keys(inexact).length);
  });

  it('keeps the request of a catalog variant', () => {
    for (const { scenario, variant } of caseVariants) {
      const original = caseFromScenario(scenario, variant);
      const draft = scenarioDraftFromCase(original, `draft-${scenario.id}`, scenario.title);

      const roundTrip = caseFromScenario(defineScenario(draft.row), 'broken');

      expect(roundTrip.request, `${scenario.id} ${variant}`).toEqual(original.request);
    }
  });

  it('takes the outcome from the evaluator', () => {
    const value = caseSchema.parse({ ...allowedGet, expected: undefined, answers: { response: { status: 200 } } });

    const draft = scenarioDraftFromCase(value, 'missing-header-draft', 'Draft');

    expect(draft.row.broken.outcome).toMatchObject({
      verdict: 'blocked',
      stage: 'response',
      corsError: 'MissingAllowOriginHeader',
      fault: { exchange: 'actual', header: 'Access-Control-Allow-Origin' },
    });
  });

  it('marks a response without Content-Type', () => {
    const value = caseSchema.parse({ ...allowedGet, answers: { response: { status: 200 } } });

    const draft = scenarioDraftFromCase(value, 'no-content-type', 'Draft');

    expect(draft.todos.join('\n')).toContain('the response has no Content-Type header');
  });

  it('drops a location without redirect status', () => {
    const value = caseSchema.parse({
      ...allowedGet,
      answers: {
        response: {
          status: 300,
          headers: [['Content-Type', 'text/plain']],
          body: 'choices',
          location: { target: 'api' },
        },
      },
    });

    const draft = scenarioDraftFromCase(value, 'multiple-choices', 'Draft');

    expect(draft.todos).toContain(
      'dropped the location of the 300 response: the catalog redirects only with a redirect status.',
    );
    expect(draft.row.broken.middleware).toBeUndefined();
  });
});

describe('scenarioSource', () => {
  it('writes a defineScenario call', async () => {
    const value = caseFromScenario(
      scenarios.find((scenario) => scenario.id === 'method-not-allowed')!,
      'broken',
    );

    const source = await scenarioSourceFromCase(value, 'method-not-allowed-draft', 'Draft');

    expect(source).toContain("import { defineScenario } from '../define.ts';");
    expect(source).toContain('export default defineScenario({');
    expect(source).toContain("id: 'method-not-allowed-draft',");
    expect(source).toContain("request: { method: 'PUT', body: 'status=shipped' },");
    expect(source).toContain('// TODO: a copy of the broken variant');
    expect(source).toContain("corsError: 'MethodDisallowedByPreflightResponse',");
  });

  it.each([
    ["The server's list", `"The server's list"`],
    [`It's a "list"`, `'It\\'s a "list"'`],
    ['Plain', `'Plain'`],
  ])('quotes the title %s as Prettier does', async (title, literal) => {
    const draft = scenarioDraftFromCase(caseSchema.parse(allowedGet), 'quoted', title);

    expect(await scenarioSource(draft)).toContain(`  title: ${literal},\n`);
  });

  it('writes each TODO as a comment', async () => {
    const draft = { row: scenarioDraftFromCase(caseSchema.parse(allowedGet), 'a', 'A').row, todos: ['check this.'] };

    expect(await scenarioSource(draft)).toContain('  // TODO: check this.\n  broken: ');
  });

  it('writes a literal that evaluates to the row', async () => {
    for (const { scenario, variant } of caseVariants) {
      const draft = scenarioDraftFromCase(caseFromScenario(scenario, variant), 'draft', 'Draft');
      const source = await scenarioSource(draft);
      const literal = source.slice(
        source.indexOf('defineScenario({') + 'defineScenario('.length,
        source.lastIndexOf(');'),
      );

      // The literal is plain data: object and array literals, strings, numbers and booleans.
      const value: unknown = runInNewContext(`(${literal})`);

      expect(value, `${scenario.id} ${variant}`).toEqual(JSON.parse(JSON.stringify(draft.row)));
    }
  });
});
