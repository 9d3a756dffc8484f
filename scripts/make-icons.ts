// Draws the toolbar icon and writes assets/icon-{16,32,48,128}.png.
// Run: npx tsx scripts/make-icons.ts
//
// The mark: a deep navy rounded square, a yellow highlighter stroke across it,
// and a white magnifying glass over the stroke: "your names, found and marked".
// Shapes are signed distance functions in a unit box; every pixel averages
// SUPERSAMPLE² samples, which gives anti-aliased edges. The PNG encoder below
// needs only node:zlib.
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 32, 48, 128] as const;
/** Transparent margin per size; the store asks for 96 px of art in the 128 px icon. */
const PADDING: Record<(typeof SIZES)[number], number> = { 16: 0, 32: 1, 48: 2, 128: 16 };
const SUPERSAMPLE = 8;

type Rgba = readonly [number, number, number, number];
type Point = readonly [number, number];
/** Negative inside the shape, positive outside, in unit-box lengths. */
type Shape = (p: Point) => number;

const NAVY: Rgba = [0x1f, 0x3a, 0x5f, 255];
const YELLOW: Rgba = [0xff, 0xd5, 0x4f, 255];
const WHITE: Rgba = [0xff, 0xff, 0xff, 255];

function roundedSquare(radius: number): Shape {
  return ([x, y]) => {
    const qx = Math.abs(x - 0.5) - (0.5 - radius);
    const qy = Math.abs(y - 0.5) - (0.5 - radius);
    const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
    return outside + Math.min(Math.max(qx, qy), 0) - radius;
  };
}

function circle([cx, cy]: Point, r: number): Shape {
  return ([x, y]) => Math.hypot(x - cx, y - cy) - r;
}

/** A stroke from a to b with round ends. */
function stroke([ax, ay]: Point, [bx, by]: Point, width: number): Shape {
  return ([x, y]) => {
    const [dx, dy] = [bx - ax, by - ay];
    const t = Math.min(1, Math.max(0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    return Math.hypot(x - ax - t * dx, y - ay - t * dy) - width / 2;
  };
}

const intersect =
  (...shapes: Shape[]): Shape =>
  (p) =>
    Math.max(...shapes.map((s) => s(p)));
const subtract =
  (a: Shape, b: Shape): Shape =>
  (p) =>
    Math.max(a(p), -b(p));
const union =
  (...shapes: Shape[]): Shape =>
  (p) =>
    Math.min(...shapes.map((s) => s(p)));

/**
 * Layers from bottom to top. `bold` thickens the white strokes for the
 * smallest size, where a 1.5 px ring would blur to grey.
 */
function design(bold: number): { shape: Shape; color: Rgba }[] {
  const tile = roundedSquare(0.22);
  const lensCentre: Point = [0.43, 0.43];
  const lensOuter = 0.26;
  const lensInner = 0.165 - bold;
  // The highlighter stroke, slightly rising like a hand-drawn mark, through the lens.
  const band = intersect(tile, stroke([0.08, 0.5], [0.92, 0.36], 0.2));
  const ring = subtract(circle(lensCentre, lensOuter), circle(lensCentre, lensInner));
  const handle = stroke([0.62, 0.62], [0.8, 0.8], 0.13 + bold);
  return [
    { shape: tile, color: NAVY },
    { shape: band, color: YELLOW },
    // A navy rim keeps the white lens apart from the yellow at small sizes.
    {
      shape: union(circle(lensCentre, lensOuter + 0.035), stroke([0.62, 0.62], [0.8, 0.8], 0.2)),
      color: NAVY,
    },
    { shape: intersect(circle(lensCentre, lensInner), band), color: YELLOW },
    { shape: union(ring, handle), color: WHITE },
  ];
}

function render(size: number, padding: number): Uint8Array {
  const layers = design(size <= 16 ? 0.025 : 0);
  const art = size - 2 * padding;
  const pixels = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      // Premultiplied sums, so that edges blend towards transparent correctly.
      let [r, g, b, a] = [0, 0, 0, 0];
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const p: Point = [
            (px - padding + (sx + 0.5) / SUPERSAMPLE) / art,
            (py - padding + (sy + 0.5) / SUPERSAMPLE) / art,
          ];
          const top = layers.findLast((layer) => layer.shape(p) < 0);
          if (!top) continue;
          const alpha = top.color[3] / 255;
          r += top.color[0] * alpha;
          g += top.color[1] * alpha;
          b += top.color[2] * alpha;
          a += alpha;
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) {
        pixels[i] = Math.round(r / a);
        pixels[i + 1] = Math.round(g / a);
        pixels[i + 2] = Math.round(b / a);
        pixels[i + 3] = Math.round((255 * a) / SUPERSAMPLE ** 2);
      }
    }
  }
  return pixels;
}

// --- PNG (https://www.w3.org/TR/png-3/): 8-bit RGBA, no interlace ------------

const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type RGBA, deflate, no filter method, no interlace
  const rows = Buffer.alloc(height * (1 + width * 4));
  for (let y = 0; y < height; y++) {
    // Each row starts with its filter type: 0, none.
    rows.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (1 + width * 4) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

const outDir = new URL('../assets/', import.meta.url);
mkdirSync(outDir, { recursive: true });
for (const size of SIZES) {
  const file = new URL(`icon-${size}.png`, outDir);
  const png = encodePng(size, size, render(size, PADDING[size]));
  writeFileSync(file, png);
  console.log(`${file.pathname} (${png.length} bytes)`);
}
