/** Encodes bytes as base64 with `btoa`, which both browsers and Node.js provide. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}
