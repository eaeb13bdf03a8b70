import { describe, expect, it } from 'vitest';

import { buildTinyFont } from './tiny-font.ts';
import { buildTinyWav } from './tiny-wav.ts';

describe('buildTinyFont', () => {
  const font = buildTinyFont();
  const view = new DataView(font.buffer);
  const tableCount = view.getUint16(4);
  const tables = Array.from({ length: tableCount }, (_, index) => {
    const entry = 12 + index * 16;
    const tag = String.fromCharCode(...font.subarray(entry, entry + 4));
    return { tag, offset: view.getUint32(entry + 8), length: view.getUint32(entry + 12) };
  });

  it('starts with the TrueType sfnt version', () => {
    expect(view.getUint32(0)).toBe(0x00010000);
  });

  it('has the tables a TrueType font needs, sorted by tag', () => {
    const tags = tables.map((table) => table.tag);

    expect(tags).toEqual(['OS/2', 'cmap', 'glyf', 'head', 'hhea', 'hmtx', 'loca', 'maxp', 'name', 'post']);
  });

  it('places every table on a 4-byte boundary inside the file', () => {
    for (const { tag, offset, length } of tables) {
      expect(offset % 4, tag).toBe(0);
      expect(offset + length, tag).toBeLessThanOrEqual(font.length);
    }
  });

  it('ends loca at the length of glyf', () => {
    const loca = tables.find((table) => table.tag === 'loca')!;
    const glyf = tables.find((table) => table.tag === 'glyf')!;

    expect(view.getUint16(loca.offset + loca.length - 2) * 2).toBe(glyf.length);
  });
});

describe('buildTinyWav', () => {
  const wav = buildTinyWav();
  const view = new DataView(wav.buffer);
  const text = (offset: number) => String.fromCharCode(...wav.subarray(offset, offset + 4));

  it('is a RIFF WAVE file with PCM data', () => {
    expect([text(0), text(8), text(12), text(36)]).toEqual(['RIFF', 'WAVE', 'fmt ', 'data']);
    expect(view.getUint16(20, true)).toBe(1);
  });

  it('lasts a tenth of a second', () => {
    const sampleRate = view.getUint32(24, true);
    const dataBytes = view.getUint32(40, true);

    expect(dataBytes / sampleRate).toBe(0.1);
    expect(view.getUint32(4, true)).toBe(wav.length - 8);
  });
});
