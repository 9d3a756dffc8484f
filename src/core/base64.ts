/**
 * Bytes as Base64 text and back, for typed arrays that travel through
 * extension storage (which keeps JSON: a typed array would arrive as an
 * object of numbered keys). The native Uint8Array.fromBase64/toBase64
 * (Chrome 140, Firefox 133) where the engine has them, else atob/btoa.
 */

interface NativeBase64 {
  fromBase64?: (text: string) => Uint8Array;
}
interface NativeToBase64 {
  toBase64?: () => string;
}

export function bytesToBase64(bytes: Uint8Array): string {
  const native = (bytes as Uint8Array & NativeToBase64).toBase64;
  if (typeof native === 'function') return native.call(bytes);
  let binary = '';
  // In pieces: fromCharCode takes its arguments on the stack.
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function base64ToBytes(text: string): Uint8Array {
  const native = (Uint8Array as unknown as NativeBase64).fromBase64;
  if (typeof native === 'function') return native(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** A typed array's bytes as Base64 (in this machine's byte order: read back on the same machine). */
export const arrayToBase64 = (array: Uint16Array | Uint32Array): string =>
  bytesToBase64(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));

export const base64ToUint16 = (text: string): Uint16Array => {
  const bytes = base64ToBytes(text);
  return new Uint16Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 2);
};

export const base64ToUint32 = (text: string): Uint32Array => {
  const bytes = base64ToBytes(text);
  return new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
};
