/**
 * Reads a zip's central directory and local headers as they are, for the
 * package test: fflate's unzip hides times, modes and extra fields.
 */
export interface ZipRecord {
  path: string;
  /** Upper byte of "version made by": 3 is Unix. */
  hostSystem: number;
  dosTime: number;
  dosDate: number;
  /** Unix mode bits (upper 16 bits of the external attributes). */
  mode: number;
  centralExtraLength: number;
  localExtraLength: number;
  commentLength: number;
}

export function zipDirectory(zip: Uint8Array): { records: ZipRecord[]; commentLength: number } {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = zip.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end--;
  if (end < 0) throw new Error('no end of central directory');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const records: ZipRecord[] = [];
  for (let i = 0; i < count; i++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error(`bad central header ${i}`);
    const nameLength = view.getUint16(at + 28, true);
    const centralExtraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    if (view.getUint32(local, true) !== 0x04034b50) throw new Error(`bad local header ${i}`);
    records.push({
      path: new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength)),
      hostSystem: view.getUint8(at + 5),
      dosTime: view.getUint16(at + 12, true),
      dosDate: view.getUint16(at + 14, true),
      mode: view.getUint32(at + 38, true) >>> 16,
      centralExtraLength,
      localExtraLength: view.getUint16(local + 28, true),
      commentLength,
    });
    at += 46 + nameLength + centralExtraLength + commentLength;
  }
  return { records, commentLength: view.getUint16(end + 20, true) };
}
