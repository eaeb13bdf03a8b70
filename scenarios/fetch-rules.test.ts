import { describe, expect, it } from 'vitest';
import {
  corsUnsafeRequestHeaderNames,
  isCorsSafelistedMethod,
  isCorsSafelistedRequestHeader,
  needsPreflight,
  normalizeMethod,
} from './fetch-rules.ts';

describe('normalizeMethod', () => {
  // Fetch uppercases DELETE, GET, HEAD, OPTIONS, POST and PUT, and no other method.
  it.each([
    ['get', 'GET'],
    ['Post', 'POST'],
    ['delete', 'DELETE'],
    ['put', 'PUT'],
    ['patch', 'patch'],
    ['PATCH', 'PATCH'],
    ['query', 'query'],
  ])('%s becomes %s', (method, normalized) => {
    expect(normalizeMethod(method)).toBe(normalized);
  });
});

describe('isCorsSafelistedMethod', () => {
  it.each([
    ['GET', true],
    ['HEAD', true],
    ['POST', true],
    ['PUT', false],
    ['PATCH', false],
    ['get', false],
  ])('%s is %s', (method, safelisted) => {
    expect(isCorsSafelistedMethod(method)).toBe(safelisted);
  });
});

describe('isCorsSafelistedRequestHeader', () => {
  it.each([
    ['Accept', 'application/json', true],
    ['Accept', 'text/html; q="0.9"', false],
    ['Accept-Language', 'en-US,en;q=0.9', true],
    ['Accept-Language', 'en_US', false],
    ['Content-Language', 'de', true],
    ['Content-Type', 'text/plain', true],
    ['Content-Type', 'text/plain;charset=UTF-8', true],
    ['Content-Type', 'application/x-www-form-urlencoded', true],
    ['Content-Type', 'multipart/form-data; boundary=x', true],
    ['Content-Type', 'application/json', false],
    ['Content-Type', 'text/plain; charset="utf-8"', false],
    ['Content-Type', 'not a mime type', false],
    ['Range', 'bytes=0-499', true],
    ['Range', 'bytes=100-', true],
    ['Range', 'bytes=-500', false],
    ['Range', 'bytes=500-100', false],
    ['Range', 'bytes=0-1,5-9', false],
    ['Authorization', 'Bearer x', false],
    ['X-Api-Key', 'k', false],
  ])('%s: %s is %s', (name, value, safelisted) => {
    expect(isCorsSafelistedRequestHeader(name, value)).toBe(safelisted);
  });

  it('rejects values over 128 bytes', () => {
    expect(isCorsSafelistedRequestHeader('Accept', 'a'.repeat(128))).toBe(true);
    expect(isCorsSafelistedRequestHeader('Accept', 'a'.repeat(129))).toBe(false);
  });

  it('counts bytes, not characters', () => {
    // "é" is two bytes in UTF-8, so 65 of them exceed 128 bytes.
    expect(isCorsSafelistedRequestHeader('Accept', 'é'.repeat(64))).toBe(true);
    expect(isCorsSafelistedRequestHeader('Accept', 'é'.repeat(65))).toBe(false);
  });
});

describe('corsUnsafeRequestHeaderNames', () => {
  it('lowercases and sorts the names', () => {
    expect(corsUnsafeRequestHeaderNames({ 'X-Zeta': '1', Authorization: 'Bearer x', Accept: '*/*' })).toEqual([
      'authorization',
      'x-zeta',
    ]);
  });

  it('names content-type for JSON', () => {
    expect(corsUnsafeRequestHeaderNames({ 'Content-Type': 'application/json' })).toEqual(['content-type']);
  });

  it('makes all safelisted names unsafe past 1024 bytes', () => {
    const atLimit: [string, string][] = Array.from({ length: 8 }, () => ['Accept', 'a'.repeat(128)]);
    expect(corsUnsafeRequestHeaderNames(atLimit)).toEqual([]);

    const pastLimit: [string, string][] = [...atLimit, ['Content-Language', 'de']];
    expect(corsUnsafeRequestHeaderNames(pastLimit)).toEqual(['accept', 'content-language']);
  });
});

describe('needsPreflight', () => {
  it.each([
    ['GET', {}, false],
    ['POST', { 'Content-Type': 'text/plain' }, false],
    ['POST', { 'Content-Type': 'application/json' }, true],
    ['PUT', {}, true],
    ['put', {}, true],
    ['GET', { Authorization: 'Bearer x' }, true],
    ['patch', {}, true],
  ])('%s with %o is %s', (method, headers, preflight) => {
    expect(needsPreflight(method, headers)).toBe(preflight);
  });
});

describe("Chromium 156's extra safelist", () => {
  it.each([
    ['DPR', '1.5', true],
    ['DPR', '1.', false],
    ['Device-Memory', '8', true],
    ['Width', '1280', true],
    ['Width', '1.5', false],
    ['Viewport-Width', '-1', false],
    ['Save-Data', 'ON', true],
    ['Save-Data', 'off', false],
    ['Intervention', '<x>', true],
  ])('%s: %s is %s', (name, value, safelisted) => {
    expect(isCorsSafelistedRequestHeader(name, value, 'chromium-156')).toBe(safelisted);
    expect(isCorsSafelistedRequestHeader(name, value)).toBe(false);
  });

  it('lets distinct names pass 1024 bytes', () => {
    const headers = {
      Accept: 'a'.repeat(128),
      'Accept-Language': 'b'.repeat(128),
      'Content-Language': 'c'.repeat(128),
      DPR: '2'.repeat(128),
      Width: '1'.repeat(128),
      'Viewport-Width': '1'.repeat(128),
      'Device-Memory': '8'.repeat(128),
      'Content-Type': 'text/plain;'.padEnd(128, 'x'),
    };
    expect(corsUnsafeRequestHeaderNames(headers, 'chromium-156')).toEqual([]);
    expect(corsUnsafeRequestHeaderNames({ ...headers, 'Save-Data': 'on' }, 'chromium-156')).toEqual([
      'accept',
      'accept-language',
      'content-language',
      'content-type',
      'device-memory',
      'dpr',
      'save-data',
      'viewport-width',
      'width',
    ]);
  });
});
