import { describe, expect, it } from 'vitest';
import type { RecordedExchange } from '../scenarios/records.ts';
import { estimateExchangeBytes, RecordStore } from './record-store.ts';

function exchange(sequence: number, headerValue = 'x'): RecordedExchange {
  return {
    server: 'api',
    sequence,
    receivedAt: new Date(0).toISOString(),
    method: 'GET',
    url: '/data',
    requestHeaders: [['origin', headerValue]],
    status: 200,
    responseHeaders: [],
  };
}

describe('RecordStore', () => {
  it('returns exchanges in arrival order', () => {
    const store = new RecordStore();
    const first = store.nextSequence('trace-a1');
    const second = store.nextSequence('trace-a1');
    store.add('trace-a1', exchange(second));
    store.add('trace-a1', exchange(first));
    expect(store.get('trace-a1').exchanges.map((e) => e.sequence)).toEqual([1, 2]);
  });

  it('returns nothing for an unknown trace', () => {
    expect(new RecordStore().get('never-seen').exchanges).toEqual([]);
  });

  it('counts exchanges past the per-trace limit', () => {
    const store = new RecordStore({ maxBytes: 1_000_000, maxExchangesPerTrace: 2 });
    for (let i = 1; i <= 5; i += 1) store.add('trace-b1', exchange(i));
    const snapshot = store.get('trace-b1');
    expect(snapshot.exchanges).toHaveLength(2);
    expect(snapshot.dropped).toBe(3);
  });

  it('evicts the least recently used traces first', () => {
    const big = 'v'.repeat(1000);
    const maxBytes = 3 * estimateExchangeBytes(exchange(1, big)) + 100;
    const store = new RecordStore({ maxBytes, maxExchangesPerTrace: 32 });
    // Three exchanges fit, so the fourth one pushes the store over its limit.
    store.add('trace-old', exchange(1, big));
    store.add('trace-mid', exchange(1, big));
    store.add('trace-old', exchange(2, big)); // touching trace-old makes trace-mid the oldest
    store.add('trace-new', exchange(1, big));

    expect(store.get('trace-mid').exchanges).toEqual([]);
    expect(store.get('trace-old').exchanges).toHaveLength(2);
    expect(store.get('trace-new').exchanges).toHaveLength(1);
    expect(store.bytes).toBeLessThanOrEqual(maxBytes);
  });

  it('stays within its byte limit under load', () => {
    const store = new RecordStore({ maxBytes: 100_000, maxExchangesPerTrace: 4 });
    for (let i = 0; i < 10_000; i += 1)
      store.add(`trace-${i.toString().padStart(6, '0')}`, exchange(1, 'y'.repeat(500)));
    expect(store.bytes).toBeLessThanOrEqual(100_000);
    expect(store.traceCount).toBeLessThan(200);
  });

  // V8 spends about 100 bytes on each header pair, whatever its length, so a request of 2,000 empty
  // headers takes about 200 KB of heap although it has only 4,000 characters.
  it('counts the cost of many short headers', () => {
    const store = new RecordStore({ maxBytes: 1_000_000, maxExchangesPerTrace: 32 });
    const manyHeaders: RecordedExchange = {
      ...exchange(1),
      requestHeaders: Array.from({ length: 2000 }, (_, i) => [`h${i % 10}`, ''] as const),
    };

    for (let i = 0; i < 100; i += 1) store.add(`trace-${i.toString().padStart(6, '0')}`, manyHeaders);

    expect(store.traceCount, 'traces kept of 200 KB each within 1 MB').toBeLessThanOrEqual(5);
  });
});
