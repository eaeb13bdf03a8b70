import { describe, expect, test } from 'vitest';

import { ProgressStore, parseProgress, progressStorageKey, type ProgressStorage } from './progress.ts';

/** A Web Storage stand-in backed by a map. */
function memoryStorage(initial: Record<string, string> = {}): ProgressStorage & { readonly data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

/** A storage whose every call throws, as a browser with blocked site data does. */
const throwingStorage: ProgressStorage = {
  getItem: () => {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  },
  setItem: () => {
    throw new DOMException('Quota exceeded', 'QuotaExceededError');
  },
  removeItem: () => {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  },
};

describe('ProgressStore', () => {
  test('starts empty', () => {
    const store = new ProgressStore(memoryStorage());

    expect(store.get('missing-allow-origin')).toEqual({ seen: false, predicted: false, fixed: false, prompted: [] });
  });

  test('marks survive a new store', () => {
    const storage = memoryStorage();
    const store = new ProgressStore(storage);

    store.markSeen('a');
    store.markPrompted('a', 'broken', true);
    store.markFixed('b');

    const reloaded = new ProgressStore(storage);
    expect(reloaded.get('a')).toEqual({ seen: true, predicted: true, fixed: false, prompted: ['broken'] });
    expect(reloaded.get('b')).toMatchObject({ seen: true, fixed: true });
  });

  test('skipped prompt is not a prediction', () => {
    const store = new ProgressStore(memoryStorage());

    store.markPrompted('a', 'fixed', false);

    expect(store.get('a')).toMatchObject({ predicted: false, prompted: ['fixed'] });
  });

  test('later skip keeps an earlier prediction', () => {
    const store = new ProgressStore(memoryStorage());

    store.markPrompted('a', 'broken', true);
    store.markPrompted('a', 'fixed', false);

    expect(store.get('a')).toMatchObject({ predicted: true, prompted: ['broken', 'fixed'] });
  });

  test('reset clears memory and storage', () => {
    const storage = memoryStorage();
    const store = new ProgressStore(storage);
    store.markFixed('a');

    store.reset();

    expect(store.get('a').fixed).toBe(false);
    expect(storage.data.has(progressStorageKey)).toBe(false);
  });

  test('change event after each update', () => {
    const store = new ProgressStore(memoryStorage());
    let changes = 0;
    store.addEventListener('change', () => changes++);

    store.markSeen('a');
    store.markSeen('a');
    store.reset();

    expect(changes, 'a second markSeen changes nothing').toBe(2);
  });

  test('throwing storage keeps progress in memory', () => {
    const store = new ProgressStore(throwingStorage);

    store.markFixed('a');
    store.reset();
    store.markSeen('b');

    expect(store.get('b').seen).toBe(true);
    expect(store.persistent).toBe(false);
  });

  test('missing storage is not persistent', () => {
    const store = new ProgressStore(undefined);

    store.markSeen('a');

    expect(store.get('a').seen).toBe(true);
    expect(store.persistent).toBe(false);
  });

  test('working storage is persistent', () => {
    expect(new ProgressStore(memoryStorage()).persistent).toBe(true);
  });
});

describe('parseProgress', () => {
  test.each(['', 'not json', '[]', '42', 'null'])('%j reads as no progress', (text) => {
    expect(parseProgress(text)).toEqual({});
  });

  test('keeps well-formed fields only', () => {
    const text = JSON.stringify({
      a: { seen: true, predicted: 'yes', fixed: true, prompted: ['broken', 'half-fixed', 3] },
      b: 'garbage',
    });

    expect(parseProgress(text)).toEqual({ a: { seen: true, predicted: false, fixed: true, prompted: ['broken'] } });
  });
});
