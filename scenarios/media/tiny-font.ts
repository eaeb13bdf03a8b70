/**
 * Builds a minimal TrueType font in code, so the font scenarios need no font file: one glyph, a
 * square, mapped to the letter A. Chromium checks every web font with the OpenType Sanitizer (OTS)
 * before it uses it, so the font has all ten tables a TrueType font needs.
 */
import { bytesToBase64 } from './base64.ts';

const unitsPerEm = 1000;
/** The square: from (100, 0) to (600, 500), advancing 700 units. */
const square = { xMin: 100, yMin: 0, xMax: 600, yMax: 500, advance: 700 };

/** Writes big-endian fields, as every sfnt table stores them. */
class TableWriter {
  private readonly bytes: number[] = [];

  u8(value: number): this {
    this.bytes.push(value & 0xff);
    return this;
  }

  u16(value: number): this {
    return this.u8(value >> 8).u8(value);
  }

  i16(value: number): this {
    return this.u16(value < 0 ? value + 0x10000 : value);
  }

  u32(value: number): this {
    return this.u16(Math.floor(value / 0x10000)).u16(value % 0x10000);
  }

  /** Writes a LONGDATETIME, 64-bit seconds since 1904, as zero, which keeps the font reproducible. */
  date(): this {
    return this.u32(0).u32(0);
  }

  zeros(count: number): this {
    for (let i = 0; i < count; i++) this.u8(0);
    return this;
  }

  done(): number[] {
    return this.bytes;
  }
}

function head(): number[] {
  return new TableWriter()
    .u32(0x00010000) // version 1.0
    .u32(0x00010000) // fontRevision 1.0
    .u32(0) // checkSumAdjustment, left at 0: Chromium 156 loads the font without it
    .u32(0x5f0f3cf5) // magicNumber
    .u16(0x000b) // flags: baseline at y=0, left sidebearing at x=0, integer scaling
    .u16(unitsPerEm)
    .date() // created
    .date() // modified
    .i16(square.xMin)
    .i16(square.yMin)
    .i16(square.xMax)
    .i16(square.yMax)
    .u16(0) // macStyle
    .u16(8) // lowestRecPPEM
    .i16(2) // fontDirectionHint
    .i16(0) // indexToLocFormat: short offsets
    .i16(0) // glyphDataFormat
    .done();
}

function hhea(): number[] {
  return new TableWriter()
    .u32(0x00010000)
    .i16(800) // ascender
    .i16(-200) // descender
    .i16(0) // lineGap
    .u16(square.advance) // advanceWidthMax
    .i16(0) // minLeftSideBearing
    .i16(0) // minRightSideBearing
    .i16(square.xMax) // xMaxExtent
    .i16(1) // caretSlopeRise
    .i16(0) // caretSlopeRun
    .i16(0) // caretOffset
    .zeros(8) // reserved
    .i16(0) // metricDataFormat
    .u16(2) // numberOfHMetrics
    .done();
}

function maxp(): number[] {
  return new TableWriter()
    .u32(0x00010000) // version 1.0, the TrueType form
    .u16(2) // numGlyphs: .notdef and the square
    .u16(4) // maxPoints
    .u16(1) // maxContours
    .u16(0) // maxCompositePoints
    .u16(0) // maxCompositeContours
    .u16(1) // maxZones
    .u16(0) // maxTwilightPoints
    .u16(0) // maxStorage
    .u16(0) // maxFunctionDefs
    .u16(0) // maxInstructionDefs
    .u16(0) // maxStackElements
    .u16(0) // maxSizeOfInstructions
    .u16(0) // maxComponentElements
    .u16(0) // maxComponentDepth
    .done();
}

function os2(): number[] {
  return new TableWriter()
    .u16(4) // version
    .i16(square.advance) // xAvgCharWidth
    .u16(400) // usWeightClass: regular
    .u16(5) // usWidthClass: medium
    .u16(0) // fsType: installable
    .i16(650) // ySubscriptXSize
    .i16(600) // ySubscriptYSize
    .i16(0) // ySubscriptXOffset
    .i16(75) // ySubscriptYOffset
    .i16(650) // ySuperscriptXSize
    .i16(600) // ySuperscriptYSize
    .i16(0) // ySuperscriptXOffset
    .i16(350) // ySuperscriptYOffset
    .i16(50) // yStrikeoutSize
    .i16(250) // yStrikeoutPosition
    .i16(0) // sFamilyClass
    .zeros(10) // panose
    .u32(1) // ulUnicodeRange1: Basic Latin
    .u32(0)
    .u32(0)
    .u32(0)
    .u32(0x4e4f4e45) // achVendID 'NONE'
    .u16(0x0040) // fsSelection: regular
    .u16(0x41) // usFirstCharIndex
    .u16(0x41) // usLastCharIndex
    .i16(800) // sTypoAscender
    .i16(-200) // sTypoDescender
    .i16(0) // sTypoLineGap
    .u16(800) // usWinAscent
    .u16(200) // usWinDescent
    .u32(1) // ulCodePageRange1: Latin 1
    .u32(0)
    .i16(500) // sxHeight
    .i16(500) // sCapHeight
    .u16(0) // usDefaultChar
    .u16(0x41) // usBreakChar
    .u16(1) // usMaxContext
    .done();
}

function hmtx(): number[] {
  return new TableWriter().u16(square.advance).i16(0).u16(square.advance).i16(square.xMin).done();
}

