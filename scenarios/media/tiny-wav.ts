/**
 * Builds a short WAV sound in code, so the audio scenario needs no sound file: a tenth of a second of
 * a 440 Hz tone, as 8-bit mono PCM at 8 kHz, which every browser decodes without a codec library.
 */
import { bytesToBase64 } from './base64.ts';

const sampleRate = 8000;
const sampleCount = 800;

export function buildTinyWav(): Uint8Array {
  const bytes = new Uint8Array(44 + sampleCount);
  const view = new DataView(bytes.buffer);
  const ascii = (offset: number, text: string) => {
    for (let i = 0; i < text.length; i++) view.setUint8(offset + i, text.charCodeAt(i));
  };
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + sampleCount, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true); // size of the fmt chunk
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate, true); // bytes per second
  view.setUint16(32, 1, true); // bytes per frame
  view.setUint16(34, 8, true); // bits per sample
  ascii(36, 'data');
  view.setUint32(40, sampleCount, true);
  for (let i = 0; i < sampleCount; i++) {
    // 8-bit PCM is unsigned, centred on 128; a quiet tone.
    view.setUint8(44 + i, 128 + Math.round(32 * Math.sin((2 * Math.PI * 440 * i) / sampleRate)));
  }
  return bytes;
}

/** The sound, base64-encoded for a catalog row's raw body. */
export const tinyWavBase64 = bytesToBase64(buildTinyWav());
