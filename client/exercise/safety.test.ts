import { describe, expect, it } from 'vitest';

import { caseFromScenario, type CaseAnswers } from '../../scenarios/case/index.ts';
import { defaultOrigins, scenarioById } from '../test-catalog.ts';
import { allowOriginValues, findUnsafe, probeCase, probePagesFor, type ProbeResult } from './safety.ts';

const broken = caseFromScenario(scenarioById('missing-allow-origin'), 'broken');

function withAllowOrigin(value: string): CaseAnswers {
  return { ...broken.answers, response: { status: 200, headers: [['Access-Control-Allow-Origin', value]] } };
}

function probe(page: ProbeResult['page'], yoursReadable: boolean, referenceReadable = false): ProbeResult {
  return { page, yoursReadable, referenceReadable };
}

describe('safety check', () => {
  it('probes from every page but the case’s own', () => {
    const nullPage = caseFromScenario(scenarioById('sandboxed-iframe-null-origin'), 'broken');

    expect(probePagesFor(broken)).toEqual(['attacker', 'null']);
    expect(probePagesFor(nullPage)).toEqual(['attacker']);
  });

  it('sends the probe from another page with the same request', () => {
    const value = probeCase(broken, 'null', withAllowOrigin('null'));

    expect(value.request).toEqual({ ...broken.request, pageOrigin: 'null' });
    expect(value.answers.response.headers).toEqual([['Access-Control-Allow-Origin', 'null']]);
  });

  it('flags * where an allowlist belongs', () => {
    const findings = findUnsafe(
      [probe('attacker', true), probe('null', true)],
      withAllowOrigin('*'),
      broken,
      defaultOrigins,
    );

    expect(findings.map((finding) => finding.kind)).toEqual(['wildcard', 'wildcard']);
    expect(findings[0]?.message).toContain(defaultOrigins.attacker);
    expect(findings[1]?.message).toContain('origin is null');
  });

  it('flags trusting null', () => {
    const findings = findUnsafe([probe('null', true)], withAllowOrigin('null'), broken, defaultOrigins);

    expect(findings.map((finding) => finding.kind)).toEqual(['trusts-null']);
  });

  it('flags an allowed attacker origin', () => {
    const findings = findUnsafe([probe('attacker', true)], withAllowOrigin('{attacker}'), broken, defaultOrigins);

    expect(findings.map((finding) => finding.kind)).toEqual(['admits-attacker']);
  });

  it('accepts what the reference fix also lets through', () => {
    const findings = findUnsafe([probe('attacker', true, true)], withAllowOrigin('*'), broken, defaultOrigins);

    expect(findings).toEqual([]);
  });

  it('reads Allow-Origin values from every hop', () => {
    const answers: CaseAnswers = {
      preflight: { status: 204, headers: [['access-control-allow-origin', ' * ']] },
      redirects: [],
      response: { status: 200, headers: [['Access-Control-Allow-Origin', '{app}']] },
    };

    expect(allowOriginValues(answers)).toEqual(['*', '{app}']);
  });
});
