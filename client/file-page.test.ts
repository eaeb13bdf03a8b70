import { describe, expect, it } from 'vitest';
import { findScenario, type RequestSpec } from '../scenarios/index.ts';
import { filePageHtml, filePageName } from './file-page.ts';

const scenario = findScenario('file-origin-null')!;
const request = scenario.variants.broken.request;
const page = {
  scenarioTitle: scenario.title,
  url: 'http://localhost:8001/scenarios/file-origin-null/broken/forecast?trace=abcdefgh12',
  request,
  appPageUrl: 'http://localhost:5173/#/scenarios/file-origin-null/broken',
};

/** Pulls the JSON that the page's script sends from its `const call = …;` line. */
function sentCall(html: string): { url: string; init: RequestInit } {
  const line = /const call = (.*);\n/.exec(html);
  if (line === null) throw new Error('the page has no call line');
  return JSON.parse(line[1]!) as { url: string; init: RequestInit };
}

describe('filePageHtml', () => {
  it('sends the catalog request to the variant URL with the trace id', () => {
    const call = sentCall(filePageHtml(page));
    expect(call.url).toBe(page.url);
    expect(call.init).toEqual({ method: 'GET', headers: {}, credentials: 'same-origin' });
  });

  it('escapes < in the script, so a value cannot close the script element', () => {
    const html = filePageHtml({ ...page, url: 'http://localhost:8001/x?q=</script><b>' });
    expect(html).not.toContain('</script><b>');
    expect(sentCall(html).url).toBe('http://localhost:8001/x?q=</script><b>');
  });

  it('escapes the title and links back to the scenario page', () => {
    const html = filePageHtml({ ...page, scenarioTitle: '<img src=x>' });
    expect(html).not.toContain('<img src=x>');
    expect(html).toContain(`href="${page.appPageUrl}"`);
  });

  it('refuses an initiator other than fetch()', () => {
    const xhr: RequestSpec = { ...request, initiator: 'xhr' };
    expect(() => filePageHtml({ ...page, request: xhr })).toThrow(/Invalid initiator 'xhr'/);
  });

  it('names the download after the scenario and variant', () => {
    expect(filePageName('file-origin-null', 'broken')).toBe('file-origin-null-broken.html');
  });
});
