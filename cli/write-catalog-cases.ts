/**
 * Writes example cases from catalog variants into `cases/catalog/`, one file each, so the
 * command line has cases that the browser, the evaluator and the catalog all agree on.
 * Run with `npm run cases`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { caseFromScenario } from '../scenarios/case/index.ts';
import { findScenario, type VariantName } from '../scenarios/index.ts';

/** A few variants of each kind: a response block, a preflight block, redirects, the proxy, other initiators. */
export const catalogCaseVariants: readonly (readonly [string, VariantName])[] = [
  ['missing-allow-origin', 'broken'],
  ['missing-allow-origin', 'fixed'],
  ['wildcard-with-credentials', 'broken'],
  ['header-not-allowed', 'broken'],
  ['header-not-allowed', 'fixed'],
  ['preflight-redirect', 'broken'],
  ['redirect-userinfo', 'broken'],
  ['redirect-tainted-origin', 'broken'],
  ['duplicate-allow-origin', 'broken'],
  ['xhr-missing-allow-origin', 'broken'],
];

const directory = new URL('../cases/catalog/', import.meta.url);

async function writeCatalogCases(): Promise<void> {
  mkdirSync(directory, { recursive: true });
  for (const [id, variant] of catalogCaseVariants) {
    const scenario = findScenario(id);
    if (scenario === undefined) throw new Error(`Unknown scenario id '${id}' in catalogCaseVariants.`);
    const file = new URL(`${id}-${variant}.json`, directory);
    const path = fileURLToPath(file);
    const value = { $schema: '../../scenarios/case/case.schema.json', ...caseFromScenario(scenario, variant) };
    const config = await resolveConfig(path);
    writeFileSync(file, await format(JSON.stringify(value), { ...config, filepath: path }));
    console.log(`Wrote ${path}`);
  }
}

await writeCatalogCases();