/** The square as one closed contour of four on-curve points, with coordinates as deltas. */
function glyf(): number[] {
  const points = [
    [square.xMin, square.yMin],
    [square.xMin, square.yMax],
    [square.xMax, square.yMax],
    [square.xMax, square.yMin],
  ] as const;
  const writer = new TableWriter()
    .i16(1) // numberOfContours
    .i16(square.xMin)
    .i16(square.yMin)
    .i16(square.xMax)
    .i16(square.yMax)
    .u16(points.length - 1) // endPtsOfContours[0]
    .u16(0); // instructionLength
  for (let i = 0; i < points.length; i++) writer.u8(0x01); // on curve, 16-bit x and y deltas
  let [x, y] = [0, 0];
  for (const [px] of points) {
    writer.i16(px - x);
    x = px;
  }
  for (const [, py] of points) {
    writer.i16(py - y);
    y = py;
  }
  return writer.done();
}

/** Short offsets (halved): .notdef is empty, the square takes the whole glyf table. */
function loca(glyfLength: number): number[] {
  return new TableWriter()
    .u16(0)
    .u16(0)
    .u16(glyfLength / 2)
    .done();
}

/** A Windows Unicode BMP subtable (format 4) that maps U+0041 to glyph 1. */
function cmap(): number[] {
  const segCount = 2; // 'A', then the required 0xFFFF end segment
  const subtableLength = 16 + segCount * 8;
  return new TableWriter()
    .u16(0) // version
    .u16(1) // numTables
    .u16(3) // platformID: Windows
    .u16(1) // encodingID: Unicode BMP
    .u32(12) // offset of the subtable
    .u16(4) // format
    .u16(subtableLength)
    .u16(0) // language
    .u16(segCount * 2) // segCountX2
    .u16(4) // searchRange: 2 * 2^floor(log2(segCount))
    .u16(1) // entrySelector
    .u16(0) // rangeShift
    .u16(0x41) // endCode[0]
    .u16(0xffff) // endCode[1]
    .u16(0) // reservedPad
    .u16(0x41) // startCode[0]
    .u16(0xffff) // startCode[1]
    .i16(1 - 0x41) // idDelta[0]: maps 'A' to glyph 1
    .i16(1) // idDelta[1]: maps 0xFFFF to glyph 0
    .u16(0) // idRangeOffset[0]
    .u16(0) // idRangeOffset[1]
    .done();
}

/** The family name, "Playground Square", as Windows UTF-16BE name records 1 (family) and 2 (subfamily). */
function name(): number[] {
  const utf16 = (text: string) => [...text].flatMap((char) => [0, char.charCodeAt(0)]);
  const strings = [utf16('Playground Square'), utf16('Regular')];
  const writer = new TableWriter()
    .u16(0)
    .u16(strings.length)
    .u16(6 + strings.length * 12);
  let offset = 0;
  strings.forEach((bytes, index) => {
    writer
      .u16(3)
      .u16(1)
      .u16(0x0409)
      .u16(index + 1)
      .u16(bytes.length)
      .u16(offset);
    offset += bytes.length;
  });
  for (const byte of strings.flat()) writer.u8(byte);
  return writer.done();
}

function post(): number[] {
  return new TableWriter()
    .u32(0x00030000) // version 3: no glyph names
    .u32(0) // italicAngle
    .i16(-100) // underlinePosition
    .i16(50) // underlineThickness
    .u32(0) // isFixedPitch
    .zeros(16) // memory usage hints
    .done();
}

function checksum(bytes: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < bytes.length; i += 4) {
    const word =
      ((bytes[i] ?? 0) << 24) | ((bytes[i + 1] ?? 0) << 16) | ((bytes[i + 2] ?? 0) << 8) | (bytes[i + 3] ?? 0);
    sum = (sum + (word >>> 0)) % 0x100000000;
  }
  return sum;
}

/** Assembles the tables behind an sfnt header and a table directory sorted by tag. */
export function buildTinyFont(): Uint8Array {
  const glyfTable = glyf();
  const tables: [string, number[]][] = [
    ['OS/2', os2()],
    ['cmap', cmap()],
    ['glyf', glyfTable],
    ['head', head()],
    ['hhea', hhea()],
    ['hmtx', hmtx()],
    ['loca', loca(glyfTable.length)],
    ['maxp', maxp()],
    ['name', name()],
    ['post', post()],
  ];
  const entrySelector = Math.floor(Math.log2(tables.length));
  const searchRange = 2 ** entrySelector * 16;
  const directory = new TableWriter()
    .u32(0x00010000)
    .u16(tables.length)
    .u16(searchRange)
    .u16(entrySelector)
    .u16(tables.length * 16 - searchRange);

  let offset = 12 + tables.length * 16;
  const body: number[] = [];
  for (const [tag, bytes] of tables) {
    for (const char of tag) directory.u8(char.charCodeAt(0));
    directory.u32(checksum(bytes)).u32(offset).u32(bytes.length);
    // Each table starts on a 4-byte boundary.
    const padded = [...bytes, ...new Array<number>((4 - (bytes.length % 4)) % 4).fill(0)];
    body.push(...padded);
    offset += padded.length;
  }
  return new Uint8Array([...directory.done(), ...body]);
}

/** The font, base64-encoded for a catalog row's raw body. */
export const tinyFontBase64 = bytesToBase64(buildTinyFont());
