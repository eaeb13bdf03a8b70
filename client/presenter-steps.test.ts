import { describe, expect, test } from 'vitest';

import { presenterAction, stepVariant, type PresenterKey } from './presenter-steps.ts';

function key(name: string, change: Partial<PresenterKey> = {}): PresenterKey {
  return { key: name, shiftKey: false, altKey: false, ctrlKey: false, metaKey: false, target: 'other', ...change };
}

describe('presenterAction', () => {
  test.each([
    ['ArrowRight', 'next-step'],
    ['PageDown', 'next-step'],
    [' ', 'next-step'],
    ['ArrowLeft', 'previous-step'],
    ['PageUp', 'previous-step'],
    ['n', 'next-scenario'],
    ['P', 'previous-scenario'],
    ['Home', 'first-step'],
  ])('%j on the slide: %s', (name, action) => {
    expect(presenterAction(key(name))).toBe(action);
  });

  test('shift space goes back', () => {
    expect(presenterAction(key(' ', { shiftKey: true }))).toBe('previous-step');
  });

  test('radio keeps its arrows', () => {
    expect(presenterAction(key('ArrowRight', { target: 'radio' }))).toBeUndefined();
  });

  test('button keeps its space', () => {
    expect(presenterAction(key(' ', { target: 'button' }))).toBeUndefined();
  });

  test('page down works on any control but text', () => {
    expect(presenterAction(key('PageDown', { target: 'radio' }))).toBe('next-step');
    expect(presenterAction(key('PageDown', { target: 'text' }))).toBeUndefined();
  });

  test('browser shortcuts pass through', () => {
    expect(presenterAction(key('ArrowLeft', { altKey: true }))).toBeUndefined();
  });
});

describe('stepVariant', () => {
  test('broken until the fix', () => {
    expect(stepVariant('inspect')).toBe('broken');
    expect(stepVariant('fix')).toBe('fixed');
    expect(stepVariant('resend')).toBe('fixed');
  });
});
